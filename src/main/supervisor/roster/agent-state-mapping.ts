/**
 * One place that folds the gateway's codes into the supervisor's AgentState: CC-Gateway status
 * (§9.1), CTI status (§9.2) and the subtypes of QC_AgentState_Notify (§5.11). Pure.
 */
import type { AgentState, QcMode } from '../../../shared/domain';
import {
  CCGW_STATUS,
  CTI_STATUS,
  QC_NOTIFY_SUBTYPE,
  QC_TYPE,
} from '../../../shared/gateway-protocol/gateway-status-codes';

const CCGW_TO_STATE: Readonly<Record<string, AgentState>> = {
  [CCGW_STATUS.unknown]: 'unknown',
  [CCGW_STATUS.signedIn]: 'idle',
  [CCGW_STATUS.signedOut]: 'signed-out',
  [CCGW_STATUS.busy]: 'busy',
  [CCGW_STATUS.idle]: 'idle',
  [CCGW_STATUS.wrapUp]: 'wrap-up',
  [CCGW_STATUS.idleAlias]: 'idle',
  [CCGW_STATUS.talking]: 'talking',
  [CCGW_STATUS.rest]: 'rest',
  // Pre-rest: rest is requested but the agent is still not available for calls.
  [CCGW_STATUS.preRest]: 'busy',
};

const CTI_TO_STATE: Readonly<Record<string, AgentState>> = {
  [CTI_STATUS.notSignedIn]: 'signed-out',
  [CTI_STATUS.idle]: 'idle',
  [CTI_STATUS.preOccupied]: 'ringing',
  [CTI_STATUS.occupied]: 'ringing',
  [CTI_STATUS.answering]: 'ringing',
  [CTI_STATUS.talking]: 'talking',
  [CTI_STATUS.wrapUp]: 'wrap-up',
  [CTI_STATUS.busy]: 'busy',
  [CTI_STATUS.rest]: 'rest',
  [CTI_STATUS.study]: 'unknown',
  [CTI_STATUS.adjusting]: 'unknown',
};

/** CCGW codes too coarse on their own: the CTI code says more when present. */
const REFINED_BY_CTI = new Set<string>([
  CCGW_STATUS.unknown,
  CCGW_STATUS.signedIn,
  CCGW_STATUS.talking,
]);

/**
 * AgentState of an agent-list entry. The CC-Gateway code decides; the CTI code refines "talking"
 * (a ringing/reserved agent is CCGW 7 too) and fills in unknown codes.
 */
export function mapAgentStatus(
  ccgwStatus: string | null | undefined,
  ctiStatus?: string | null,
): AgentState {
  const ccgw = ccgwStatus?.trim() ?? '';
  const cti = ctiStatus?.trim() ?? '';
  const fromCti = cti === '' ? undefined : CTI_TO_STATE[cti];
  const fromCcgw = CCGW_TO_STATE[ccgw];
  if (fromCcgw === undefined) return fromCti ?? 'unknown';
  if (!REFINED_BY_CTI.has(ccgw) || fromCti === undefined) return fromCcgw;
  if (ccgw === CCGW_STATUS.talking) return fromCti === 'ringing' ? 'ringing' : 'talking';
  return fromCti === 'unknown' ? fromCcgw : fromCti;
}

/** What a QC_AgentState_Notify subtype says about the monitored agent. */
export interface NotifyMeaning {
  /** New state of the agent; undefined when the subtype says nothing about it. */
  state?: AgentState;
  /**
   * Another inspector started (a mode) or stopped (null) inspecting the agent; undefined when
   * the subtype says nothing about inspection.
   */
  inspection?: QcMode | null;
}

const NOTIFY_MEANINGS: Readonly<Record<string, NotifyMeaning>> = {
  // Sign-in puts an agent in idle by default (§3.1); a later notify corrects it if not.
  [QC_NOTIFY_SUBTYPE.login]: { state: 'idle' },
  [QC_NOTIFY_SUBTYPE.logout]: { state: 'signed-out', inspection: null },
  [QC_NOTIFY_SUBTYPE.idle]: { state: 'idle' },
  [QC_NOTIFY_SUBTYPE.busy]: { state: 'busy' },
  [QC_NOTIFY_SUBTYPE.rest]: { state: 'rest' },
  [QC_NOTIFY_SUBTYPE.work]: { state: 'wrap-up' },
  [QC_NOTIFY_SUBTYPE.active]: { state: 'talking' },
  [QC_NOTIFY_SUBTYPE.threeParty]: { state: 'talking' },
  [QC_NOTIFY_SUBTYPE.waitAnswer]: { state: 'ringing' },
  [QC_NOTIFY_SUBTYPE.waitAlerting]: { state: 'ringing' },
  [QC_NOTIFY_SUBTYPE.monitor]: { inspection: 'listen' },
  [QC_NOTIFY_SUBTYPE.superviseInsert]: { inspection: 'insert' },
  [QC_NOTIFY_SUBTYPE.stopMonitor]: { inspection: null },
  [QC_NOTIFY_SUBTYPE.stopSuperviseInsert]: { inspection: null },
  // Muted stays in the call.
  QC_AgentState_Mute: { state: 'talking' },
};

/**
 * Meaning of a QC_AgentState_Notify subtype. HungUp, recording, video and unknown subtypes say
 * nothing definite (the next state notify follows), so they map to an empty meaning.
 */
export function mapNotifySubtype(subtype: string): NotifyMeaning {
  return NOTIFY_MEANINGS[subtype.trim()] ?? {};
}

/** `qcType` of BeQcStart/BeQcStop (§9.6) as a mode; null when unknown. */
export function mapQcType(qcType: unknown): QcMode | null {
  const code = typeof qcType === 'string' ? Number(qcType) : qcType;
  if (code === QC_TYPE.listen) return 'listen';
  if (code === QC_TYPE.insert) return 'insert';
  if (code === QC_TYPE.whisper || code === QC_TYPE.whisperAlt) return 'whisper';
  return null;
}
