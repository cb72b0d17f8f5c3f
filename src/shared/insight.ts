/**
 * Insight: live service figures per skill and for the center, the shift's history and the
 * reason-code time per agent — what the core tells the screen, the wallboard and the CLI.
 * Plain data only (structured-clone safe).
 */

/**
 * Figures this desktop derived from what it saw (a call leaving a queue it was watching and
 * appearing on an agent = answered; leaving otherwise = abandoned or transferred). They are
 * never the gateway's statistics: `coverage` says how much of the shift they rest on.
 */
export interface ObservedFigures {
  answered: number;
  answeredWithinThreshold: number;
  /** Left the queue without reaching an agent we saw (abandoned or transferred). */
  abandoned: number;
  /** Of those, left after the service-level threshold (they count against it). */
  abandonedAfterThreshold: number;
  /** Average speed of answer in seconds; null before the first answered call. */
  asaSeconds: number | null;
  /** answered within T ÷ (answered + abandoned after T), 0–1; null before any call. */
  serviceLevel: number | null;
  coverage: {
    /** Time the skill's waiting calls were watched without a gap. */
    observedMs: number;
    /** Time since the start of the shift. */
    shiftMs: number;
    /** observedMs ÷ shiftMs (0–1). */
    ratio: number;
    /** Calls seen waiting (each counted once). */
    calls: number;
  };
}

/** Agents by state among those known to hold the skill (or all, for the center). */
export interface AgentMix {
  signedIn: number | null;
  available: number | null;
  talking: number;
  wrapUp: number;
  resting: number;
  busy: number;
  /** How many roster agents the mix was counted over (a skill: those whose skills are known). */
  counted: number;
}

export interface SkillFigures {
  skillId: number;
  name: string;
  waiting: number;
  /** Wait of the longest-waiting call now, seconds; null with nobody waiting. */
  longestWaitSeconds: number | null;
  agents: AgentMix;
  observed: ObservedFigures;
  /** When the gateway figures (queryacdstat) were read; null before the first answer. */
  dataAt: number | null;
}

export interface CenterFigures {
  waiting: number;
  longestWaitSeconds: number | null;
  agents: AgentMix;
  observed: ObservedFigures;
  /** Skills whose waiting calls were watched at some time in the shift. */
  observedSkills: number;
}

/** One agent's time over the shift in the states with reason codes, and budget breaches. */
export interface AgentReasonTime {
  workNo: string;
  name: string;
  restMs: number;
  busyMs: number;
  wrapUpMs: number;
  /** Time by busy/rest reason code, where the gateway reported one. */
  byReason: Record<string, number>;
  over: Array<'rest' | 'busy' | 'wrap-up'>;
}

/** The live figures, pushed every 5 s (`stats.changed`). */
export interface InsightSnapshot {
  at: number;
  shiftStartedAt: number;
  serviceLevelSeconds: number;
  skills: SkillFigures[];
  center: CenterFigures;
  reasonTime: AgentReasonTime[];
  /** Whether the figures are live (signed in) or the last known ones. */
  live: boolean;
}

/** Fields of a history sample, in this order in every series. */
export const HISTORY_FIELDS = [
  'waiting',
  'longestWait',
  'signedIn',
  'available',
  'talking',
  'wrapUp',
  'resting',
  'busy',
  'idle',
  'answered',
  'abandoned',
  'serviceLevel',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/**
 * A stretch of the shift's history at 5 s resolution: `t` in ms since epoch, one column per
 * field; null where nothing was known (a gap: signed out, link lost, app not running).
 */
export interface HistorySeries {
  skillId: number | null;
  name: string;
  resolutionMs: number;
  t: number[];
  columns: Record<HistoryField, Array<number | null>>;
}

/** Settings of the insight feature. */
export interface InsightSettings {
  /** Service level threshold T, seconds (default 20). */
  serviceLevelSeconds: number;
  /** Reason-code budgets per agent per shift, minutes (0 = off). */
  restBudgetMinutes: number;
  busyBudgetMinutes: number;
  wrapUpBudgetMinutes: number;
  /** Skills the wallboard shows (empty: all). */
  wallboardSkillIds: number[];
  /** Display the wallboard opens on (index in the OS's list; null: the primary one). */
  wallboardDisplay: number | null;
  /** Seconds each wallboard page stays before the next one. */
  wallboardRotateSeconds: number;
}
