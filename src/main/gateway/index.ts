/**
 * Public API of the CC-Gateway client. Everything above src/main/gateway imports from here.
 */
export { GatewayClient } from './gateway-client';
export { EventPoller, type EventPollerHandlers, type EventPollerOptions } from './event-poller';
export { createNodeFetch, type NodeGatewayFetch, type NodeTlsOptions } from './transport/node-fetch';
export {
  normalisePin,
  formatFingerprint,
  CertificatePinMismatchError,
  PIN_MISMATCH_CODE,
} from './transport/certificate-pin';
export {
  validateWorkNo,
  validateSkillId,
  validateCallId,
  validatePassword,
  validatePhoneNumber,
  validateTimeoutMs,
  normaliseBaseUrl,
} from './requests/gateway-validators';
export { classifyTransportFailure } from './transport/transport-errors';
export { wrapGatewayFetch } from './transport/transport-wrapping';
export { sanitiseHeaderValue } from './transport/header-values';
export { GatewayError, isGatewayError } from './gateway-error';
export type { GatewayErrorKind, GatewayErrorView, GatewayErrorInit } from './gateway-error';
export type * from './gateway-types';
