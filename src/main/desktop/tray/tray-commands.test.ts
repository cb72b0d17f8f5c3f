/**
 * The tray's commands as what runs them: contract commands (the window can send the same),
 * showing the window, the shell's own actions, quitting; and the icon file per platform.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/ipc/contract';
import { dispatchTrayCommand, selectTrayIconPath } from './tray-controller';
import type { TrayCommand } from './tray-menu';

describe('tray commands', () => {
  const every: TrayCommand[] = [
    { kind: 'inspect', action: 'listen', workNo: '1001' },
    { kind: 'inspect', action: 'barge', workNo: '1001' },
    { kind: 'inspect', action: 'whisper', workNo: '1001' },
    { kind: 'switch' },
    { kind: 'switch-to', mode: 'whisper' },
    { kind: 'intercept' },
    { kind: 'cancel' },
    { kind: 'sign-in' },
    { kind: 'sign-out' },
    { kind: 'open-window' },
    { kind: 'open-logs' },
    { kind: 'open-wallboard' },
    { kind: 'check-updates' },
    { kind: 'export-diagnostics' },
    { kind: 'quit' },
    { kind: 'note-template', workNo: '1001', text: 'Please finish your wrap-up.' },
    { kind: 'compose-note', workNo: '1001' },
    { kind: 'stop-follow' },
  ];

  it('map to contract commands the window can send too (or to showing the window, or quitting)', () => {
    for (const command of every) {
      const dispatch = dispatchTrayCommand(command);
      if (dispatch.kind === 'command') expect(COMMAND_NAMES).toContain(dispatch.name);
      // Issue 16: the shell answers updates and diagnostics itself, with a notification.
      else if (dispatch.kind === 'shell') expect(dispatch.action).toBe(command.kind);
      else expect(['sign-in', 'open-window', 'quit', 'compose-note']).toContain(command.kind);
    }
  });

  it('send a template note to the one agent through coaching.sendNote, source tray', () => {
    expect(
      dispatchTrayCommand({ kind: 'note-template', workNo: '1001', text: 'Please finish.' }),
    ).toEqual({
      kind: 'command',
      name: 'coaching.sendNote',
      args: {
        recipients: { kind: 'agents', workNos: ['1001'] },
        text: 'Please finish.',
        source: 'tray',
      },
    });
    expect(dispatchTrayCommand({ kind: 'compose-note', workNo: '1001' })).toEqual({
      kind: 'show-window',
      select: '1001',
      composeNote: true,
    });
  });

  it('open the wallboard through the same command as the window’s button', () => {
    expect(dispatchTrayCommand({ kind: 'open-wallboard' })).toEqual({
      kind: 'command',
      name: 'wallboard.open',
      args: {},
    });
  });

  it('pick icon files per platform', () => {
    expect(selectTrayIconPath('/r', 'inspecting', 'darwin')).toBe(
      join('/r', 'inspectingTemplate.png'),
    );
    expect(selectTrayIconPath('/r', 'inspecting', 'win32')).toBe(join('/r', 'inspecting.ico'));
    expect(selectTrayIconPath('/r', 'inspecting', 'linux')).toBe(join('/r', 'inspecting.png'));
  });
});
