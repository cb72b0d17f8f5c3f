/**
 * Interface paths of the CC-Gateway, relative to the base `/agentgateway/resource/`
 * (ccgateway-api.md §3–§8). Placeholders are `{name}`. The client fills them with encoded
 * values; the simulator matches them as routes. Each entry also names the gateway's log method.
 */
export const GATEWAY_BASE_PATH = '/agentgateway/resource/';

export interface InterfaceSpec {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  /** Method name in the gateway's logs; also our interface name in errors and logs. */
  readonly logName: string;
}

export const INTERFACES = {
  signIn: { method: 'PUT', path: 'onlineagent/{agentid}', logName: 'login' },
  forceSignIn: { method: 'PUT', path: 'onlineagent/{agentid}/forcelogin', logName: 'forceLogin' },
  signOut: { method: 'DELETE', path: 'onlineagent/{agentid}/logout', logName: 'logout' },
  forceSignOut: {
    method: 'DELETE',
    path: 'onlineagent/{agentid}/forcelogout',
    logName: 'forceLogout',
  },
  updateGuid: { method: 'PUT', path: 'onlineagent/{agentid}/updateGuid', logName: 'updateGuid' },
  sendNote: {
    method: 'POST',
    path: 'onlineagent/{agentid}/sendnoteletex',
    logName: 'sendNoteletEx',
  },
  ownStatus: {
    method: 'GET',
    path: 'onlineagent/{agentid}/agentstatus',
    logName: 'getAgentStatus',
  },
  pollEvent: { method: 'GET', path: 'agentevent/{agentid}', logName: 'getAgentEvent' },
  /**
   * Sign in to skill queues (cec_07_1209; dev guide cec_05_4015 step 3). The simulator answers
   * it; the client does not call it (an inspector takes no queue calls: see
   * docs/decisions/gateway-client.md).
   */
  resetSkill: {
    method: 'POST',
    path: 'onlineagent/{agentid}/resetskill/{autoflag}',
    logName: 'resetSkill',
  },

  listen: {
    method: 'PUT',
    path: 'qualitycontrol/{agentid}/addsupervise/{workNo}',
    logName: 'addSupervise',
  },
  insert: {
    method: 'PUT',
    path: 'qualitycontrol/{agentid}/addinsert/{workNo}',
    logName: 'addInsert',
  },
  switchListenInsert: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/switch/{workNo}',
    logName: 'switchSuperviseOrInsert',
  },
  intercept: {
    method: 'PUT',
    path: 'qualitycontrol/{agentid}/intercept/{workNo}',
    logName: 'intercept',
  },
  interceptCall: {
    method: 'PUT',
    path: 'qualitycontrol/{agentid}/intercept/{workNo}/{callId}',
    logName: 'intercept',
  },
  whisper: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/requestwhisperagent',
    logName: 'requestWhisperAgent',
  },
  stopWhisper: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/requeststopwhisperagent',
    logName: 'requestStopWhisperAgent',
  },
  switchMode: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/requestswitchinsertwhisperagent',
    logName: 'requestSwitchInsertWhisperAgent',
  },
  cancel: {
    method: 'DELETE',
    path: 'qualitycontrol/{agentid}/{workNo}',
    logName: 'stopSuperviseOrInsert',
  },
  forceBusy: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/forcebusy/{workNo}',
    logName: 'forceBusy',
  },
  forceIdle: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/forceidle/{workNo}',
    logName: 'forceIdle',
  },
  forceAgentSignOut: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/forcelogout/{workNo}',
    logName: 'forceLogOutAgent',
  },
  forceRest: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/forcerest/{workNo}/{time}/{reason}',
    logName: 'forceRest',
  },
  forceDropCall: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/forcedropcall/{callId}',
    logName: 'forceDropCall',
  },
  adjustSkill: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/adjustskill',
    logName: 'adjustSkill',
  },
  monitorableAgents: {
    method: 'GET',
    path: 'qualitycontrol/{agentid}/allagent',
    logName: 'queryAllAgent',
  },
  beginMonitor: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/beginmonitor',
    logName: 'beginMonitor',
  },
  endMonitor: {
    method: 'POST',
    path: 'qualitycontrol/{agentid}/endmonitor',
    logName: 'endMonitor',
  },

  agentStatuses: {
    method: 'GET',
    path: 'agentgroup/{agentid}/allagentstatus',
    logName: 'queryAllAgentStatus',
  },
  agentByWorkNo: {
    method: 'GET',
    path: 'agentgroup/{agentid}/agentbyworkno/{workNo}',
    logName: 'queryAgentInfoByWorkNo',
  },

  skillQueues: {
    method: 'GET',
    path: 'queuedevice/{agentid}/agentvdnskill',
    logName: 'querySkillQueueOnAgentVDN',
  },
  waitingCalls: {
    method: 'GET',
    path: 'calldata/{agentid}/waitcallinfo/{skillId}',
    logName: 'queryWaitCallInfoBySkillId',
  },
  requestCall: {
    method: 'POST',
    path: 'voicecall/{agentid}/requestcall/{callId}/{skillType}',
    logName: 'requestAppointedCall',
  },
  /** Statistics of a set of skill queues, body `{"skills":[id…]}` (cec_07_0411 / cec_07_1023). */
  acdStats: {
    method: 'POST',
    path: 'queuedevice/{agentid}/queryacdstat',
    logName: 'queryStatInfoOfAcd',
  },
} as const satisfies Record<string, InterfaceSpec>;

export type InterfaceName = keyof typeof INTERFACES;

/** The response header that sets the session GUID (`Set-GUID: JSESSIONID=<guid>`). */
export const SET_GUID_HEADER = 'Set-GUID';
export const SET_GUID_PREFIX = 'JSESSIONID=';

/** Documented limits the client enforces before the network. */
export const LIMITS = {
  agentIdMin: 101,
  agentIdMax: 999_999,
  monitorBatch: 500,
  /** `queryacdstat`: at most 100 skill ids per request (cec_07_0411). */
  acdStatBatch: 100,
  passwordMaxLength: 32,
  phoneMaxLength: 24,
  /** sendnoteletex: receivers per request (cec_07_1205). */
  noteRecipientsMax: 100,
  /** sendnoteletex: content length in UTF-8 bytes, 0 to this (cec_07_1205). */
  noteContentMaxBytes: 1023,
  /** forcerest: rest duration in seconds (cec_07_2411). */
  restSecondsMin: 1,
  restSecondsMax: 86_399,
  /** forcerest: rest reason code (cec_07_2411). */
  restReasonMin: 1,
  restReasonMax: 255,
  /** adjustskill: skills per request (cec_07_2409 / cec_07_0443). */
  adjustSkillsMax: 1_000,
  /** The gateway holds an empty poll for about 10 s (100 × 100 ms). */
  pollHoldMs: 10_000,
  /** No poll for this long and the gateway signs the agent out. */
  sessionIdleTimeoutMs: 120_000,
} as const;

/** Agent ids (workNo): 3 to 6 digits without a leading zero; the range is LIMITS.agentId*. */
export const AGENT_ID_PATTERN = /^[1-9][0-9]{2,5}$/;

/** Phone numbers: 1 to LIMITS.phoneMaxLength of digits, `*`, `#` and `+`. */
export const PHONE_NUMBER_PATTERN = new RegExp(`^[0-9*#+]{1,${LIMITS.phoneMaxLength}}$`);

/** Whether an agent id is within the documented range (its shape checked separately). */
export function isAgentIdInRange(value: string): boolean {
  const numeric = Number(value);
  return numeric >= LIMITS.agentIdMin && numeric <= LIMITS.agentIdMax;
}
