/**
 * Public types of the CC-Gateway client: the injected transport, the options, and the decoded
 * (camelCase, typed) shapes of what the gateway returns. Raw gateway JSON never leaves
 * src/main/gateway: everything above it sees these types only.
 */

/** What the client needs from a fetch implementation (Node's fetch, undici, Electron net.fetch). */
export interface GatewayRequestInit {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  /**
   * Aborts the request. A transport without `enforcesTimeout` always gets one (the client's own
   * time limit fires it); one with it gets the caller's signal only (e.g. a poll being stopped).
   */
  signal?: AbortSignal;
  /**
   * The request's time limit in ms (headers and body). A transport with `enforcesTimeout` must
   * apply it; others may ignore it (the client's own timer covers them).
   */
  timeoutMs?: number;
}
export interface GatewayResponseLike {
  status: number;
  headers: { get(name: string): string | null; getSetCookie?(): string[] };
  text(): Promise<string>;
}
export type GatewayFetch = ((
  url: string,
  init: GatewayRequestInit,
) => Promise<GatewayResponseLike>) & {
  /**
   * The transport applies `init.timeoutMs` itself, so the client creates no abort signal per
   * request (a signal and its abort listener cost more than the rest of the client's work).
   */
  readonly enforcesTimeout?: boolean;
};

/** Structured log sink; the client never passes a password or GUID to it. */
export interface GatewayLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /**
   * Whether entries of `level` are written anywhere. False lets a caller skip building (and
   * redacting) an entry on a hot path, e.g. the debug line of every gateway call; a logger
   * without it is taken to write every level.
   */
  writes?(level: 'debug' | 'info' | 'warn' | 'error'): boolean;
}

export interface GatewayClientOptions {
  /** `https://host:8043` or the full `https://host:8043/agentgateway/resource/`. */
  baseUrl: string;
  /** The inspector's own agent id (101–999999). */
  agentId: string;
  fetch: GatewayFetch;
  /** Time limit of ordinary requests. Default 10 s. */
  requestTimeoutMs?: number;
  /** Time limit of an event poll; must exceed the gateway's ~10 s hold. Default 30 s. */
  pollTimeoutMs?: number;
  logger?: GatewayLogger;
  /** Clock for timestamps (tests). Default Date.now. */
  now?: () => number;
}

export type InitialAgentStatus = 'idle' | 'busy' | 'wrap-up';

export interface SignInOptions {
  password: string;
  phoneNumber: string;
  /** Forced sign-in (`forcelogin`): kicks a session signed in elsewhere. */
  force?: boolean;
  /** State after sign-in; default idle (QC needs an idle inspector). */
  initialStatus?: InitialAgentStatus;
  /** Auto-answer the QC leg on the inspector's phone. Default true. */
  autoAnswer?: boolean;
  /** Receive sign-in/out notifications of monitored agents. Default true. */
  listenStatus?: boolean;
}

export interface SignInResult {
  workNo: string;
  vdnId: number | null;
  /** Sign-in time (ms since epoch) as the gateway reports it. */
  loginTime: number | null;
  passwordMustChange: boolean;
  serverName: string | null;
  passwordDaysRemaining: number | null;
}

/** An event's `content` as sent: null, text, a number, a flag, a list or an object (§4.1). */
export type GatewayEventContent =
  null | string | number | boolean | readonly unknown[] | Record<string, unknown>;

/** One event from the long poll (decoded liberally: an odd event never fails the poll). */
export interface GatewayEvent {
  /** The gateway's `eventType`, or `unknown` when it was missing or not text. */
  eventType: string;
  /** For an `unknown` event: a short, value-free description of what was sent as its type. */
  rawType: string | null;
  /** One of the documented event types (§11); false for new or unreadable types. */
  known: boolean;
  /** The agent the event is for; null when not sent (e.g. cec_07_0542's BeQcStart example). */
  workNo: string | null;
  content: GatewayEventContent;
  /** `eventGenTime` when the gateway sends it (ms since epoch). */
  generatedAt: number | null;
  /** When the client received it (ms since epoch). */
  receivedAt: number;
}

export interface OwnStatus {
  /** Detailed agent state, §9.3 (1 idle … 15 inserting, 16 listening, 17 whispering). */
  agentState: number | null;
  isWorking: boolean | null;
}

/** An agent from `qualitycontrol/{id}/allagent`. Status codes stay strings, as sent. */
export interface MonitorableAgent {
  workNo: string;
  name: string;
  /** CC-Gateway status code, §9.1 ("0".."9"). */
  status: string;
}

/** An agent from `agentgroup/{id}/allagentstatus`. */
export interface AgentStatusEntry {
  workNo: string;
  name: string;
  status: string;
  ctiStatus: string | null;
  groupName: string | null;
}

/** One agent from `agentgroup/{id}/agentbyworkno/{workNo}`. */
export interface AgentDetail {
  workNo: string;
  name: string;
  status: string;
  ctiStatus: string | null;
  groupId: number | null;
  groupName: string | null;
  skills: { id: number; name: string }[];
  callIds: string[];
  phoneNumber: string | null;
  /** When the agent entered its current state (ms since epoch), when reported. */
  currentStateSince: number | null;
}

export interface SkillQueue {
  id: number;
  name: string;
  mediaType: string | null;
}

/** A call waiting in a skill queue (`calldata/{id}/waitcallinfo/{skillId}`). */
export interface WaitingCall {
  callId: string;
  caller: string;
  called: string | null;
  skillId: number;
  skillName: string | null;
  /** `begintime`: when the call entered the queue (ms since epoch). */
  enqueuedAt: number | null;
  priority: number | null;
  callFeature: number | null;
}

/**
 * One skill queue's statistics from `queuedevice/{id}/queryacdstat` (cec_07_0411): what the
 * gateway counts right now, not figures over time.
 */
export interface AcdSkillStat {
  /** `deviceNo`: the skill queue id. */
  skillId: number;
  /** `pilotNbr`: the queue's access code. */
  pilotNumber: string | null;
  /** `queueSize`: calls waiting now. */
  waiting: number;
  /** `queueTime`: wait of the longest-waiting call, in seconds (0 with nobody waiting). */
  longestWaitSeconds: number;
  /** `loggedOnAgents`: agents signed in to the queue. */
  signedIn: number | null;
  /** `availAgents`: agents available for the queue now. */
  available: number | null;
  /** `skillDescrip`. */
  description: string | null;
}

export type QcSwitchTarget = 'listen' | 'insert' | 'whisper';
