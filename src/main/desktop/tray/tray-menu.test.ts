import { describe, expect, it } from 'vitest';
import type { AgentRow, ConnectionState, InspectionView } from '../../../shared/domain';
import type { TrayModel } from '../../supervisor/supervisor-api';
import { selectTrayLabels } from './tray-labels';
import {
  buildTrayMenu,
  buildTrayTooltip,
  formatCallElapsed,
  formatElapsed,
  LONGEST_CALLS_SHOWN,
  sameTrayMenu,
  selectTrayIconState,
  TRAY_TOOLTIP_MAX,
  type TrayMenuItem,
} from './tray-menu';
import { IDLE_INSPECTION } from '../../../shared/inspection-vocabulary';

const NOW = 1_700_000_000_000;
const en = selectTrayLabels('en');

const agent = (workNo: string, name: string, callSecondsAgo: number | null): AgentRow => ({
  workNo,
  name,
  groupName: 'Team A',
  skills: [],
  state: callSecondsAgo === null ? 'idle' : 'talking',
  stateSince: NOW - 60_000,
  call:
    callSecondsAgo === null
      ? null
      : { callId: `c-${workNo}`, caller: '555', since: NOW - callSecondsAgo * 1000 },
  inspectedBy: null,
  dataAt: NOW,
  alerts: [],
});

const idleInspection: InspectionView = { ...IDLE_INSPECTION };
const live: ConnectionState = {
  phase: 'live',
  gatewayUrl: 'https://gw:8043',
  inspectorId: '900',
  demo: false,
  lastDataAt: NOW,
};

const model = (patch: Partial<TrayModel> = {}): TrayModel => ({
  connection: live,
  inspection: idleInspection,
  focusAgent: agent('1001', 'Alice', 83),
  longestCalls: [agent('1002', 'Bob', 754), agent('1001', 'Alice', 83)],
  ...patch,
});

/** Flatten to "label [enabled]" lines so a whole menu reads as one value. */
function outline(items: TrayMenuItem[], depth = 0): string[] {
  return items.flatMap((item) => {
    const pad = '  '.repeat(depth);
    if (item.type === 'separator') return [`${pad}---`];
    const flags = `${item.enabled ? '' : ' (disabled)'}${item.type === 'radio' && item.checked ? ' (checked)' : ''}`;
    const line = `${pad}${item.label}${flags}`;
    return item.type === 'submenu' ? [line, ...outline(item.submenu, depth + 1)] : [line];
  });
}

function findItem(items: TrayMenuItem[], label: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.type === 'separator') continue;
    if (item.label === label) return item;
    if (item.type === 'submenu') {
      const found = findItem(item.submenu, label);
      if (found) return found;
    }
  }
  return undefined;
}

