/**
 * The shape of the one renderer store: everything main told us (connection, inspection,
 * roster, queues, settings, …) plus what only the screen owns (table view, toasts).
 */
import type { CommandError } from '../../shared/ipc/contract';
import type {
  AgentRow,
  AgentState,
  AlertView,
  ConnectionState,
  HotkeyStatus,
  InspectionView,
  JournalEntry,
  Settings,
  SkillQueueView,
  ScreenSnapshot,
} from '../../shared/domain';
import { IDLE_INSPECTION } from '../../shared/inspection-vocabulary';
import { createDefaultSettings } from '../../shared/settings-defaults';
import { UNMANAGED_POLICY_VIEW, type PolicyView } from '../../shared/policy';

/** Text shown to the user: an i18n key, or both languages given by main. */
export type LocalText =
  { key: string; params?: Record<string, string | number> } | { en: string; zh: string };

export type ToastLevel = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  level: ToastLevel;
  text: LocalText;
  retcode: string | null;
  /** Sticky toasts stay until dismissed (errors); others fade after a few seconds. */
  sticky: boolean;
}

export type SortKey =
  'attention' | 'workNo' | 'name' | 'group' | 'state' | 'timeInState' | 'call' | 'inspectedBy';
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** How the supervisor looks at the agent list: search, filters and sort. */
export interface AgentView {
  search: string;
  /** Empty means every state. */
  states: readonly AgentState[];
  group: string | null;
  sort: SortOrder;
}

/** What the table and the glance bar show, derived from the rows and the view. */
export interface RosterSummary {
  /** Visible workNos in display order. */
  ids: readonly string[];
  /**
   * False while only the top of `ids` (a first screen, and the selected agent) is in order and
   * the rest is still being sorted (right after a whole new list arrived).
   */
  ordered: boolean;
  total: number;
  groups: readonly string[];
  stateCounts: Readonly<Record<AgentState, number>>;
  /** workNo of the agent with the longest current call (of those whose start is known). */
  longestCallWorkNo: string | null;
  /** Agents talking whose call start is not known (on a call since before we signed in). */
  callsOfUnknownLength: number;
  /** Agents with at least one alert raised. */
  alerted: number;
  /** workNo of the alerted agent in trouble the longest (oldest alerting state). */
  firstAlertWorkNo: string | null;
}

export interface RosterState {
  /** Mutated in place as deltas arrive; `revision` tells readers that it changed. */
  rows: ReadonlyMap<string, AgentRow>;
  version: number;
  revision: number;
  /**
   * How many agents are on their way: the screen is up and its answer counted them, the
   * roster snapshot is not in yet. Null once the agents are here (or none were announced).
   */
  arriving: number | null;
}

export type BootState =
  { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: CommandError };

export interface AppState {
  boot: BootState;
  connection: ConnectionState;
  inspection: InspectionView;
  selectedWorkNo: string | null;
  queues: readonly SkillQueueView[];
  alerts: readonly AlertView[];
  settings: Settings;
  hotkeys: readonly HotkeyStatus[];
  passwordRemembered: boolean;
  keychainAvailable: boolean;
  /** The administrator's policy: which settings are locked, and whether demo mode may run. */
  policy: PolicyView;
  roster: RosterState;
  view: AgentView;
  summary: RosterSummary;
  /**
   * How many times the tray asked to write a note ("Write a note…"): the screen opens the
   * composer on the selected agent, which the tray selected first.
   */
  noteRequests: number;
  /** Newest first. */
  journal: readonly JournalEntry[];
  toasts: readonly Toast[];
}

export const DEFAULT_VIEW: AgentView = {
  search: '',
  states: [],
  group: null,
  sort: { key: 'attention', direction: 'desc' },
};

/** An empty summary (before the first snapshot). */
export function createEmptySummary(): RosterSummary {
  return {
    ids: [],
    ordered: true,
    total: 0,
    groups: [],
    stateCounts: {
      'signed-out': 0,
      idle: 0,
      ringing: 0,
      talking: 0,
      busy: 0,
      'wrap-up': 0,
      rest: 0,
      unknown: 0,
    },
    longestCallWorkNo: null,
    callsOfUnknownLength: 0,
    alerted: 0,
    firstAlertWorkNo: null,
  };
}

/** The state before anything is known. */
export function createInitialState(): AppState {
  return {
    boot: { status: 'loading' },
    connection: { phase: 'signed-out' },
    inspection: IDLE_INSPECTION,
    selectedWorkNo: null,
    queues: [],
    alerts: [],
    // Only shown before the first snapshot (the screen says it is loading meanwhile).
    settings: createDefaultSettings(),
    hotkeys: [],
    passwordRemembered: false,
    keychainAvailable: true,
    policy: UNMANAGED_POLICY_VIEW,
    roster: { rows: new Map(), version: -1, revision: 0, arriving: null },
    view: DEFAULT_VIEW,
    summary: createEmptySummary(),
    noteRequests: 0,
    journal: [],
    toasts: [],
  };
}

/** What the screen's answer sets (the agents follow apart): the boot is over. */
export function readyScreenOf(
  screen: Omit<ScreenSnapshot, 'agentCount' | 'agents'>,
): Partial<AppState> {
  return {
    boot: { status: 'ready' },
    connection: screen.connection,
    inspection: screen.inspection,
    selectedWorkNo: screen.selectedWorkNo,
    queues: screen.queues,
    alerts: screen.alerts,
    settings: screen.settings,
    hotkeys: screen.hotkeys,
    passwordRemembered: screen.passwordRemembered,
    keychainAvailable: screen.keychainAvailable,
    policy: screen.policy ?? UNMANAGED_POLICY_VIEW,
  };
}
