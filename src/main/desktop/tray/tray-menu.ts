/**
 * The tray menu, icon state and tooltip as pure functions of the core's TrayModel. Items carry
 * data commands, not callbacks: the tray controller maps each command to the same core action
 * a window button runs, so the menu can be tested by value — and compared, so it is replaced
 * only when it changed. Numbers that move by themselves (elapsed times) live in the tooltip,
 * never in menu labels: replacing a menu closes it on macOS (electron/electron#4801, #10951).
 */
import type { AgentRow, QcMode } from '../../../shared/domain';
import {
  isInspecting,
  modeAfterSwitch,
  modeOfQc,
  QC_MODES,
  type StartAction,
} from '../../../shared/inspection-vocabulary';
import type { TrayModel } from '../../supervisor/supervisor-api';
import type { TrayLabels } from './tray-labels';
import { buildFollowSection, buildNoteSubmenu, describeFollowing } from './tray-coaching';

export type TrayCommand =
  | { kind: 'inspect'; action: StartAction; workNo: string }
  | { kind: 'switch' }
  | { kind: 'switch-to'; mode: QcMode }
  | { kind: 'intercept' }
  | { kind: 'cancel' }
  | { kind: 'sign-in' }
  | { kind: 'sign-out' }
  | { kind: 'open-window' }
  | { kind: 'open-wallboard' }
  | { kind: 'open-logs' }
  | { kind: 'quit' }
  | { kind: 'note-template'; workNo: string; text: string }
  | { kind: 'compose-note'; workNo: string }
  | { kind: 'stop-follow' };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; command: TrayCommand | null }
  | { type: 'radio'; label: string; enabled: boolean; checked: boolean; command: TrayCommand }
  | { type: 'submenu'; label: string; enabled: boolean; submenu: TrayMenuItem[] };

export type MenuTemplate = TrayMenuItem[];

export type TrayIconState = 'idle' | 'inspecting' | 'reconnecting' | 'signed-out';

/** How many of the longest calls the menu lists. */
export const LONGEST_CALLS_SHOWN = 5;

const SEPARATOR: TrayMenuItem = { type: 'separator' };
const info = (label: string): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled: false,
  command: null,
});
const action = (label: string, enabled: boolean, command: TrayCommand): TrayMenuItem => ({
  type: 'normal',
  label,
  enabled,
  command,
});

