/**
 * Internal data types of the simulated contact center (agents, calls, changes). Only the
 * simulator uses them; the public listing types live in simulator-types.ts.
 */
export type CenterQcMode = 'listen' | 'insert' | 'whisper';

export interface CenterSkill {
  id: number;
  name: string;
  /** Access code a customer dialled for this queue. */
  accessCode: string;
}

export interface CenterCall {
  callId: string;
  caller: string;
  called: string;
  skillId: number;
  enqueuedAt: number;
  /** The ACD routes the call only after its announcement (IVR) has played. */
  routableAt: number;
  /** The caller gives up waiting at this time. */
  abandonAt: number;
  connectedAt: number | null;
  /** When the customer will hang up once connected. */
  plannedEndAt: number;
}

export interface CenterAgent {
  readonly index: number;
  readonly workNo: string;
  readonly name: string;
  readonly password: string;
  phoneNumber: string;
  readonly groupId: number;
  readonly groupName: string;
  /** Skill queues the agent serves; an inspector's adjustskill replaces them. */
  skills: number[];
  readonly isInspector: boolean;
  /** CC-Gateway status code (§9.1). */
  status: string;
  /** CTI status code (§9.2), always derived from `status`. */
  ctiStatus: string;
  stateSince: number;
  loginTime: number | null;
  call: CenterCall | null;
  /** A gateway session drives this agent: the activity model leaves it alone. */
  controlled: boolean;
  /** From sign-in (`autoenteridle`): idle rather than wrap-up after a call. */
  autoEnterIdle: boolean;
  /** An inspector forced busy during a call: busy instead of wrap-up when it ends. */
  pendingBusy: boolean;
  /** A forced rest ends at this time (ms, simulated clock); null for any other rest. */
  restUntil: number | null;
  /** An inspector forced a rest during a call: rest this long once the call ends. */
  pendingRestMs: number | null;
  /** Bumped on every change so stale scheduler entries can be recognised. */
  version: number;
  /** This agent's own inspection, when it is an inspector at work. */
  qc: { mode: CenterQcMode; targetWorkNo: string } | null;
  /** The inspector inspecting this agent, if any. */
  inspectedBy: string | null;
}

/** Why a state changed; decides which events a signed-in session of that agent receives. */
export type ChangeCause =
  | 'activity'
  | 'control'
  | 'session'
  | 'quality-control'
  | 'call-ended'
  | 'call-requested'
  | 'rest-timeout';

export interface CenterChange {
  agent: CenterAgent;
  previousStatus: string;
  /** The new status (the agent may move on again while listeners run). */
  status: string;
  cause: ChangeCause;
  /** The call that started (change to talking) or ended (change from talking). */
  call: CenterCall | null;
  at: number;
}
