/**
 * The Node transport (tests, the CLI, benchmarks): an undici dispatcher behind the GatewayFetch
 * shape, which is leaner than WHATWG fetch on the hot path. It enforces each request's
 * `timeoutMs` itself (one timer per exchange, see undici-exchange.ts), so the client hands it
 * no abort signal unless the caller has one. Trust:
 * - default: Node's CA bundle, with the certificate chain and host name verified;
 * - `caPem`: a private CA trusted in addition to (not instead of) the bundle; the leaf must
 *   also name the host in its SAN (no CN fallback), carry the server-auth EKU and not be a CA;
 * - `pinSha256`: the server certificate's DER must hash to the pin, and it must still name the
 *   host (SAN) and be inside its validity period. A pin replaces chain trust (the way to reach a
 *   self-signed gateway) and is the only way to skip it.
 * There is no "trust all" option. Answers are capped (`maxAnswerBytes`, see answer-limits.ts)
 * and redirects are refused.
 */
import { X509Certificate, createHash } from 'node:crypto';
import {
  createSecureContext,
  rootCertificates,
  type PeerCertificate,
  type SecureContext,
  type TLSSocket,
} from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { CertificatePinMismatchError, normalisePin } from './certificate-pin';
import { GatewayError } from '../gateway-error';
import type { GatewayFetch, GatewayRequestInit, GatewayResponseLike } from '../gateway-types';
import { exchangeOverDispatcher } from './undici-exchange';
import { resolveAnswerLimit } from './answer-limits';
import { CertificateRefusedError, findLeafProblem } from './leaf-checks';

export interface NodeTlsOptions {
  /** PEM of a private CA (or of the gateway's own certificate) to trust besides the bundle. */
  caPem?: string | null;
  /** SHA-256 fingerprint of the gateway's certificate; see normalisePin for accepted forms. */
  pinSha256?: string | null;
  /** Only `true` exists: verification cannot be switched off. */
  rejectUnauthorized?: true;
  /** Cap of one answer in bytes (default DEFAULT_MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
  /** Clock for certificate validity checks (tests). */
  now?: () => number;
}

/** A GatewayFetch that also releases its connections. */
export type NodeGatewayFetch = GatewayFetch & { close(): Promise<void> };

function refuse(message: string): never {
  throw new GatewayError({ kind: 'invalid-argument', interfaceName: 'configure', message });
}

function buildTrust(caPem: string | null): SecureContext | undefined {
  if (caPem === null) return undefined;
  const blocks = caPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (blocks === null)
    refuse('Invalid CA certificate: expected PEM text (-----BEGIN CERTIFICATE-----).');
  try {
    // OpenSSL silently skips PEM blocks it cannot parse; parsing each first makes that an error.
    for (const block of blocks) new X509Certificate(block);
    return createSecureContext({ ca: [...rootCertificates, ...blocks] });
  } catch {
    return refuse('Invalid CA certificate: the PEM text could not be read.');
  }
}

/** The peer's certificate, or null when there is none (plain TCP). */
function peerCertificate(socket: object): PeerCertificate | null {
  const peer =
    'getPeerCertificate' in socket ? (socket as TLSSocket).getPeerCertificate(false) : null;
  return peer?.raw ? peer : null;
}

function createConnector(
  caPem: string | null,
  pin: string | null,
  now: () => number,
): buildConnector.connector {
  if (pin === null) {
    const secureContext = buildTrust(caPem);
    if (!secureContext) return buildConnector({ rejectUnauthorized: true });
    // OpenSSL checked the chain and dates; the private CA's leaf also gets our stricter rules.
    return buildConnector({
      rejectUnauthorized: true,
      secureContext,
      checkServerIdentity: (hostname: string, certificate: PeerCertificate) => {
        const problem = findLeafProblem(new X509Certificate(certificate.raw), hostname, now(), {
          issuedByPrivateCa: true,
        });
        return problem === null ? undefined : new CertificateRefusedError(problem);
      },
    });
  }
  // Session resumption is off so every connection shows its certificate to the pin check.
  const connect = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error !== null) return callback(error, null);
      const peer = peerCertificate(socket);
      const actual = peer ? createHash('sha256').update(peer.raw).digest('hex') : '';
      if (peer === null || actual !== pin) {
        socket.destroy();
        return callback(new CertificatePinMismatchError(pin, actual), null);
      }
      const problem = findLeafProblem(new X509Certificate(peer.raw), options.hostname, now(), {
        issuedByPrivateCa: false,
      });
      if (problem !== null) {
        socket.destroy();
        return callback(new CertificateRefusedError(problem), null);
      }
      return callback(null, socket);
    });
}

/** Origin and path of an absolute URL without a full URL parse (the client builds them). */
function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0
    ? { origin: url, path: '/' }
    : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/** Creates the Node/undici transport with the given certificate trust. */
export function createNodeFetch(tls: NodeTlsOptions = {}): NodeGatewayFetch {
  if (tls.rejectUnauthorized !== undefined && tls.rejectUnauthorized !== true) {
    refuse(
      'Certificate verification cannot be switched off; trust a CA certificate or pin the gateway certificate instead.',
    );
  }
  const pin = tls.pinSha256 ? normalisePin(tls.pinSha256) : null;
  const caPem = tls.caPem?.trim() ? tls.caPem.trim() : null;
  const maxAnswerBytes = resolveAnswerLimit(tls.maxAnswerBytes);
  const agent = new Agent({ connect: createConnector(caPem, pin, tls.now ?? Date.now) });

  const fetchWithAgent = (url: string, init: GatewayRequestInit): Promise<GatewayResponseLike> => {
    const { origin, path } = splitUrl(url);
    const request = {
      origin,
      path,
      method: init.method,
      headers: init.headers,
      body: init.body,
      maxAnswerBytes,
    };
    return exchangeOverDispatcher(agent, request, init.timeoutMs, init.signal);
  };
  return Object.assign(fetchWithAgent, { enforcesTimeout: true, close: () => agent.close() });
}
