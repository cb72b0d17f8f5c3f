/**
 * The core's GatewayCertificatePort: before the person answers a trust change, a bare TLS
 * handshake from main reads the certificate the gateway presents (the doctor's `inspectTls`:
 * nothing rejected, no request written, the socket closed at once) and judges it with the
 * decision the app's transport applies at sign-in (`network/certificate-verify.ts`), so the
 * dialog can say "this is what the server shows, and the new settings accept / refuse it"
 * rather than repeat what was typed.
 *
 * The handshake goes straight to the gateway's host and port; the app's own requests follow
 * the system proxy. Where only a proxy leads to the gateway the look fails and the dialog
 * says so — it never blocks the question.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { inspectTls, type TlsFacts } from '../../cli/doctor/network-probes';
import { formatFingerprint } from '../gateway/transport/certificate-pin';
import { bareHostname } from '../gateway/transport/leaf-checks';
import type { CertificateLook, GatewayCertificatePort, GatewayTlsTrust } from '../supervisor';
import {
  ACCEPT,
  decideCertificate,
  ERR_CERT_AUTHORITY_INVALID,
  ERR_CERT_COMMON_NAME_INVALID,
  ERR_CERT_DATE_INVALID,
  ERR_CERT_INVALID,
  prepareTrust,
  REJECT,
  type CertificateLike,
} from './network/certificate-verify';

/** A handshake that takes longer than this is reported as not seen (the question waits on it). */
export const LOOK_TIMEOUT_MS = 4_000;

/** OpenSSL's verify errors that mean "no trusted authority", Chromium's ERR_CERT_AUTHORITY_INVALID. */
const UNKNOWN_AUTHORITY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);
const BAD_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

export interface CertificateLookOptions {
  timeoutMs?: number;
  now?: () => number;
}

/** The verdict Chromium would hand the verify proc, from what OpenSSL said of the same chain. */
function chromiumErrorCode(facts: TlsFacts): number {
  if (facts.chainTrusted) return facts.hostnameError === null ? 0 : ERR_CERT_COMMON_NAME_INVALID;
  const code = facts.chainError ?? '';
  if (UNKNOWN_AUTHORITY.has(code)) return ERR_CERT_AUTHORITY_INVALID;
  return BAD_DATES.has(code) ? ERR_CERT_DATE_INVALID : ERR_CERT_INVALID;
}

/** The chain as the verify proc's request carries it (leaf first, each linked to its issuer). */
function asCertificateLike(chainPem: readonly string[]): CertificateLike {
  let issuer: CertificateLike | undefined;
  for (let index = chainPem.length - 1; index >= 0; index -= 1) {
    const data = chainPem[index] as string;
    // Electron's spelling (sha256/<base64 of the DER's digest>); the decision reads the PEM first.
    const fingerprint = `sha256/${createHash('sha256').update(new X509Certificate(data).raw).digest('base64')}`;
    issuer = { data, fingerprint, ...(issuer ? { issuerCert: issuer } : {}) };
  }
  if (!issuer) throw new Error('the server presented no certificate');
  return issuer;
}

/** How the changed trust judges what was presented, with the sign-in's own decision. */
function judgePresented(
  facts: TlsFacts,
  hostname: string,
  trust: GatewayTlsTrust,
  nowMs: number,
): Pick<Extract<CertificateLook, { seen: true }>, 'verdict' | 'reason'> {
  const prepared = prepareTrust(trust);
  if (prepared.pin === null && prepared.authorities.length === 0)
    return {
      verdict: 'system-decides',
      reason: facts.chainTrusted
        ? 'no pin or private CA: the system’s certificate store decides'
        : `no pin or private CA: the system’s certificate store decides (Node’s public roots do not trust it: ${facts.chainError ?? 'unknown issuer'})`,
    };
  const errorCode = chromiumErrorCode(facts);
  const decision = decideCertificate(
    {
      hostname: bareHostname(hostname),
      certificate: asCertificateLike(facts.chainPem),
      verificationResult: errorCode === 0 ? 'OK' : (facts.chainError ?? 'net::ERR_CERT_INVALID'),
      errorCode,
    },
    prepared,
    nowMs,
  );
  if (decision.result === ACCEPT) return { verdict: 'matches', reason: decision.reason };
  if (decision.result === REJECT || errorCode !== 0)
    return { verdict: 'does-not-match', reason: decision.reason };
  return { verdict: 'system-decides', reason: decision.reason };
}

/** Where a gateway URL's TLS handshake goes; null when it has none (not https). */
function endpointOf(gatewayUrl: string): { hostname: string; port: number } | null {
  let url: URL;
  try {
    url = new URL(gatewayUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return { hostname: bareHostname(url.hostname), port: url.port === '' ? 443 : Number(url.port) };
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

export function createCertificateLook(
  options: CertificateLookOptions = {},
): GatewayCertificatePort {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? LOOK_TIMEOUT_MS;
  return {
    async look(gatewayUrl, trust) {
      const endpoint = endpointOf(gatewayUrl);
      if (endpoint === null) return { seen: false, problem: 'the address is not an https:// URL' };
      try {
        const facts = await inspectTls({
          address: endpoint.hostname,
          port: endpoint.port,
          hostname: endpoint.hostname,
          caPem: null,
          timeoutMs,
        });
        return {
          seen: true,
          fingerprint: formatFingerprint(facts.fingerprintSha256),
          subject: facts.subject,
          issuer: facts.issuer,
          validTo: facts.validTo.toISOString().slice(0, 10),
          ...judgePresented(facts, endpoint.hostname, trust, now()),
        };
      } catch (error) {
        return { seen: false, problem: reasonOf(error) };
      }
    },
  };
}
