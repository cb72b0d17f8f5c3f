import { describeRetcode, type RetcodeClass } from '../../shared/gateway-protocol/gateway-retcodes';

/**
 * HTTP statuses of an expired or refused session: the gateway (or the NSLB in front of it)
 * no longer accepts the session. A new sign-in is needed, not a link probe.
 */
const SESSION_HTTP_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/**
 * Why a gateway call failed. Each kind needs a different reaction, so they stay distinct:
 * - `retcode`: the gateway answered with a non-zero retcode (business error);
 * - `invalid-argument`: refused before the network (bad agent id, unsafe call id, …);
 * - `transport`: connection refused/reset, DNS failure, socket closed;
 * - `timeout`: no complete answer within the request's time limit;
 * - `tls`: certificate untrusted, expired, wrong host, or pin mismatch;
 * - `http-status`: an HTTP status other than 2xx (401/403: the session is refused);
 * - `malformed`: a 2xx answer whose body is not the documented envelope;
 * - `aborted`: cancelled by the caller (sign-out, shutdown).
 */
export type GatewayErrorKind =
  | 'retcode'
  | 'invalid-argument'
  | 'transport'
  | 'timeout'
  | 'tls'
  | 'http-status'
  | 'malformed'
  | 'aborted';

export interface GatewayErrorInit {
  kind: GatewayErrorKind;
  /** Interface (gateway log name) the error belongs to, e.g. `addSupervise`. */
  interfaceName: string;
  retcode?: string;
  httpStatus?: number;
  /** English message; defaults to the retcode description. */
  message?: string;
  messageZh?: string;
  cause?: unknown;
}

/** A failed gateway call: what happened, in words for people, and what can help. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly kind: GatewayErrorKind;
  readonly interfaceName: string;
  readonly retcode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly messageZh: string;
  /** Trying the same request again later may succeed. */
  readonly retryable: boolean;
  /** The session is gone: sign in again first. */
  readonly needsSignIn: boolean;
  /** For `retcode` errors: how to recover (refusal, retry-later, session-lost, fatal-sign-in). */
  readonly retcodeClass: RetcodeClass | null;

  constructor(init: GatewayErrorInit) {
    const described = init.retcode ? describeRetcode(init.retcode) : undefined;
    super(init.message ?? described?.en ?? init.kind, { cause: init.cause });
    this.kind = init.kind;
    this.interfaceName = init.interfaceName;
    this.retcode = init.retcode;
    this.httpStatus = init.httpStatus;
    this.messageZh = init.messageZh ?? described?.zh ?? this.message;
    this.retcodeClass = init.kind === 'retcode' && described ? described.class : null;
    this.needsSignIn =
      this.retcodeClass === 'session-lost' ||
      (init.kind === 'http-status' && SESSION_HTTP_STATUSES.has(init.httpStatus ?? 0));
    this.retryable =
      init.kind === 'retcode'
        ? (described?.retryable ?? false)
        : init.kind === 'transport' ||
          init.kind === 'timeout' ||
          init.kind === 'malformed' ||
          (init.kind === 'http-status' && (init.httpStatus ?? 0) >= 500);
  }

  /** A plain, serialisable view (for IPC, the CLI's JSON output and the journal). */
  toJSON(): GatewayErrorView {
    return {
      kind: this.kind,
      interfaceName: this.interfaceName,
      retcode: this.retcode,
      httpStatus: this.httpStatus,
      message: this.message,
      messageZh: this.messageZh,
      retryable: this.retryable,
      needsSignIn: this.needsSignIn,
      retcodeClass: this.retcodeClass,
    };
  }
}

/** The refusal of a call made without a session: what the gateway itself would answer. */
export function notSignedInError(interfaceName: string): GatewayError {
  return new GatewayError({
    kind: 'retcode',
    interfaceName,
    retcode: '100-006',
    message: 'Not signed in: there is no gateway session (sign in first).',
  });
}

export interface GatewayErrorView {
  kind: GatewayErrorKind;
  interfaceName: string;
  retcode: string | undefined;
  httpStatus: number | undefined;
  message: string;
  messageZh: string;
  retryable: boolean;
  needsSignIn: boolean;
  retcodeClass: RetcodeClass | null;
}
