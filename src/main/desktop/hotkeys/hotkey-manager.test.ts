import { beforeEach, describe, expect, it } from 'vitest';
import { globalShortcut, resetElectronFake } from '../../../../test/support/fakes/electron';
import { HOTKEY_ACTIONS, type HotkeyAction, type HotkeyStatus } from '../../../shared/domain';
import { defaultHotkeysFor } from '../../../shared/settings-defaults';
import { createHotkeyManager } from './hotkey-manager';

// The fake globalShortcut reads accelerators as Electron does on Linux and Windows.
const DEFAULTS: Record<HotkeyAction, string | null> = { ...defaultHotkeysFor('linux') };

const statusOf = (statuses: HotkeyStatus[], action: HotkeyAction): HotkeyStatus | undefined =>
  statuses.find((status) => status.action === action);

describe('hotkey manager', () => {
  let fired: HotkeyAction[];
  beforeEach(() => {
    resetElectronFake();
    fired = [];
  });
  const create = () =>
    createHotkeyManager({
      globalShortcut,
      onTrigger: (action) => fired.push(action),
      platform: 'linux',
    });

  it('registers every default binding and routes presses to the action', () => {
    const manager = create();
    const statuses = manager.applyBindings(DEFAULTS);
    expect(statuses.every((status) => status.status === 'registered')).toBe(true);
    expect(globalShortcut.registered.size).toBe(HOTKEY_ACTIONS.length);
    globalShortcut.press('Ctrl+Alt+Shift+B');
    globalShortcut.press('CmdOrCtrl+Alt+Shift+X');
    expect(fired).toEqual(['barge', 'cancel']);
  });

  it('reports a key another application owns as a conflict, and keeps the wanted binding', () => {
    globalShortcut.occupy('Ctrl+Alt+Shift+I');
    const manager = create();
    const intercept = statusOf(manager.applyBindings(DEFAULTS), 'intercept');
    expect(intercept).toMatchObject({ status: 'conflict', accelerator: 'Control+Alt+Shift+I' });
    expect(intercept?.detail).toContain('another application');
    expect(globalShortcut.press('Ctrl+Alt+Shift+I')).toBe(false);
  });

  it('registers the new binding before releasing the old one', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    const statuses = manager.set('listen', 'Ctrl+Shift+F1');
    expect(statusOf(statuses, 'listen')).toMatchObject({
      status: 'registered',
      accelerator: 'Control+Shift+F1',
    });
    expect(globalShortcut.isRegistered('Control+Alt+Shift+L')).toBe(false);
    globalShortcut.press('Ctrl+Shift+F1');
    expect(fired).toEqual(['listen']);
  });

  // Issue 9: a renderer (or an old settings file) asking for Ctrl+C gets nothing registered.
  it('refuses a binding that shadows an editing key and keeps the old one', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    const answer = statusOf(manager.set('listen', 'Ctrl+C'), 'listen');
    expect(answer?.status).toBe('invalid');
    expect(answer?.detail).toMatch(/editing shortcut/);
    expect(globalShortcut.isRegistered('Ctrl+C')).toBe(false);
    expect(globalShortcut.press(DEFAULTS.listen as string)).toBe(true);
    const fresh = create();
    resetElectronFake();
    const statuses = fresh.applyBindings({ ...DEFAULTS, barge: 'CommandOrControl+V' });
    expect(statusOf(statuses, 'barge')?.status).toBe('invalid');
    expect(globalShortcut.isRegistered('CommandOrControl+V')).toBe(false);
  });

  it('rolls back to the old binding when the new key is taken elsewhere', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    globalShortcut.occupy('Ctrl+Alt+K');
    const answer = statusOf(manager.set('listen', 'Ctrl+Alt+K'), 'listen');
    expect(answer).toMatchObject({ status: 'conflict', accelerator: 'Ctrl+Alt+K' });
    expect(answer?.detail).toContain('Control+Alt+Shift+L stays active');
    expect(globalShortcut.press('Ctrl+Alt+Shift+L')).toBe(true);
    expect(statusOf(manager.list(), 'listen')).toMatchObject({
      status: 'registered',
      accelerator: 'Control+Alt+Shift+L',
    });
  });

  it('refuses the same key chord on two actions, in any spelling', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    const answer = statusOf(manager.set('whisper', 'ctrl+shift+alt+b'), 'whisper');
    expect(answer).toMatchObject({ status: 'conflict' });
    expect(answer?.detail).toContain('barge');
    globalShortcut.press('Ctrl+Alt+Shift+W');
    expect(fired).toEqual(['whisper']);
  });

  it('refuses one key chord however Electron lets it be spelt (Super = Meta = Cmd, ! = Shift+1)', () => {
    // electron/electron shell/common/keyboard_util.cc: super/cmd/command/meta → VKEY_COMMAND;
    // '!' → VKEY_1 with Shift. The duplicate check must read them the same way.
    const manager = create();
    manager.applyBindings({ ...DEFAULTS, listen: 'Super+Alt+K', barge: 'Ctrl+!' });
    for (const [action, spelling] of [
      ['whisper', 'Meta+Alt+K'],
      ['whisper', 'Command+Option+K'],
      ['switch', 'Control+Shift+1'],
    ] as const) {
      const answer = statusOf(manager.set(action, spelling), action);
      expect(answer, spelling).toMatchObject({ status: 'conflict' });
    }
    expect(statusOf(manager.set('whisper', 'Ctrl+1'), 'whisper')).toMatchObject({
      status: 'registered',
    });
  });

  it('refuses an invalid accelerator before Electron sees it, keeping the old binding', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    const answer = statusOf(manager.set('cancel', 'Ctrl+Alt+Nope'), 'cancel');
    expect(answer).toMatchObject({ status: 'invalid', accelerator: 'Ctrl+Alt+Nope' });
    expect(globalShortcut.isRegistered('Ctrl+Alt+Shift+X')).toBe(true);
  });

  it('marks an invalid saved binding without registering anything', () => {
    const manager = create();
    const statuses = manager.applyBindings({ ...DEFAULTS, switch: 'S' });
    expect(statusOf(statuses, 'switch')).toMatchObject({ status: 'invalid', accelerator: 'S' });
    expect(globalShortcut.registered.size).toBe(HOTKEY_ACTIONS.length - 1);
  });

  it('unbinds with null and re-binding the same key is a no-op', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    expect(statusOf(manager.set('barge', 'CmdOrCtrl+Alt+Shift+B'), 'barge')).toMatchObject({
      status: 'registered',
    });
    expect(statusOf(manager.set('barge', null), 'barge')).toMatchObject({
      status: 'unbound',
      accelerator: null,
    });
    expect(globalShortcut.isRegistered('Ctrl+Alt+Shift+B')).toBe(false);
  });

  it('lets two actions swap keys when settings change at once', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    const swapped = manager.applyBindings({
      ...DEFAULTS,
      listen: DEFAULTS.barge,
      barge: DEFAULTS.listen,
    });
    expect(swapped.every((status) => status.status === 'registered')).toBe(true);
    globalShortcut.press('Ctrl+Alt+Shift+L');
    expect(fired).toEqual(['barge']);
  });

  it('releases everything on unregisterAll', () => {
    const manager = create();
    manager.applyBindings(DEFAULTS);
    manager.unregisterAll();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
