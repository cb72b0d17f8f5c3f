/**
 * The shape of the one renderer store: everything main told us (connection, inspection,
 * roster, queues, settings, …) plus what only the screen owns (table view, toasts).
 */
import type { CommandError } from '../../shared/ipc/contract';
import type {
  AgentRow,
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
import {
  DEFAULT_VIEW,
  createEmptySummary,
  type AgentView,
  type RosterSummary,
} from '../../shared/roster-view/agent-view';

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
