/**
 * Public types of the CC-Gateway simulator (re-exported by index.ts). Other parts of the
 * project (demo mode, integration tests, browser tests, benchmarks, the CLI) code against these.
 */

export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Default 'https'. */
  protocol?: 'https' | 'http';
  /** Default: a throwaway CA + server certificate for 127.0.0.1, ::1 and localhost. */
  tls?: { certPem: string; keyPem: string; caPem?: string };
  /** Agents in the center, default 40; works at 10,000. */
  agents?: number;
  /** Inspector accounts with the QC permission, default 3. */
  inspectors?: number;
  /** Seed of names, groups, skills, callers and timings, default 1. */
  seed?: number;
  /** Activity level of the simulated center, default 1. 0 freezes the center. */
  changesPerAgentPerMinute?: number;
  /** Default true: timers drive the center. false: only center.advance(ms) moves time. */
  autoRun?: boolean;
  /** Default 2: rotate the GUID every `guidRotationPolls` polls via Set-GUID on a poll response. */
  authMode?: 1 | 2;
  /** Default 25. */
  guidRotationPolls?: number;
  /** Old GUID still accepted this long after rotation, default 10,000 ms. */
  guidGraceMs?: number;
  /** Empty long-poll hold, default 10,000 ms. */
  pollHoldMs?: number;
  /** Sign-out after no poll for this long, default 120,000 ms. */
  sessionTimeoutMs?: number;
  faults?: Partial<FaultSettings>;
  /**
   * Which generation of Huawei's pages the gateway follows where they differ (issue 10):
   * 'current' (default; 2024-08…2025-12 pages) or 'legacy' (2023-09 pages): see
   * gateway-model/gateway-profile.ts.
   */
  gatewayVersion?: 'current' | 'legacy';
  /** Overrides the profile's `eventGenTime` (measurements with and without it). */
  eventGenTime?: boolean;
  /** Default false: the /__admin routes do not exist at all. With true they need `adminToken`. */
  adminEndpoint?: boolean;
  /** Request log (method, path, log name, retcode); never the GUID or password. */
  log?: (line: string) => void;
}

export interface FaultSettings {
  /** Added before answering each request. */
  latencyMs: number;
  jitterMs: number;
  /** 0..1: answer a business error (e.g. '100-007') instead. */
  retcodeErrorRate: number;
  /** 0..1: answer HTTP 502/503 with an HTML body. */
  http5xxRate: number;
  /** 0..1: answer 200 with a broken or wrong-typed JSON body. */
  malformedRate: number;
  /** 0..1: destroy the socket without answering. */
  dropRate: number;
  /** Accept requests but never answer (network loss / black hole) until cleared. */
  stalled: boolean;
}

export interface SimulatorAccount {
  agentId: string;
  password: string;
  phoneNumber: string;
  name: string;
}

export interface AgentStateChange {
  workNo: string;
  /** CC-Gateway status code (§9.1). */
  status: string;
  /** ms since epoch (simulated clock). */
  at: number;
}

export interface CenterStats {
  requests: number;
  requestsByLogName: Record<string, number>;
  eventsQueued: number;
  eventsDelivered: number;
  /** Events discarded because a session's queue was full (oldest dropped first). */
  eventsDropped: number;
}

export interface AgentListing {
  workNo: string;
  name: string;
  status: string;
  ctiStatus: string;
  groupName: string;
  skills: number[];
  callId: string | null;
}

export interface WaitingCallListing {
  callId: string;
  caller: string;
  enqueuedAt: number;
}

export interface ContactCenterControl {
  /** Move simulated time forward (works with autoRun too). */
  advance(ms: number): void;
  /** Force a state change (CCGW code); emits events to monitors. */
  setAgentStatus(workNo: string, status: string): void;
  /** Put a call into a skill queue; returns the call id. */
  enqueueCall(skillId: number, caller?: string): string;
  listAgents(): AgentListing[];
  listSkills(): Array<{ id: number; name: string }>;
  listWaitingCalls(skillId: number): WaitingCallListing[];
  /** Every agent state change (for benchmarks and tests); returns an unsubscribe function. */
  onStateChange(listener: (change: AgentStateChange) => void): () => void;
  stats(): CenterStats;
  /** Notes sent through sendnoteletex (the newest 1,000), oldest first. */
  listNotes(): NoteListing[];
}

export interface NoteListing {
  /** The sender's agent id. */
  from: string;
  agentIds: string[];
  content: string;
  /** Simulated time it was sent (ms since epoch). */
  at: number;
  /** Receivers who were signed in: they got AgentOther_Note. */
  deliveredTo: string[];
}

export interface FaultControl {
  set(patch: Partial<FaultSettings>): void;
  get(): FaultSettings;
  clear(): void;
  /** Make every live GUID stale (000-003) and end those sessions. */
  invalidateGuids(): void;
  /**
   * Answer the next `times` (default 1) requests of an interface (its gateway log name, e.g.
   * 'addSupervise' or 'login', or '*') with a retcode or an HTTP status instead of running them.
   */
  answer(answer: {
    interface: string;
    retcode?: string;
    httpStatus?: number;
    times?: number;
  }): void;
  /**
   * Queue a raw event of any shape on an agent's live session (no workNo, odd content, an
   * unreadable type …). Throws when the agent has no live session.
   */
  injectEvent(workNo: string, event: Record<string, unknown>): void;
}

export interface RunningSimulator {
  /** e.g. 'https://127.0.0.1:53123/agentgateway/resource/' */
  baseUrl: string;
  /** e.g. 'https://127.0.0.1:53123' */
  origin: string;
  /** CA certificate to trust (null for http). */
  caPem: string | null;
  /** SHA-256 of the server certificate DER, lowercase hex without colons ('' for http). */
  certSha256: string;
  /** Bearer token of the /__admin routes (null: no admin endpoint). */
  adminToken: string | null;
  inspectors: SimulatorAccount[];
  agents: SimulatorAccount[];
  center: ContactCenterControl;
  faults: FaultControl;
  /** "Gateway restart": forget every session and GUID (agents in the model keep their state). */
  restart(): void;
  /** Close the server, all held polls and timers. */
  close(): Promise<void>;
}
