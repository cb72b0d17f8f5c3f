/**
 * Public API of the CC-Gateway client. Everything above src/main/gateway imports from here.
 */
export { GatewayClient } from './gateway-client';
export { EventPoller, type EventPollerHandlers, type EventPollerOptions } from './event-poller';
export { createNodeFetch, type NodeGatewayFetch, type NodeTlsOptions } from './node-fetch';
export {
  normalisePin,
  formatFingerprint,
  CertificatePinMismatchError,
  PIN_MISMATCH_CODE,
} from './certificate-pin';
export {
  validateWorkNo,
  validateSkillId,
  validateCallId,
  validatePassword,
  validatePhoneNumber,
  validateTimeoutMs,
  normaliseBaseUrl,
} from './gateway-validators';
export { classifyTransportFailure } from './transport-errors';
export { wrapGatewayFetch } from './transport-wrapping';
export { sanitiseHeaderValue } from './header-values';
export { GatewayError, isGatewayError } from './gateway-error';
export type { GatewayErrorKind, GatewayErrorView, GatewayErrorInit } from './gateway-error';
export type * from './gateway-types';