describe('buildTrayMenu', () => {
  it('signed out: offers sign-in, the window, logs and quit only', () => {
    const signedOut = model({ connection: { phase: 'signed-out' } });
    expect(outline(buildTrayMenu(signedOut, en))).toEqual([
      'Signed out (disabled)',
      '---',
      'Sign in…',
      'Open CC Inspector',
      'Open wallboard',
      'Open logs folder',
      '---',
      'Quit CC Inspector',
    ]);
    expect(selectTrayIconState(signedOut)).toBe('signed-out');
    // The wallboard opens from the tray too, signed in or not (it waits for the main window).
    expect(findItem(buildTrayMenu(signedOut, en), 'Open wallboard')).toMatchObject({
      command: { kind: 'open-wallboard' },
    });
    expect(findItem(buildTrayMenu(signedOut, en), 'Sign in…')).toMatchObject({
      command: { kind: 'sign-in' },
    });
  });

  it('live and idle: quick actions on the focus agent and one-click listen on the longest calls', () => {
    const menu = buildTrayMenu(model(), en);
    expect(outline(menu)).toEqual([
      'Idle · inspector 900 (disabled)',
      '---',
      'Agent 1001 Alice (disabled)',
      'Listen',
      'Barge in',
      'Whisper',
      'Note to 1001 Alice',
      '  Write a note…',
      'Longest calls',
      '  1002 Bob',
      '  1001 Alice',
      '---',
      'Sign out',
      'Open CC Inspector',
      'Open wallboard',
      'Open logs folder',
      '---',
      'Quit CC Inspector',
    ]);
    expect(findItem(menu, 'Barge in')).toMatchObject({
      command: { kind: 'inspect', action: 'barge', workNo: '1001' },
    });
    expect(findItem(menu, '1002 Bob')).toMatchObject({
      command: { kind: 'inspect', action: 'listen', workNo: '1002' },
    });
    expect(selectTrayIconState(model())).toBe('idle');
    // The running times are in the tooltip only (a menu label that ticks forces rebuilds).
    expect(buildTrayTooltip(model(), en, NOW)).toBe(
      'CC Inspector — Idle · inspector 900\nLongest call: 1002 Bob — 12:34',
    );
  });

  it('coaching: a note to the focus agent from a template, and following with "Stop following"', () => {
    const coached = model({
      coaching: {
        follow: { workNo: '1002', callsLeft: 2, until: null, callsJoined: 1, listening: false },
        noteTemplates: [
          { id: 'break', name: 'Take your break', text: 'Please take your break now.' },
        ],
      },
    });
    const menu = buildTrayMenu(coached, en);
    expect(outline(menu).slice(0, 12)).toEqual([
      'Idle · inspector 900 (disabled)',
      '---',
      'Following 1002 · 2 calls left (disabled)',
      'Stop following',
      '---',
      'Agent 1001 Alice (disabled)',
      'Listen',
      'Barge in',
      'Whisper',
      'Note to 1001 Alice',
      '  Take your break',
      '  ---',
    ]);
    expect(findItem(menu, 'Take your break')).toMatchObject({
      command: { kind: 'note-template', workNo: '1001', text: 'Please take your break now.' },
    });
    expect(findItem(menu, 'Stop following')).toMatchObject({ command: { kind: 'stop-follow' } });
    expect(buildTrayTooltip(coached, en, NOW)).toContain('\nFollowing 1002 · 2 calls left\n');
    const zh = buildTrayMenu(coached, selectTrayLabels('zh-CN'));
    expect(outline(zh)).toEqual(
      expect.arrayContaining([
        '正在跟听 1002 · 还剩 2 通 (disabled)',
        '停止跟听',
        '发便签给 1001 Alice',
      ]),
    );
  });

  it('listening: the current inspection comes first with switch, intercept and cancel', () => {
    const listening = model({
      inspection: {
        ...idleInspection,
        mode: 'listening',
        targetWorkNo: '1002',
        since: NOW - 5_000,
        lastTargetWorkNo: '1002',
      },
    });
    const menu = buildTrayMenu(listening, en);
    expect(outline(menu).slice(0, 10)).toEqual([
      'Listening to 1002 Bob (disabled)',
      '---',
      'Switch listen ⇄ barge',
      'Switch to',
      '  Listen (disabled) (checked)',
      '  Barge',
      '  Whisper',
      'Intercept (take over the call)',
      'Leave the call',
      '---',
    ]);
    // A second inspection cannot start while one runs.
    expect(findItem(menu, 'Barge in')).toMatchObject({ enabled: false });
    expect(findItem(menu, '1002 Bob')).toMatchObject({ enabled: false });
    expect(findItem(menu, 'Barge')).toMatchObject({
      command: { kind: 'switch-to', mode: 'insert' },
    });
    expect(selectTrayIconState(listening)).toBe('inspecting');
    expect(buildTrayTooltip(listening, en, NOW)).toBe(
      'CC Inspector — Listening to 1002 Bob · 00:05\nLongest call: 1002 Bob — 12:34',
    );
  });

  it('whispering: listen ⇄ barge toggling is off, switching to a mode stays on', () => {
    const whispering = model({
      inspection: { ...idleInspection, mode: 'whispering', targetWorkNo: '1001', since: NOW },
    });
    const menu = buildTrayMenu(whispering, en);
    expect(findItem(menu, 'Switch listen ⇄ barge')).toMatchObject({ enabled: false });
    expect(findItem(menu, 'Listen')).toMatchObject({ type: 'radio', enabled: true });
  });

  it('talking after an intercept: only leaving the call is offered for it', () => {
    const talking = model({
      inspection: {
        ...idleInspection,
        mode: 'talking',
        targetWorkNo: '1001',
        callId: 'c1',
        since: NOW,
      },
    });
    const lines = outline(buildTrayMenu(talking, en));
    expect(lines.slice(0, 4)).toEqual([
      'On a call from 1001 Alice (disabled)',
      '---',
      'Leave the call',
      '---',
    ]);
    expect(lines).not.toContain('Intercept (take over the call)');
  });

  it('while an action is pending everything that acts is disabled', () => {
    const pending = model({
      inspection: {
        ...idleInspection,
        mode: 'listening',
        targetWorkNo: '1001',
        since: NOW,
        pending: 'barge',
      },
    });
    const menu = buildTrayMenu(pending, en);
    expect(outline(menu)[0]).toBe('Listening to 1001 Alice — Working… (disabled)');
    for (const label of [
      'Switch listen ⇄ barge',
      'Intercept (take over the call)',
      'Leave the call',
      'Whisper',
    ]) {
      expect(findItem(menu, label)).toMatchObject({ enabled: false });
    }
    expect(findItem(menu, 'Sign out')).toMatchObject({ enabled: true });
  });

  it('reconnecting: shows the attempt, keeps sign-out, disables actions', () => {
    const reconnecting = model({
      connection: {
        phase: 'reconnecting',
        reason: 'network',
        reasonZh: '网络',
        retcode: null,
        attempt: 3,
        nextAttemptAt: null,
        lastDataAt: NOW,
      },
    });
    const menu = buildTrayMenu(reconnecting, en);
    expect(outline(menu)[0]).toBe('Reconnecting… (attempt 3) (disabled)');
    expect(findItem(menu, 'Listen')).toMatchObject({ type: 'normal', enabled: false });
    expect(findItem(menu, 'Sign out')).toBeDefined();
    expect(selectTrayIconState(reconnecting)).toBe('reconnecting');
  });

  it('failed: back to sign-in', () => {
    const failed = model({
      connection: {
        phase: 'failed',
        reason: 'bad password',
        reasonZh: '密码错误',
        retcode: '100-002',
      },
    });
    expect(findItem(buildTrayMenu(failed, en), 'Sign in…')).toBeDefined();
    expect(selectTrayIconState(failed)).toBe('signed-out');
  });

  it('is the same menu at any moment of a call, so it is never rebuilt just because time passed', () => {
    const listening = model({
      inspection: { ...idleInspection, mode: 'listening', targetWorkNo: '1002', since: NOW },
    });
    expect(sameTrayMenu(buildTrayMenu(listening, en), buildTrayMenu(listening, en))).toBe(true);
    expect(buildTrayTooltip(listening, en, NOW + 61_000)).toMatch(/· 01:01\n/);
    const other = model({ ...listening, focusAgent: null });
    expect(sameTrayMenu(buildTrayMenu(listening, en), buildTrayMenu(other, en))).toBe(false);
  });

  it('keeps the tooltip within the 127 characters a Windows tray tooltip holds', () => {
    const long = model({
      longestCalls: [agent('1002', 'B'.repeat(200), 754)],
      focusAgent: agent('1002', 'B'.repeat(200), 754),
    });
    const tooltip = buildTrayTooltip(long, en, NOW);
    expect(tooltip.length).toBe(TRAY_TOOLTIP_MAX);
    expect(tooltip.endsWith('…')).toBe(true);
  });

  it('lists at most the configured number of longest calls, and says so when there are none', () => {
    const many = Array.from({ length: 9 }, (_, index) =>
      agent(String(2000 + index), '', 900 - index),
    );
    const menu = buildTrayMenu(model({ longestCalls: many }), en);
    const calls = findItem(menu, 'Longest calls');
    expect(calls?.type === 'submenu' && calls.submenu).toHaveLength(LONGEST_CALLS_SHOWN);
    const none = findItem(buildTrayMenu(model({ longestCalls: [] }), en), 'Longest calls');
    expect(none?.type === 'submenu' && outline(none.submenu)).toEqual([
      'No calls right now (disabled)',
    ]);
  });

  it('without a focus agent says so instead of offering quick actions', () => {
    const lines = outline(buildTrayMenu(model({ focusAgent: null }), en));
    expect(lines).toContain('No agent selected (disabled)');
    expect(lines).not.toContain('Barge in');
  });

  it('speaks Chinese when the user chose it', () => {
    const zh = selectTrayLabels('zh-CN');
    const lines = outline(buildTrayMenu(model(), zh));
    expect(lines[0]).toBe('空闲 · 质检员 900 (disabled)');
    expect(lines).toContain('退出 CC Inspector');
  });
});

describe('formatElapsed', () => {
  it('formats minutes and hours', () => {
    expect(formatElapsed(NOW - 83_000, NOW)).toBe('01:23');
    expect(formatElapsed(NOW - 3_723_000, NOW)).toBe('1:02:03');
    expect(formatElapsed(NOW + 5_000, NOW)).toBe('00:00');
    expect(formatElapsed(null, NOW)).toBe('');
  });
});

describe('formatCallElapsed', () => {
  it('shows an exact call start plainly and a lower bound with ≥', () => {
    const started = NOW - 83_000;
    expect(
      formatCallElapsed(
        {
          call: { callId: 'c1', caller: null, since: started },
          stateSince: started,
          stateSinceExact: true,
        },
        NOW,
      ),
    ).toBe('01:23');
    expect(
      formatCallElapsed(
        {
          call: { callId: 'c1', caller: null, since: null },
          stateSince: started,
          stateSinceExact: false,
        },
        NOW,
      ),
    ).toBe('≥01:23');
    expect(formatCallElapsed({ call: null, stateSince: null, stateSinceExact: false }, NOW)).toBe(
      '',
    );
  });
});
