/**
 * The inspection vocabulary every process speaks (core, tray, hotkeys, screen, CLI): which
 * inspector modes inspect an agent's call, how each takes part in it (the gateway's QC mode),
 * the mode each start, switch or other action leads to, and the contract command each action
 * is sent as. Pure tables; *when* an action is allowed is the core's state machine's business.
 */
import type { InspectionView, InspectorMode, QcMode, SupervisorAction } from './domain';
import type { CommandName } from './ipc/contract';

/** The inspection view of an inspector who is not inspecting anyone (nothing pending, no history). */
export const IDLE_INSPECTION: Readonly<InspectionView> = Object.freeze({
  mode: 'idle',
  targetWorkNo: null,
  callId: null,
  since: null,
  pending: null,
  lastTargetWorkNo: null,
});

/** The actions that start an inspection (barge is the gateway's insert). */
export type StartAction = 'listen' | 'barge' | 'whisper';
/** The actions that move a running inspection to a given QC mode. */
export type SwitchToAction = 'switch-to-listen' | 'switch-to-barge' | 'switch-to-whisper';
/** The modes in which the inspector takes part in an agent's call. */
export type InspectingMode = Exclude<InspectorMode, 'idle' | 'talking'>;
/** The actions that move the inspector's own state (the force-* actions do not). */
export type InspectionAction = Exclude<SupervisorAction, `force-${string}`>;
/** The actions on an agent's own state. */
export type ForceAction = Extract<SupervisorAction, `force-${string}`>;

/** One row per QC mode: how each layer names the same way of taking part in a call. */
const QC_ROWS = {
  listen: { start: 'listen', switchTo: 'switch-to-listen', mode: 'listening' },
  insert: { start: 'barge', switchTo: 'switch-to-barge', mode: 'inserting' },
  whisper: { start: 'whisper', switchTo: 'switch-to-whisper', mode: 'whispering' },
} as const satisfies Record<
  QcMode,
  { start: StartAction; switchTo: SwitchToAction; mode: InspectingMode }
>;

export const QC_MODES = Object.keys(QC_ROWS) as readonly QcMode[];

const QC_OF_START = invert(QC_MODES, (qc) => QC_ROWS[qc].start);
const QC_OF_SWITCH_TO = invert(QC_MODES, (qc) => QC_ROWS[qc].switchTo);
const QC_OF_MODE = invert(QC_MODES, (qc) => QC_ROWS[qc].mode);

/** Listen and barge-in toggle into each other (`switch`); whisper does not take part. */
const SWITCH_TOGGLE: Readonly<Partial<Record<InspectorMode, InspectingMode>>> = {
  listening: 'inserting',
  inserting: 'listening',
};

/** Whether the inspector is inspecting an agent's call (listening, barged in or whispering). */
export function isInspecting(mode: InspectorMode): mode is InspectingMode {
  return Object.hasOwn(QC_OF_MODE, mode);
}

/** How the inspector takes part in the target's call in this mode; null when not inspecting. */
export function qcModeOf(mode: InspectorMode): QcMode | null {
  return isInspecting(mode) ? QC_OF_MODE[mode] : null;
}

/** The inspector's mode while taking part in a call this way. */
export function modeOfQc(qc: QcMode): InspectingMode {
  return QC_ROWS[qc].mode;
}

/** Whether a word (a CLI verb or `--to` value) names a start action. */
export function isStartAction(word: string): word is StartAction {
  return Object.hasOwn(QC_OF_START, word);
}

/** The gateway's QC mode (and QC call: listen, insert, whisper) a start action asks for. */
export function qcOfStart(action: StartAction): QcMode {
  return QC_OF_START[action];
}

/** The QC mode a switch-to action moves the inspection to. */
export function qcOfSwitchTo(action: SwitchToAction): QcMode {
  return QC_OF_SWITCH_TO[action];
}

/** The switch-to action that moves a running inspection to `qc`. */
export function switchToActionOf(qc: QcMode): SwitchToAction {
  return QC_ROWS[qc].switchTo;
}

/** The mode `switch` (listen ⇄ barge) leads to from `mode`; null where it does not apply. */
export function modeAfterSwitch(mode: InspectorMode): InspectingMode | null {
  return SWITCH_TOGGLE[mode] ?? null;
}

/**
 * The mode a successful `action` leaves the inspector in, coming from `fromMode` (null: not
 * known). Null only for a `switch` from a mode that is unknown or neither listens nor barges in.
 */
export function modeAfterAction(
  action: InspectionAction,
  fromMode: InspectorMode | null,
): InspectorMode | null {
  switch (action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      return modeOfQc(qcOfStart(action));
    case 'switch':
      return fromMode === null ? null : modeAfterSwitch(fromMode);
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
      return modeOfQc(qcOfSwitchTo(action));
    case 'intercept':
    case 'request-call':
      return 'talking';
    case 'cancel':
      return 'idle';
  }
}

/** Actions on a named agent: their command takes `{ workNo }`. */
export const AGENT_ACTION_COMMANDS = {
  listen: 'inspection.listen',
  barge: 'inspection.barge',
  whisper: 'inspection.whisper',
  'force-busy': 'agents.forceBusy',
  'force-idle': 'agents.forceIdle',
  'force-sign-out': 'agents.forceSignOut',
} as const satisfies Record<StartAction | ForceAction, CommandName>;

/** Actions on the current inspection: their command takes no agent. */
export const CURRENT_ACTION_COMMANDS = {
  switch: 'inspection.switch',
  intercept: 'inspection.intercept',
  cancel: 'inspection.cancel',
} as const satisfies Record<'switch' | 'intercept' | 'cancel', CommandName>;

/**
 * The contract command every action is sent as, checked complete here: switch-to actions share
 * `inspection.switchTo` (argument: their QC mode), taking a queued call is `queues.requestCall`.
 */
export const COMMAND_OF_ACTION = {
  ...AGENT_ACTION_COMMANDS,
  ...CURRENT_ACTION_COMMANDS,
  'switch-to-listen': 'inspection.switchTo',
  'switch-to-barge': 'inspection.switchTo',
  'switch-to-whisper': 'inspection.switchTo',
  'request-call': 'queues.requestCall',
} as const satisfies Record<SupervisorAction, CommandName>;

/** Every supervisor action, in the order of the table above. */
export const SUPERVISOR_ACTIONS = Object.keys(COMMAND_OF_ACTION) as readonly SupervisorAction[];

export function isSwitchToAction(action: SupervisorAction): action is SwitchToAction {
  return Object.hasOwn(QC_OF_SWITCH_TO, action);
}

export function isAgentAction(
  action: SupervisorAction,
): action is keyof typeof AGENT_ACTION_COMMANDS {
  return Object.hasOwn(AGENT_ACTION_COMMANDS, action);
}

/** The reverse lookup of a one-to-one column of QC_ROWS. */
function invert<K extends string>(
  modes: readonly QcMode[],
  column: (qc: QcMode) => K,
): Readonly<Record<K, QcMode>> {
  return Object.fromEntries(modes.map((qc) => [column(qc), qc])) as Record<K, QcMode>;
}