/** `83` → `01:23`, `3723` → `1:02:03`. */
export function formatElapsed(fromMs: number | null, nowMs: number): string {
  if (fromMs === null) return '';
  const total = Math.max(0, Math.floor((nowMs - fromMs) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number): string => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/** A call's running time; "≥" marks a lower bound (the call began before we could see it). */
export function formatCallElapsed(
  agent: Pick<AgentRow, 'call' | 'stateSince' | 'stateSinceExact'>,
  nowMs: number,
): string {
  if (agent.call?.since != null) return formatElapsed(agent.call.since, nowMs);
  const elapsed = formatElapsed(agent.stateSince, nowMs);
  return elapsed && agent.stateSinceExact !== true ? `≥${elapsed}` : elapsed;
}

const describeAgent = (agent: Pick<AgentRow, 'workNo' | 'name'>): string =>
  agent.name ? `${agent.workNo} ${agent.name}` : agent.workNo;

/** The icon the tray shows for this model. */
export function selectTrayIconState(model: TrayModel): TrayIconState {
  switch (model.connection.phase) {
    case 'live':
      return model.inspection.mode === 'idle' ? 'idle' : 'inspecting';
    case 'signing-in':
    case 'reconnecting':
      return 'reconnecting';
    default:
      return 'signed-out';
  }
}

function describeTarget(model: TrayModel): string {
  const workNo = model.inspection.targetWorkNo;
  if (workNo === null) return model.inspection.callId ?? '';
  const known = [model.focusAgent, ...model.longestCalls].find((agent) => agent?.workNo === workNo);
  return known ? describeAgent(known) : workNo;
}

/**
 * One line saying what the inspector is doing: the menu header (without the running time,
 * `nowMs` null) and the tooltip (with it).
 */
function describeTrayStatus(model: TrayModel, labels: TrayLabels, nowMs: number | null): string {
  const { connection, inspection } = model;
  switch (connection.phase) {
    case 'signed-out':
      return labels.signedOut;
    case 'signing-in':
      return labels.signingIn;
    case 'reconnecting':
      return labels.reconnecting(connection.attempt);
    case 'failed':
      return labels.failed;
    case 'live':
      return inspection.mode === 'idle'
        ? labels.liveIdle(connection.inspectorId, connection.demo)
        : labels.inspecting(
            inspection.mode,
            describeTarget(model),
            nowMs === null ? '' : formatElapsed(inspection.since, nowMs),
          );
  }
}

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA's szTip holds 128). */
export const TRAY_TOOLTIP_MAX = 127;

/** Tooltip: the app name and the status line with its running time, then the longest call. */
export function buildTrayTooltip(model: TrayModel, labels: TrayLabels, nowMs: number): string {
  const lines = [`${labels.appName} — ${describeTrayStatus(model, labels, nowMs)}`];
  const following = model.connection.phase === 'live' ? describeFollowing(model, labels) : null;
  if (following) lines.push(following);
  const longest = model.longestCalls[0];
  if (model.connection.phase === 'live' && longest)
    lines.push(labels.longestCall(describeAgent(longest), formatCallElapsed(longest, nowMs)));
  const text = lines.join('\n');
  return text.length <= TRAY_TOOLTIP_MAX ? text : `${text.slice(0, TRAY_TOOLTIP_MAX - 1)}…`;
}

/** Whether two menus are the same (items are plain data, so their JSON says it all). */
export function sameTrayMenu(first: MenuTemplate, second: MenuTemplate): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}

function buildInspectionSection(
  model: TrayModel,
  labels: TrayLabels,
  canAct: boolean,
): TrayMenuItem[] {
  const mode = model.inspection.mode;
  if (mode === 'idle') return [];
  const switchTo: TrayMenuItem[] = QC_MODES.map((qcMode: QcMode) => ({
    type: 'radio',
    label: labels.modes[qcMode],
    enabled: canAct && modeOfQc(qcMode) !== mode,
    checked: modeOfQc(qcMode) === mode,
    command: { kind: 'switch-to', mode: qcMode },
  }));
  return [
    ...(isInspecting(mode)
      ? [
          action(labels.switchListenBarge, canAct && modeAfterSwitch(mode) !== null, {
            kind: 'switch',
          }),
          {
            type: 'submenu',
            label: labels.switchTo,
            enabled: canAct,
            submenu: switchTo,
          } satisfies TrayMenuItem,
          action(labels.intercept, canAct, { kind: 'intercept' }),
        ]
      : []),
    action(labels.cancel, canAct, { kind: 'cancel' }),
    SEPARATOR,
  ];
}

function buildQuickActions(
  model: TrayModel,
  labels: TrayLabels,
  canStart: boolean,
): TrayMenuItem[] {
  const agent = model.focusAgent;
  if (agent === null) return [info(labels.noFocusAgent)];
  const inspect = (kind: StartAction): TrayCommand => ({
    kind: 'inspect',
    action: kind,
    workNo: agent.workNo,
  });
  return [
    info(labels.focusAgent(describeAgent(agent))),
    action(labels.listen, canStart, inspect('listen')),
    action(labels.barge, canStart, inspect('barge')),
    action(labels.whisper, canStart, inspect('whisper')),
    buildNoteSubmenu(
      model,
      labels,
      agent.workNo,
      describeAgent(agent),
      model.connection.phase === 'live',
    ),
  ];
}

function buildLongestCalls(model: TrayModel, labels: TrayLabels, canStart: boolean): TrayMenuItem {
  const calls = model.longestCalls.slice(0, LONGEST_CALLS_SHOWN);
  const entries =
    calls.length === 0
      ? [info(labels.noCalls)]
      : calls.map((agent) =>
          action(describeAgent(agent), canStart, {
            kind: 'inspect',
            action: 'listen',
            workNo: agent.workNo,
          }),
        );
  return { type: 'submenu', label: labels.longestCalls, enabled: true, submenu: entries };
}

/** The whole tray menu for this model: no running times, so it changes only with the state. */
export function buildTrayMenu(model: TrayModel, labels: TrayLabels): MenuTemplate {
  const live = model.connection.phase === 'live';
  const signedIn = model.connection.phase !== 'signed-out' && model.connection.phase !== 'failed';
  const busy = model.inspection.pending !== null;
  const canAct = live && !busy;
  const canStart = canAct && model.inspection.mode === 'idle';
  const status = busy
    ? `${describeTrayStatus(model, labels, null)} — ${labels.working}`
    : describeTrayStatus(model, labels, null);
  return [
    info(status),
    SEPARATOR,
    ...buildInspectionSection(model, labels, canAct),
    ...(signedIn ? buildFollowSection(model, labels) : []),
    ...(signedIn
      ? [
          ...buildQuickActions(model, labels, canStart),
          buildLongestCalls(model, labels, canStart),
          SEPARATOR,
        ]
      : []),
    signedIn
      ? action(labels.signOut, true, { kind: 'sign-out' })
      : action(labels.signIn, true, { kind: 'sign-in' }),
    action(labels.openWindow, true, { kind: 'open-window' }),
    action(labels.openWallboard, true, { kind: 'open-wallboard' }),
    action(labels.openLogs, true, { kind: 'open-logs' }),
    SEPARATOR,
    action(labels.quit, true, { kind: 'quit' }),
  ];
}
