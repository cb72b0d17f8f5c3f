import type { InsightSettings } from './insight';
import type { PolicyView } from './policy';

/**
 * Domain types the three processes share: what the supervisor core tells the screen, the tray
 * and the command line. Plain data only (structured-clone safe), no behaviour.
 */

import type { CoachingAction, CoachingSettings } from './coaching';

/** How the inspector takes part in an agent's call. */
export type QcMode = 'listen' | 'insert' | 'whisper';

/**
 * The inspector's own state. `talking` is a call of the inspector's own: after intercepting
 * an agent's call or taking a call out of a queue.
 */
export type InspectorMode = 'idle' | 'listening' | 'inserting' | 'whispering' | 'talking';

/** Actions a supervisor can trigger from a button, the tray, a hotkey or the CLI. */
export type SupervisorAction =
  | 'listen'
  | 'barge'
  | 'whisper'
  | 'switch'
  | 'switch-to-listen'
  | 'switch-to-barge'
  | 'switch-to-whisper'
  | 'intercept'
  | 'cancel'
  | 'request-call'
  | 'force-busy'
  | 'force-idle'
  | 'force-sign-out';

/** Actions that can be bound to a global hotkey. */
export const HOTKEY_ACTIONS = [
  'listen',
  'barge',
  'whisper',
  'switch',
  'intercept',
  'cancel',
  'stop-follow',
] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

export interface InspectionView {
  mode: InspectorMode;
  /** Agent being inspected (or whose call was intercepted); null when idle or after requestcall. */
  targetWorkNo: string | null;
  /** Call the inspector holds in `talking` mode, when known. */
  callId: string | null;
  /** When the current mode started (ms since epoch); null when idle. */
  since: number | null;
  /** An action under way, so the UI can show progress and block duplicates. */
  pending: SupervisorAction | null;
  /** The last agent acted on, for tray quick actions. */
  lastTargetWorkNo: string | null;
}

/** The live session in brief (`app.getStatus`): the connection and the inspection. */
export interface AppStatus {
  connection: ConnectionState;
  inspection: InspectionView;
}

export type ConnectionState =
  | { phase: 'signed-out' }
  | { phase: 'signing-in'; gatewayUrl: string }
  | {
      phase: 'live';
      gatewayUrl: string;
      inspectorId: string;
      demo: boolean;
      /** When the last event or snapshot arrived (ms since epoch). */
      lastDataAt: number | null;
    }
  | {
      phase: 'reconnecting';
      reason: string;
      reasonZh: string;
      retcode: string | null;
      attempt: number;
      nextAttemptAt: number | null;
      /** Age of the data on screen is measured from here. */
      lastDataAt: number | null;
    }
  | { phase: 'failed'; reason: string; reasonZh: string; retcode: string | null };

