/**
 * Builders of event `content` objects in the shapes of the event catalogue (§11), so every
 * route emits the same fields for the same event.
 */
import type { CenterAgent, CenterCall } from '../center/center-types';

/** `mediatype` of a voice skill queue. */
export const SKILL_MEDIA_TYPE_VOICE = 5;

/** AgentEvent_Talking content, shaped as cec_07_1355's example (feature and mediaAbility text). */
export function buildTalkingContent(call: CenterCall): Record<string, unknown> {
  return {
    caller: call.caller,
    callid: call.callId,
    called: call.called,
    // Call type 0 = normal inbound (§9.5); media ability 1 = voice (cec_07_1355).
    feature: '0',
    type: 'main',
    mediaAbility: '1',
  };
}

/** AgentEvent_Ringing content (§11.3): the call offered to the agent's phone. */
export function buildRingingContent(call: CenterCall): Record<string, unknown> {
  return { ...buildTalkingContent(call), mediaType: 5, transfer: '', transfrom: '' };
}

/** A phone number as an integer where the page types it `int` (waitcallinfo, cec_07_1271). */
export function asDocumentedInteger(number: string): number | string {
  return /^[1-9]\d{0,14}$/.test(number) ? Number(number) : number;
}

/** AgentMediaEvent_Record content: recording of the call started. */
export function buildRecordContent(
  call: CenterCall,
  agent: CenterAgent,
  now: number,
): Record<string, unknown> {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  return {
    taskId: `${call.callId}-${agent.workNo}`,
    caller: call.caller,
    called: call.called,
    locationId: 0,
    recordID: `${agent.workNo}${now}`,
    fileName: `Y:/${day}/${agent.workNo}/${call.callId}.V3`,
    callId: call.callId,
    fileMediaType: 'audio',
  };
}

/** AgentEvent_Customer_Release content: the customer left the call. */
export function buildCustomerReleaseContent(call: CenterCall): Record<string, unknown> {
  return { callid: call.callId, number: call.caller };
}

/** AgentOther_BeQcStart / AgentOther_BeQcStop content (qcAgentId = the inspector, as a string). */
export function buildQcContent(qcType: number, inspectorWorkNo: string): Record<string, unknown> {
  return { qcType, qcAgentId: inspectorWorkNo };
}

/** AgentOther_PhoneRelease content: 2 = released by the agent, 3 = by the platform. */
export function buildPhoneReleaseContent(phoneState: 2 | 3): Record<string, unknown> {
  return { phoneState };
}
