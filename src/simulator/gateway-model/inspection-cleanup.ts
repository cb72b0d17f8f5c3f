/**
 * Ending an inspection, shared by cancel/stop-whisper and by the cases where one side of an
 * inspection disappears (signed out, forced out, session timed out, status forced).
 */
import {
  CCGW_STATUS,
  EVENT_TYPE,
  QC_NOTIFY_SUBTYPE,
  QC_TYPE,
} from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent, CenterChange, CenterQcMode } from '../center/center-types';
import { buildPhoneReleaseContent, buildQcContent } from './event-content';
import type { GatewayState } from './gateway-state';

export const QC_TYPE_FOR_MODE: Record<CenterQcMode, number> = {
  listen: QC_TYPE.listen,
  insert: QC_TYPE.insert,
  whisper: QC_TYPE.whisper,
};

/** Subtype shown to monitors of the target when an inspection starts / stops in a mode. */
export const QC_START_SUBTYPE: Record<CenterQcMode, string> = {
  listen: QC_NOTIFY_SUBTYPE.monitor,
  insert: QC_NOTIFY_SUBTYPE.superviseInsert,
  whisper: QC_NOTIFY_SUBTYPE.monitor,
};
const QC_STOP_SUBTYPE: Record<CenterQcMode, string> = {
  listen: QC_NOTIFY_SUBTYPE.stopMonitor,
  insert: QC_NOTIFY_SUBTYPE.stopSuperviseInsert,
  whisper: QC_NOTIFY_SUBTYPE.stopMonitor,
};

/**
 * What the inspector's own session is told when its inspection ends; `silent`: nobody is told
 * (stop-whisper, cec_07_2413: no triggered event).
 */
export type InspectorNotice = 'none' | 'release' | 'release-and-ready' | 'silent';

/**
 * End the inspector's current inspection: the target gets AgentOther_BeQcStop; the inspector
 * gets the notice asked for and, if still busy with it, goes back to idle.
 */
export function endInspection(
  state: GatewayState,
  inspector: CenterAgent,
  notice: InspectorNotice,
  phoneState: 2 | 3,
): void {
  const qc = inspector.qc;
  if (!qc) return;
  inspector.qc = null;
  const { center, dispatcher } = state;
  const target = center.findAgent(qc.targetWorkNo);
  if (target) {
    if (target.inspectedBy === inspector.workNo) target.inspectedBy = null;
    if (notice !== 'silent') {
      dispatcher.sendToAgent(
        target.workNo,
        EVENT_TYPE.beQcStop,
        buildQcContent(QC_TYPE_FOR_MODE[qc.mode], inspector.workNo),
      );
      dispatcher.notifyWatchers(target, QC_STOP_SUBTYPE[qc.mode]);
    }
  }
  if (notice === 'release' || notice === 'release-and-ready')
    dispatcher.sendToAgent(
      inspector.workNo,
      EVENT_TYPE.phoneRelease,
      buildPhoneReleaseContent(phoneState),
    );
  if (notice === 'release-and-ready')
    dispatcher.sendToAgent(inspector.workNo, EVENT_TYPE.ready, null);
  if (inspector.status === CCGW_STATUS.busy)
    center.setStatus(inspector, CCGW_STATUS.idle, 'quality-control');
}

/** Keep inspections consistent when a change happened outside the QC routes. */
export function releaseInspectionsOnChange(state: GatewayState, change: CenterChange): void {
  const { agent } = change;
  if (agent.qc && agent.status !== CCGW_STATUS.busy) {
    // The inspector left its QC state (signed out, or forced elsewhere by the control API).
    endInspection(state, agent, agent.status === CCGW_STATUS.signedOut ? 'none' : 'release', 3);
  }
  if (agent.inspectedBy && agent.status === CCGW_STATUS.signedOut) {
    const inspector = state.center.findAgent(agent.inspectedBy);
    agent.inspectedBy = null;
    if (inspector) endInspection(state, inspector, 'release-and-ready', 3);
  }
}