/** Every agent state as the supervisor sees it (folded from CC-Gateway and CTI codes). */
export const AGENT_STATES = [
  'signed-out',
  'idle',
  'ringing',
  'talking',
  'busy',
  'wrap-up',
  'rest',
  'unknown',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentCall {
  callId: string | null;
  caller: string | null;
  /** When the call started (ms since epoch), only when known exactly (else null; see stateSince). */
  since: number | null;
}

export type AlertKind =
  | 'long-call'
  | 'long-busy'
  | 'long-wrap-up'
  | 'long-queue-wait'
  /** An agent's rest / busy / wrap-up time this shift is over its budget (insight settings). */
  | 'rest-budget'
  | 'busy-budget'
  | 'wrap-up-budget';

export interface AgentRow {
  workNo: string;
  name: string;
  groupName: string;
  skills: string[];
  state: AgentState;
  /**
   * When the agent entered `state` (ms since epoch, the core's clock). When `stateSinceExact` is
   * not true, this is when the core first observed the agent in that state: the state began at
   * or before it, so `now - stateSince` is a lower bound of the time in state (show it as "≥").
   * The core always sets it; null only from producers older than `stateSinceExact`.
   */
  stateSince: number | null;
  /**
   * Whether `stateSince` is the real start: seen live (a monitor event, or a snapshot taken soon
   * after the previous one) or reported by the gateway (`agentbyworkno.currentstatetime`).
   * False after the first load or a re-sign-in until one of those tells. Always set by the core;
   * optional only so older producers and fixtures still compile (absent = not known exact).
   */
  stateSinceExact?: boolean;
  call: AgentCall | null;
  /** Who is inspecting this agent and how, when known. */
  inspectedBy: { inspectorWorkNo: string; mode: QcMode } | null;
  /** When this row was last confirmed by an event or a snapshot (ms since epoch). */
  dataAt: number;
  /** Alert kinds currently raised on this agent. */
  alerts: AlertKind[];
}

/**
 * A small change to the agent list. `reset` replaces the whole list (first load, re-sign-in);
 * otherwise rows are upserted by workNo and `removed` are dropped. `version` increases by one
 * per delta so a consumer can detect a gap and ask for a snapshot.
 */
export interface RosterDelta {
  version: number;
  reset: boolean;
  upserts: AgentRow[];
  removed: string[];
}

export interface WaitingCallView {
  callId: string;
  skillId: number;
  caller: string;
  /** When the call entered the queue (ms since epoch), when known. */
  enqueuedAt: number | null;
  priority: number | null;
}

export interface SkillQueueView {
  skillId: number;
  name: string;
  waitingCount: number;
  /** Enqueue time of the longest-waiting call, when known. */
  longestWaitSince: number | null;
  /** Waiting calls; only filled for queues someone is looking at. */
  calls: WaitingCallView[] | null;
  /**
   * The gateway refused to list this queue's waiting calls: some versions answer waitcallinfo
   * only for an agent who is not idle (cec_07_1271). Count and calls are then unknown.
   */
  callsHidden?: boolean;
  /** When this queue was last refreshed (ms since epoch). */
  dataAt: number;
  /** Agents signed in to the queue (queryacdstat `loggedOnAgents`), when reported. */
  signedIn?: number | null;
  /** Agents available for the queue (queryacdstat `availAgents`), when reported. */
  available?: number | null;
}

export interface AlertView {
  /** Stable id: `${kind}:${target}`. */
  id: string;
  kind: AlertKind;
  /** Agent workNo, or the skill id as a string for queue alerts. */
  target: string;
  raisedAt: number;
  thresholdSeconds: number;
}

export type JournalOutcome = 'ok' | 'refused' | 'failed';

/** One supervisor action in the audit journal. Never holds a password or GUID. */
export interface JournalEntry {
  /** ISO 8601 time the action was triggered. */
  at: string;
  action: SupervisorAction | CoachingAction | 'sign-in' | 'sign-out';
  /**
   * Agent workNo, or `callId@skillId` for request-call, the receivers `1001,1002,…` of one
   * batch of a note; null when not applicable.
   */
  target: string | null;
  source: 'window' | 'tray' | 'hotkey' | 'cli' | 'system';
  modeBefore: InspectorMode;
  modeAfter: InspectorMode;
  outcome: JournalOutcome;
  retcode: string | null;
  message: string | null;
  durationMs: number;
}

export interface HotkeyStatus {
  action: HotkeyAction;
  accelerator: string | null;
  /** `registered`; `conflict` (another app or another action owns it); `invalid`; `unbound`. */
  status: 'registered' | 'conflict' | 'invalid' | 'unbound';
  detail: string | null;
}

export type Theme = 'system' | 'light' | 'dark';
/** Which releases the updater follows (beta also receives stable releases). */
export type UpdateChannel = 'stable' | 'beta';

export interface UpdateSettings {
  channel: UpdateChannel;
}
export type Language = 'en' | 'zh-CN';

export interface AlertThresholds {
  longCallSeconds: number;
  longBusySeconds: number;
  longWrapUpSeconds: number;
  longQueueWaitSeconds: number;
}

/** User settings: stored by main, never secrets. */
export interface Settings {
  schemaVersion: 2;
  gateway: {
    url: string;
    inspectorId: string;
    phoneNumber: string;
    /** PEM text of a private CA to trust in addition to the system store. */
    caPem: string | null;
    /** SHA-256 fingerprint of the gateway's certificate (hex), pinning it. */
    pinSha256: string | null;
    /**
     * Lab gateways only: a plain http:// address is allowed. The inspector strip then warns
     * permanently, and the password is typed each time (never from the keychain).
     */
    allowInsecureHttp: boolean;
    /** Cap of one gateway answer in MiB (raise it for very big sites). */
    maxAnswerMiB: number;
  };
  hotkeys: Record<HotkeyAction, string | null>;
  alerts: AlertThresholds;
  language: Language;
  theme: Theme;
  demoMode: boolean;
  /** Ask before intercept and force sign-out. */
  confirmDestructive: boolean;
  /** Notes, scorecards, the sampler, following and the coaching file. */
  coaching: CoachingSettings;
  /** Service level threshold, reason-code budgets, wallboard. */
  insight: InsightSettings;
  /** The update channel (the update server itself comes from policy, else GitHub releases). */
  updates: UpdateSettings;
}

/** Everything the screen needs at start or after a version gap. */
export interface AppSnapshot extends RosterSnapshot {
  connection: ConnectionState;
  inspection: InspectionView;
  selectedWorkNo: string | null;
  queues: SkillQueueView[];
  alerts: AlertView[];
  settings: Settings;
  hotkeys: HotkeyStatus[];
  /** Whether a password is remembered in the OS keychain for the configured inspector. */
  passwordRemembered: boolean;
  keychainAvailable: boolean;
  /** A notice from start-up (corrupt settings moved aside, keychain missing, …). */
  startupNotices: Notice[];
  /** The administrator's policy: locked settings and why (absent: no policy support). */
  policy?: PolicyView;
}

/** The agents alone, at one roster version (deltas after it follow as `roster.delta`). */
export interface RosterSnapshot {
  roster: AgentRow[];
  rosterVersion: number;
  /**
   * Present when `roster` comes in the default view's order (every agent, most urgent first),
   * worked out by the core: a window in that view shows its first screen straight from the
   * list instead of walking every row first. A big list comes so (shared/roster-view).
   */
  presorted?: PresortedRoster;
}

/** The glance bar's figures of a whole list (counts per state, longest call, alerts). */
export interface RosterFigures {
  total: number;
  /** Group names, in the collator's order. */
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

/** How a list sent in the default order was ordered (when, against which limits), and its figures. */
export interface PresortedRoster extends RosterFigures {
  /** Epoch ms the urgency was measured at. */
  at: number;
  thresholds: AlertThresholds;
}

/**
 * What the screen needs to show itself, without the agents: the window's first answer, so the
 * screen is up while the (possibly 10,000) agents follow as a `RosterSnapshot`.
 */
export type ScreenSnapshot = Omit<AppSnapshot, keyof RosterSnapshot> & {
  /** How many agents there are (the table says so while they load). */
  agentCount: number;
  /** The agents themselves when they were few enough to come along (else null: ask for them). */
  agents: RosterSnapshot | null;
};

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
  messageZh: string;
  retcode: string | null;
}
