/**
 * The gateway transport inside the app: `fetch` of an Electron session, so requests use the
 * system proxy settings and the OS trust store, with the configured private CA or pin enforced
 * by the session's certificate verify proc.
 *
 * Each trust configuration gets its own in-memory session (partition `gateway-trust-<hash>`, no
 * `persist:`): Electron caches a verify proc's verdict in the network service
 * (electron.d.ts, `setCertificateVerifyProc`: "The result of this procedure is cached by the
 * network service"), so swapping the proc on one session would keep accepting a certificate the
 * new trust refuses. A new trust means a new session, and nothing of it touches the disk.
 *
 * Redirects are refused (`redirect: 'error'`; a 3xx that still arrives is refused too), and the
 * answer is read as a stream with a byte count, refused past the cap (answer-limits.ts). net.fetch
 * has no time limit of its own, so a request's `timeoutMs` becomes an `AbortSignal.timeout`
 * (joined with the caller's signal when there is one); a limit that fires fails as a
 * `TimeoutError`, whatever Chromium made of the abort. Reads go through a lane that leaves
 * connections free for the supervisor's commands (request-lanes.ts); time spent waiting for
 * that lane counts against the request's limit.
 */
import { createHash } from 'node:crypto';
import type { Session } from 'electron';
import type {
  GatewayFetch,
  GatewayRequestInit,
  GatewayResponseLike,
} from '../../gateway/gateway-types';
import {
  readTextWithin,
  RedirectRefusedError,
  refuseAnswerHead,
  resolveAnswerLimit,
} from '../../gateway/transport/answer-limits';
import type { GatewayTransportFactory, Logger } from '../../supervisor/ports';
import {
  decideCertificate,
  prepareTrust,
  REJECT,
  type PreparedTrust,
  type VerifyRequestLike,
} from './certificate-verify';
import { DEFAULT_BACKGROUND_LIMIT, laneOf, RequestLanes } from './request-lanes';

/** Every gateway session's partition starts with this; the rest names its trust. */
export const GATEWAY_PARTITION_PREFIX = 'gateway-trust-';

/** What net.fetch rejects with when it meets a redirect under `redirect: 'error'`. */
const NET_FETCH_REDIRECT = /Attempted to redirect|Redirect was cancelled/;

/** The Session methods the transport uses. */
export interface GatewaySessionLike {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  setCertificateVerifyProc(
    proc: ((request: VerifyRequestLike, callback: (result: number) => void) => void) | null,
  ): void;
}

export interface NetTransportOptions {
  /** `session.fromPartition` (the transport names in-memory partitions only). */
  fromPartition: (partition: string) => GatewaySessionLike | Session;
  logger?: Logger;
  now?: () => number;
  /** Connections background reads may hold at once. Default 4 of Chromium's 6 per host. */
  backgroundLimit?: number;
}

/** The in-memory partition of a trust configuration: the same trust, the same session. */
export function partitionForTrust(trust: PreparedTrust): string {
  const identity = JSON.stringify({
    pin: trust.pin,
    authorities: trust.authorities.map((authority) => authority.fingerprint256),
  });
  return `${GATEWAY_PARTITION_PREFIX}${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`;
}

/**
 * Headers without `getSetCookie`: Electron joins repeated Set-Cookie headers into one value, so
 * the client must split `get('set-cookie')` itself rather than trust a one-element list.
 */
function toGatewayResponse(
  response: Response,
  limit: RequestLimit,
  maxAnswerBytes: number,
): GatewayResponseLike {
  return {
    status: response.status,
    headers: { get: (name: string) => response.headers.get(name) },
    text: () =>
      readTextWithin(response.body, maxAnswerBytes).catch((error: unknown) =>
        Promise.reject(limit.explain(error)),
      ),
  };
}

/** The signal net.fetch gets for a request, and how to name a failure its time limit caused. */
interface RequestLimit {
  signal: AbortSignal | undefined;
  explain(error: unknown): unknown;
}

/** Built only when the request has a time limit: a request without one costs no extra signal. */
function limitRequest(init: GatewayRequestInit): RequestLimit {
  if (init.timeoutMs === undefined) return { signal: init.signal, explain: (error) => error };
  const timer = AbortSignal.timeout(init.timeoutMs);
  const caller = init.signal;
  return {
    signal: caller ? AbortSignal.any([caller, timer]) : timer,
    explain: (error) =>
      timer.aborted && !caller?.aborted
        ? Object.assign(
            new Error(`The request took longer than ${init.timeoutMs} ms.`, { cause: error }),
            { name: 'TimeoutError' },
          )
        : error,
  };
}

/** Installs the decision for `trust` on its session (none: Chromium's verdict alone). */
function installVerifyProc(
  session: GatewaySessionLike,
  trust: PreparedTrust,
  now: () => number,
  logger: Logger | undefined,
): void {
  if (trust.pin === null && trust.authorities.length === 0) {
    session.setCertificateVerifyProc(null);
    return;
  }
  session.setCertificateVerifyProc((request, callback) => {
    const decision = decideCertificate(request, trust, now());
    if (decision.result === REJECT)
      logger?.warn('gateway certificate refused', {
        host: request.hostname,
        reason: decision.reason,
      });
    else
      logger?.debug('gateway certificate decision', {
        host: request.hostname,
        result: decision.result,
        reason: decision.reason,
      });
    callback(decision.result);
  });
}

/** Build the factory; each `create` gets the session of that trust. */
export function createNetTransportFactory(options: NetTransportOptions): GatewayTransportFactory {
  const now = options.now ?? Date.now;
  const { logger } = options;
  // One set of lanes for the factory: a new trust replaces the client, not the connections.
  const lanes = new RequestLanes(options.backgroundLimit ?? DEFAULT_BACKGROUND_LIMIT);
  return {
    create(tls, limits = {}) {
      const trust = prepareTrust(tls);
      const maxAnswerBytes = resolveAnswerLimit(limits.maxAnswerBytes);
      const session = options.fromPartition(partitionForTrust(trust)) as GatewaySessionLike;
      installVerifyProc(session, trust, now, logger);
      const gatewayFetch = async (
        url: string,
        init: GatewayRequestInit,
      ): Promise<GatewayResponseLike> => {
        const limit = limitRequest(init);
        const requestInit: RequestInit & { cache: 'no-store' } = {
          method: init.method,
          headers: init.headers,
          ...(init.body === undefined ? {} : { body: init.body }),
          signal: limit.signal,
          // The client keeps its own cookie jar; the session must neither add nor store cookies.
          credentials: 'omit',
          // Live data: never answer from Chromium's HTTP cache (Node's RequestInit type lacks `cache`).
          cache: 'no-store',
          // A redirect is never followed: the next hop could be anyone (and 307/308 resend the body).
          redirect: 'error',
        };
        let response: Response;
        try {
          response = await lanes.run(laneOf(init.method), limit.signal, () =>
            session.fetch(url, requestInit),
          );
        } catch (error) {
          if (error instanceof Error && NET_FETCH_REDIRECT.test(error.message))
            throw new RedirectRefusedError(null, null);
          throw limit.explain(error);
        }
        const refused = refuseAnswerHead(
          response.status,
          (name) => response.headers.get(name),
          maxAnswerBytes,
        );
        if (refused !== null) {
          await response.body?.cancel().catch(() => undefined);
          throw refused;
        }
        return toGatewayResponse(response, limit, maxAnswerBytes);
      };
      const limited: GatewayFetch = Object.assign(gatewayFetch, { enforcesTimeout: true });
      return limited;
    },
  };
}
