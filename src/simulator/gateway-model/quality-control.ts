/**
 * Real-time quality control with the documented rules (§5.1–§5.8): listen, insert and whisper
 * start from idle; switch listen⇄insert only from listen/insert of that agent; switching
 * among the three modes from any inspection of that agent; stop-whisper only from whisper;
 * intercept only from an inspection of an agent in a customer call; cancel only for the
 * current target. Each returns '0' or a retcode and queues the §11.6 event sequences.
 */
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import { CCGW_STATUS, EVENT_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent, CenterQcMode } from '../center/center-types';
import {
  buildCustomerReleaseContent,
  buildPhoneReleaseContent,
  buildQcContent,
  buildRecordContent,
  buildTalkingContent,
} from './event-content';
import type { GatewayState } from './gateway-state';
import { QC_START_SUBTYPE, QC_TYPE_FOR_MODE, endInspection } from './inspection-cleanup';

export type QcResult = { ok: true; target: CenterAgent } | { ok: false; retcode: string };

/** Checks shared by every QC interface: inspector right, not oneself, target signed in. */
export function checkQcTarget(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
): QcResult {
  if (!inspector.isInspector) return { ok: false, retcode: '900-002' };
  if (targetWorkNo === inspector.workNo) return { ok: false, retcode: '000-005' };
  const target = state.center.findAgent(targetWorkNo);
  if (!target || target.status === CCGW_STATUS.signedOut) return { ok: false, retcode: '900-003' };
  return { ok: true, target };
}

/** Check that the inspector is inspecting this target in one of the given modes. */
function checkCurrentInspection(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  modes: readonly CenterQcMode[],
): QcResult {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked;
  const qc = inspector.qc;
  if (!qc || qc.targetWorkNo !== targetWorkNo || !modes.includes(qc.mode))
    return { ok: false, retcode: '900-005' };
  return checked;
}

/** Start listening, inserting or whispering (inspector must be signed in and idle). */
export function startInspection(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  mode: CenterQcMode,
): string {
  const checked = checkQcTarget(state, inspector, targetWorkNo);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  if (inspector.status !== CCGW_STATUS.idle || inspector.qc) return '900-005';
  // One inspection per agent, and an inspector at work cannot be inspected.
  if (target.inspectedBy || target.qc) return '900-005';
  const { center, dispatcher } = state;
  center.setStatus(inspector, CCGW_STATUS.busy, 'quality-control');
  inspector.qc = { mode, targetWorkNo };
  target.inspectedBy = inspector.workNo;
  dispatcher.sendToAgent(inspector.workNo, EVENT_TYPE.busy, null);
  dispatcher.sendToAgent(inspector.workNo, EVENT_TYPE.phoneAlerting, null);
  dispatcher.sendToAgent(inspector.workNo, EVENT_TYPE.phoneOffhook, { type: 'main' });
  // Insert and whisper list AgentOther_BeQcStart (cec_07_0434, 2412); listen does on the newer
  // pages only (seed 001, 2023, lists none): the profile decides.
  if (mode !== 'listen' || state.options.profile.listenNotifiesTarget)
    dispatcher.sendToAgent(
      target.workNo,
      EVENT_TYPE.beQcStart,
      buildQcContent(QC_TYPE_FOR_MODE[mode], inspector.workNo),
    );
  dispatcher.notifyWatchers(target, QC_START_SUBTYPE[mode]);
  return RETCODE_SUCCESS;
}

/**
 * Change the mode of the current inspection. `announce`: the target gets BeQcStart with the
 * new qcType (documented for requestswitchinsertwhisperagent, cec_07_2414); the listen ⇄ insert
 * switch triggers no event at all (seed 002: "Triggered Event — None").
 */
function changeMode(
  state: GatewayState,
  inspector: CenterAgent,
  target: CenterAgent,
  mode: CenterQcMode,
  announce: boolean,
): void {
  if (!inspector.qc || inspector.qc.mode === mode) return;
  inspector.qc = { mode, targetWorkNo: target.workNo };
  if (!announce) return;
  state.dispatcher.sendToAgent(
    target.workNo,
    EVENT_TYPE.beQcStart,
    buildQcContent(QC_TYPE_FOR_MODE[mode], inspector.workNo),
  );
  state.dispatcher.notifyWatchers(target, QC_START_SUBTYPE[mode]);
}

/** Toggle listen ⇄ insert on the current target. */
export function switchListenInsert(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
): string {
  const checked = checkCurrentInspection(state, inspector, targetWorkNo, ['listen', 'insert']);
  if (!checked.ok) return checked.retcode;
  changeMode(
    state,
    inspector,
    checked.target,
    inspector.qc?.mode === 'listen' ? 'insert' : 'listen',
    false,
  );
  return RETCODE_SUCCESS;
}

/** Switch to listen, insert or whisper from any inspection of that target (same mode: no-op). */
export function switchInspectionMode(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  mode: CenterQcMode,
): string {
  const checked = checkCurrentInspection(state, inspector, targetWorkNo, [
    'listen',
    'insert',
    'whisper',
  ]);
  if (!checked.ok) return checked.retcode;
  changeMode(state, inspector, checked.target, mode, true);
  return RETCODE_SUCCESS;
}

/**
 * Leave the inspection: cancel (listen/insert/whisper; cec_07_2404 lists PhoneRelease + Ready
 * for the inspector, BeQcStop for the agent) or stop-whisper (whisper only; cec_07_2413
 * triggers no event: `silent`).
 */
export function stopInspection(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  modes: readonly CenterQcMode[],
  silent = false,
): string {
  const checked = checkCurrentInspection(state, inspector, targetWorkNo, modes);
  if (!checked.ok) return checked.retcode;
  endInspection(state, inspector, silent ? 'silent' : 'release-and-ready', 2);
  return RETCODE_SUCCESS;
}

/** Take over the target's customer call (optionally only if it is the given call). */
export function interceptCall(
  state: GatewayState,
  inspector: CenterAgent,
  targetWorkNo: string,
  callId: string | null,
): string {
  const checked = checkCurrentInspection(state, inspector, targetWorkNo, [
    'listen',
    'insert',
    'whisper',
  ]);
  if (!checked.ok) return checked.retcode;
  const { target } = checked;
  const call = target.call;
  if (!call || target.status !== CCGW_STATUS.talking) return '900-005';
  if (callId !== null && call.callId !== callId) return '900-005';
  const { center, dispatcher } = state;
  // The inspection turns into the inspector's own call: no BeQcStop, the call moves (§5.8).
  inspector.qc = null;
  target.inspectedBy = null;
  center.transferCall(target, inspector, 'quality-control');
  dispatcher.sendToAgent(inspector.workNo, EVENT_TYPE.talking, buildTalkingContent(call));
  dispatcher.sendToAgent(
    inspector.workNo,
    EVENT_TYPE.record,
    buildRecordContent(call, inspector, center.now()),
  );
  dispatcher.sendToAgent(
    target.workNo,
    EVENT_TYPE.customerRelease,
    buildCustomerReleaseContent(call),
  );
  dispatcher.sendToAgent(target.workNo, EVENT_TYPE.callRelease, call.callId);
  dispatcher.sendToAgent(target.workNo, EVENT_TYPE.phoneRelease, buildPhoneReleaseContent(3));
  dispatcher.sendToAgent(target.workNo, EVENT_TYPE.ready, null);
  return RETCODE_SUCCESS;
}
