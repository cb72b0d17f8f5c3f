/**
 * Status and type codes of the CC-Gateway (ccgateway-api.md §9). The gateway sends them as
 * strings in agent lists; both the client and the simulator use these names.
 */

/** CC-Gateway agent status (`status` in allagent / allagentstatus / agentbyworkno), §9.1. */
export const CCGW_STATUS = {
  unknown: '0',
  signedIn: '1',
  signedOut: '2',
  busy: '3',
  idle: '4',
  wrapUp: '5',
  idleAlias: '6',
  talking: '7',
  rest: '8',
  preRest: '9',
} as const;

/** CTI agent status (`ctiStatus`), §9.2. */
export const CTI_STATUS = {
  notSignedIn: '0',
  idle: '1',
  preOccupied: '2',
  occupied: '3',
  answering: '4',
  talking: '5',
  wrapUp: '6',
  busy: '7',
  rest: '8',
  study: '9',
  adjusting: '10',
} as const;

/** `qcType` in AgentOther_BeQcStart / BeQcStop, §9.6. */
export const QC_TYPE = {
  listen: 8,
  insert: 9,
  whisper: 20172,
  whisperAlt: 20173,
} as const;

/** `switchtype` of requestswitchinsertwhisperagent, §5.6. */
export const SWITCH_TYPE = { listen: 0, insert: 1, whisper: 2 } as const;

/** `reason` of AgentState_SetNotReady_Success, §9.4. */
export const BUSY_REASON = {
  self: 1,
  noAnswer: 2,
  forcedByInspector: 3,
  rest: 4,
  phoneUnavailable: 5,
  rejected: 7,
} as const;

/** Event types the product reacts to (§11). Others are tolerated and passed through. */
export const EVENT_TYPE = {
  ready: 'AgentState_Ready',
  busy: 'AgentState_Busy',
  work: 'AgentState_Work',
  setNotReadySuccess: 'AgentState_SetNotReady_Success',
  cancelNotReadySuccess: 'AgentState_CancelNotReady_Success',
  forceSetNotReady: 'AgentState_Force_SetNotReady',
  forceReady: 'AgentState_Force_Ready',
  inService: 'AgentOther_InService',
  shutdownService: 'AgentOther_ShutdownService',
  phoneAlerting: 'AgentOther_PhoneAlerting',
  phoneOffhook: 'AgentOther_PhoneOffhook',
  phoneRelease: 'AgentOther_PhoneRelease',
  beQcStart: 'AgentOther_BeQcStart',
  beQcStop: 'AgentOther_BeQcStop',
  ringing: 'AgentEvent_Ringing',
  talking: 'AgentEvent_Talking',
  callRelease: 'AgentEvent_Call_Release',
  customerRelease: 'AgentEvent_Customer_Release',
  record: 'AgentMediaEvent_Record',
  qcAgentStateNotify: 'QC_AgentState_Notify',
  /** A note from another agent arrived (cec_07_0500; content null). */
  note: 'AgentOther_Note',
  setRestSuccess: 'AgentState_SetRest_Success',
  /** The rest time is over (cec_07_1350); the agent is not out of rest by this event alone. */
  restTimeout: 'AgentState_Rest_Timeout',
} as const;

/** Subtypes of QC_AgentState_Notify (§5.11) the product maps to agent states. */
export const QC_NOTIFY_SUBTYPE = {
  login: 'QC_AgentState_Login',
  logout: 'QC_AgentState_Logout',
  idle: 'QC_AgentState_Idle',
  busy: 'QC_AgentState_Busy',
  rest: 'QC_AgentState_Rest',
  work: 'QC_AgentState_Work',
  active: 'QC_AgentState_Active',
  waitAnswer: 'QC_AgentState_WaitAnswer',
  waitAlerting: 'QC_AgentState_WaitAlerting',
  threeParty: 'QC_AgentState_ThreeParty',
  hungUp: 'QC_AgentState_HungUp',
  monitor: 'QC_AgentState_Monitor',
  stopMonitor: 'QC_AgentState_StopMonitor',
  superviseInsert: 'QC_AgentState_SuperviseInsert',
  stopSuperviseInsert: 'QC_AgentState_StopSuperviseInsert',
} as const;
