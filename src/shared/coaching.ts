/**
 * The coaching vocabulary the processes share: notes to agents, the agent controls (rest,
 * release, skills), following an agent's next calls, the quality sampler, scorecards and the
 * per-agent coaching file. Plain data and limits only.
 */
import type { AgentState } from './domain';

/** Supervisor actions on agents beyond inspection; journalled like the others. */
export const COACHING_ACTIONS = ['note', 'force-rest', 'force-release', 'adjust-skills'] as const;
export type CoachingAction = (typeof COACHING_ACTIONS)[number];

/** Scorecard forms hold 3 to 10 items scored 0 to maxScore (1–10). */
export const SCORECARD_LIMITS = {
  itemsMin: 3,
  itemsMax: 10,
  maxScoreMax: 10,
  labelMax: 80,
  commentMax: 2_000,
  formsMax: 20,
} as const;

export const COACHING_LIMITS = {
  retentionDaysMin: 1,
  retentionDaysMax: 3_650,
  /** State changes are kept at most this long (and never longer than the retention). */
  stateRetentionDays: 7,
  templatesMax: 50,
  queriesMax: 50,
  nameMax: 60,
  followCallsMax: 50,
  followMinutesMax: 480,
} as const;

export interface NoteTemplate {
  id: string;
  name: string;
  text: string;
}

/** "Resting > 10 min in skill 12": agents in one of `states` for at least `minMinutes`. */
export interface SavedQuery {
  id: string;
  name: string;
  states: AgentState[];
  minMinutes: number;
  /** Only agents serving this skill queue (null: any). */
  skillId: number | null;
  /** Only agents of this group (null: any). */
  group: string | null;
}

export interface ScorecardForm {
  id: string;
  name: string;
  maxScore: number;
  items: Array<{ id: string; label: string }>;
}

/** "One call per agent per shift, prefer calls over 6 minutes, skills 3 and 5." */
export interface SamplerRules {
  enabled: boolean;
  onePerAgentPerShift: boolean;
  /** Calls at least this long come first (0: no preference). */
  preferCallSeconds: number;
  /** Only agents serving one of these skill queues (empty: any). */
  skillIds: number[];
  /** Listen to the proposed call at once when the inspector is idle. */
  autoJoin: boolean;
  /** Least time between two automatic listens. */
  minGapSeconds: number;
}

export interface CoachingSettings {
  /** Coaching records older than this are deleted (state changes after 7 days at most). */
  retentionDays: number;
  /** "This shift" is the last `shiftHours` hours. */
  shiftHours: number;
  noteTemplates: NoteTemplate[];
  savedQueries: SavedQuery[];
  scorecardForms: ScorecardForm[];
  sampler: SamplerRules;
  /** What "follow this agent" offers first. */
  follow: { calls: number; minutes: number };
}

/** Who a note goes to: named agents, a group, or a saved query evaluated now. */
export type NoteRecipients =
  | { kind: 'agents'; workNos: string[] }
  | { kind: 'group'; group: string }
  | { kind: 'query'; queryId: string };

export interface NoteBatchView {
  index: number;
  workNos: string[];
  outcome: 'ok' | 'failed';
  retcode: string | null;
  message: string | null;
  messageZh: string | null;
  /** Receivers signed in when it was sent (they get it now); the others see nothing. */
  signedIn: string[];
}

export interface NoteSendResult {
  recipients: number;
  batches: NoteBatchView[];
}

/** Following one agent: listen to its next calls while the inspector is idle. */
export interface FollowView {
  workNo: string;
  /** Calls still to listen to; null when only time limits it. */
  callsLeft: number | null;
  /** When following ends (ms since epoch); null when only calls limit it. */
  until: number | null;
  callsJoined: number;
  /** Listening to the followed agent's call now (started by following). */
  listening: boolean;
}

export interface SamplerProposal {
  workNo: string;
  callId: string | null;
  /** Call start (ms since epoch), when known. */
  since: number | null;
  /** Why this one: a long call, a skill of the rules. */
  reasons: Array<'long-call' | 'skill' | 'not-sampled'>;
}

export interface SamplerView {
  enabled: boolean;
  proposal: SamplerProposal | null;
  /** Agents listened to within the shift. */
  sampledThisShift: number;
}

export type InspectionOrigin = 'manual' | 'follow' | 'sampler';

export interface InspectionRecord {
  id: number;
  workNo: string;
  callId: string | null;
  mode: string;
  startedAt: number;
  endedAt: number | null;
  origin: InspectionOrigin;
}

export interface ScorecardInput {
  inspectionId: number | null;
  workNo: string;
  formId: string;
  scores: Array<{ itemId: string; score: number; comment: string }>;
  comment: string;
}

export interface Scorecard {
  id: number;
  inspectionId: number | null;
  workNo: string;
  at: number;
  formId: string;
  formName: string;
  maxScore: number;
  total: number;
  comment: string;
  items: Array<{ label: string; score: number; comment: string }>;
}

export const TIMELINE_KINDS = ['state', 'action', 'note', 'inspection', 'scorecard'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One line of an agent's coaching file. */
export type TimelineEntry =
  | { kind: 'state'; at: number; state: string; since: number; exact: boolean }
  | {
      kind: 'action';
      at: number;
      action: string;
      source: string;
      outcome: string;
      retcode: string | null;
      message: string | null;
    }
  | { kind: 'note'; at: number; content: string; outcome: string; signedIn: boolean }
  | {
      kind: 'inspection';
      at: number;
      mode: string;
      endedAt: number | null;
      callId: string | null;
      origin: InspectionOrigin;
    }
  | {
      kind: 'scorecard';
      at: number;
      id: number;
      formName: string;
      total: number;
      maxScore: number;
      comment: string;
    };

export interface TimelineFilter {
  workNo: string;
  kinds: TimelineKind[];
  /** From this time on (ms since epoch); null: the whole retention. */
  from: number | null;
  to: number | null;
  limit: number;
}

/** What the screen shows of coaching besides the file: following, sampling, a scorecard due. */
export interface CoachingView {
  follow: FollowView | null;
  sampler: SamplerView;
  /** The inspection that just ended, offered for a scorecard. */
  scorecardDue: InspectionRecord | null;
  /** The coaching file can be used (its database opened). */
  fileAvailable: boolean;
}
