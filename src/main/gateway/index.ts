/**
 * Public API of the CC-Gateway client. Everything above src/main/gateway imports from here.
 */
export { GatewayClient } from './gateway-client';
export { EventPoller, type EventPollerHandlers, type EventPollerOptions } from './event-poller';
export { contentObject, UNKNOWN_EVENT_TYPE } from './decoding/event-decoding';
export {
  createNodeFetch,
  type NodeGatewayFetch,
  type NodeTlsOptions,
} from './transport/node-fetch';
export { formatFingerprint } from './transport/certificate-pin';
export { validateWorkNo, validateCallId, normaliseBaseUrl } from './requests/gateway-validators';
export {
  planNoteBatches,
  utf8ByteLength,
  validateNoteContent,
  validateRestReason,
  validateRestSeconds,
  validateSkillList,
} from './requests/coaching-requests';
export { wrapGatewayFetch } from './transport/transport-wrapping';
export { GatewayError } from './gateway-error';
export type { GatewayErrorKind, GatewayErrorView, GatewayErrorInit } from './gateway-error';
export type * from './gateway-types';
