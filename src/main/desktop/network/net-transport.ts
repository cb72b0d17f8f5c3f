/**
 * The gateway transport inside the app: `fetch` of a dedicated Electron session
 * (`persist:gateway`), so requests use the system proxy settings and the OS trust store, with
 * the configured private CA or pin enforced by the session's certificate verify proc. net.fetch
 * has no time limit of its own, so a request's `timeoutMs` becomes an `AbortSignal.timeout`
 * (joined with the caller's signal when there is one); a limit that fires fails as a
 * `TimeoutError`, whatever Chromium made of the abort. Reads go through a lane that leaves
 * connections free for the supervisor's commands (request-lanes.ts); time spent waiting for
 * that lane counts against the request's limit.
 */
import type { Session } from 'electron';
import type {
  GatewayFetch,
  GatewayRequestInit,
  GatewayResponseLike,
} from '../../gateway/gateway-types';
import type { GatewayTransportFactory, Logger } from '../../supervisor/ports';
import {
  decideCertificate,
  prepareTrust,
  REJECT,
  type VerifyRequestLike,
} from './certificate-verify';
import { DEFAULT_BACKGROUND_LIMIT, laneOf, RequestLanes } from './request-lanes';

export const GATEWAY_PARTITION = 'persist:gateway';

/** The Session methods the transport uses. */
export interface GatewaySessionLike {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  setCertificateVerifyProc(
    proc: ((request: VerifyRequestLike, callback: (result: number) => void) => void) | null,
  ): void;
  closeAllConnections(): Promise<void>;
}

export interface NetTransportOptions {
  session: GatewaySessionLike | Session;
  logger?: Logger;
  now?: () => number;
  /** Connections background reads may hold at once. Default 4 of Chromium's 6 per host. */
  backgroundLimit?: number;
}

/**
 * Headers without `getSetCookie`: Electron joins repeated Set-Cookie headers into one value, so
 * the client must split `get('set-cookie')` itself rather than trust a one-element list.
 */
function toGatewayResponse(response: Response, limit: RequestLimit): GatewayResponseLike {
  return {
    status: response.status,
    headers: { get: (name: string) => response.headers.get(name) },
    text: () =>
      limit.timer === null
        ? response.text()
        : response.text().catch((error: unknown) => Promise.reject(limit.explain(error))),
  };
}

/** The signal net.fetch gets for a request, and how to name a failure its time limit caused. */
interface RequestLimit {
  signal: AbortSignal | undefined;
  timer: AbortSignal | null;
  explain(error: unknown): unknown;
}

/** Built only when the request has a time limit: a request without one costs no extra signal. */
function limitRequest(init: GatewayRequestInit): RequestLimit {
  if (init.timeoutMs === undefined)
    return { signal: init.signal, timer: null, explain: (error) => error };
  const timer = AbortSignal.timeout(init.timeoutMs);
  const caller = init.signal;
  return {
    signal: caller ? AbortSignal.any([caller, timer]) : timer,
    timer,
    explain: (error) =>
      timer.aborted && !caller?.aborted
        ? Object.assign(
            new Error(`The request took longer than ${init.timeoutMs} ms.`, { cause: error }),
            { name: 'TimeoutError' },
          )
        : error,
  };
}

/** Build the factory; each `create` installs that trust on the gateway session. */
export function createNetTransportFactory(options: NetTransportOptions): GatewayTransportFactory {
  const session = options.session as GatewaySessionLike;
  const now = options.now ?? Date.now;
  const { logger } = options;
  // One set of lanes for the factory: a new trust replaces the client, not the connections.
  const lanes = new RequestLanes(options.backgroundLimit ?? DEFAULT_BACKGROUND_LIMIT);
  return {
    create(tls) {
      const trust = prepareTrust(tls);
      if (trust.pin === null && trust.authorities.length === 0) {
        session.setCertificateVerifyProc(null);
      } else {
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
      // Chromium caches verify decisions per connection; drop connections made under the old trust.
      void session.closeAllConnections().catch(() => undefined);
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
        };
        let response: Response;
        try {
          response = await lanes.run(laneOf(init.method), limit.signal, () =>
            session.fetch(url, requestInit),
          );
        } catch (error) {
          throw limit.explain(error);
        }
        return toGatewayResponse(response, limit);
      };
      const limited: GatewayFetch = Object.assign(gatewayFetch, { enforcesTimeout: true });
      return limited;
    },
  };
}
