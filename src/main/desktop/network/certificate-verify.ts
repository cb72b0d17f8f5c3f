/**
 * The decision behind the gateway session's certificate verify proc, as a pure function of
 * Chromium's request and the configured trust (same semantics as the Node transport). It fails
 * closed: it only ever widens trust exactly as far as configured.
 * - a pin: the leaf certificate's SHA-256 (of its DER) must equal it, and the leaf must still
 *   name the host (SAN) and be in its validity period — accepted even when the chain would not
 *   verify (the way to reach a self-signed gateway), refused otherwise, even when Chromium
 *   trusts the chain;
 * - a private CA: overrides only Chromium's "unknown authority" (ERR_CERT_AUTHORITY_INVALID) —
 *   never revocation, expiry, a name mismatch or any other error — and only when the chain the
 *   server sent ends in one of the PEM certificates (signatures checked) and the leaf is in its
 *   validity period, names the host in its SAN (no common-name fallback), carries the
 *   server-auth EKU and is not a CA. Chromium reports "unknown authority" ahead of a wrong name
 *   or date, so those leaf checks are ours to make;
 * - otherwise: Chromium's own verdict (the OS trust store).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { normalisePin } from '../../gateway/transport/certificate-pin';
import { findLeafProblem, isValidAt } from '../../gateway/transport/leaf-checks';
import { GatewayError } from '../../gateway/gateway-error';

/** Electron's verify proc answers. */
export const ACCEPT = 0;
export const REJECT = -2;
export const USE_CHROMIUM_VERDICT = -3;
export type VerifyResult = typeof ACCEPT | typeof REJECT | typeof USE_CHROMIUM_VERDICT;

/** Chromium's net errors for certificates (net_error_list.h): no trusted root, and the others. */
export const ERR_CERT_AUTHORITY_INVALID = -202;
export const ERR_CERT_COMMON_NAME_INVALID = -200;
export const ERR_CERT_DATE_INVALID = -201;
export const ERR_CERT_INVALID = -207;

/** The parts of Electron's Certificate the decision reads. */
export interface CertificateLike {
  /** PEM of this certificate. */
  data: string;
  /** `sha256/<base64>` of the DER, as Electron reports it. */
  fingerprint: string;
  issuerCert?: CertificateLike;
}

export interface VerifyRequestLike {
  hostname: string;
  certificate: CertificateLike;
  verificationResult: string;
  errorCode: number;
}

export interface GatewayTrust {
  caPem: string | null;
  pinSha256: string | null;
}

/** Parsed trust: what the verify proc compares against. */
export interface PreparedTrust {
  /** 64 lowercase hex digits. */
  pin: string | null;
  authorities: X509Certificate[];
}

export interface VerifyDecision {
  result: VerifyResult;
  reason: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const refuse = (message: string): never => {
  throw new GatewayError({ kind: 'invalid-argument', interfaceName: 'configure', message });
};

/** Parse the configured pin and CA PEM; throws an invalid-argument GatewayError on bad input. */
export function prepareTrust(trust: GatewayTrust): PreparedTrust {
  const pin = trust.pinSha256?.trim() ? normalisePin(trust.pinSha256) : null;
  const pem = trust.caPem?.trim() ?? '';
  if (pem === '') return { pin, authorities: [] };
  const blocks = pem.match(PEM_BLOCK);
  if (blocks === null)
    return refuse('Invalid CA certificate: expected PEM text (-----BEGIN CERTIFICATE-----).');
  try {
    return { pin, authorities: blocks.map((block) => new X509Certificate(block)) };
  } catch {
    return refuse('Invalid CA certificate: the PEM text could not be read.');
  }
}

/** SHA-256 of the certificate's DER as lowercase hex: from its PEM, else from Electron's fingerprint. */
export function fingerprintOf(certificate: CertificateLike): string | null {
  try {
    return createHash('sha256').update(new X509Certificate(certificate.data).raw).digest('hex');
  } catch {
    try {
      return normalisePin(certificate.fingerprint);
    } catch {
      return null;
    }
  }
}

/** The chain as the server sent it, leaf first (bounded: a cycle cannot loop forever). */
function parseChain(leaf: CertificateLike): X509Certificate[] | null {
  const chain: X509Certificate[] = [];
  let current: CertificateLike | undefined = leaf;
  try {
    while (current && chain.length < 10) {
      chain.push(new X509Certificate(current.data));
      current = current.issuerCert;
    }
  } catch {
    return null;
  }
  return chain;
}

const signedBy = (certificate: X509Certificate, issuer: X509Certificate): boolean =>
  certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);

/** Whether the chain, link by link, ends in one of the trusted authorities. */
function chainEndsInAuthority(
  chain: X509Certificate[],
  authorities: X509Certificate[],
  nowMs: number,
): boolean {
  for (let index = 0; index < chain.length; index += 1) {
    const certificate = chain[index] as X509Certificate;
    // The gateway's own certificate pasted as the "CA" (self-signed gateways).
    if (
      index === 0 &&
      authorities.some((authority) => authority.fingerprint256 === certificate.fingerprint256)
    )
      return true;
    const anchor = authorities.find(
      (authority) =>
        authority.ca && isValidAt(authority, nowMs) && signedBy(certificate, authority),
    );
    if (anchor) return true;
    const next = chain[index + 1];
    if (!next || !next.ca || !isValidAt(next, nowMs) || !signedBy(certificate, next)) return false;
  }
  return false;
}

/** Decide about one TLS connection of the gateway session. */
export function decideCertificate(
  request: VerifyRequestLike,
  trust: PreparedTrust,
  nowMs: number,
): VerifyDecision {
  if (trust.pin !== null) return decidePinned(request, trust.pin, nowMs);
  if (request.errorCode === 0 || trust.authorities.length === 0) {
    return { result: USE_CHROMIUM_VERDICT, reason: `system trust: ${request.verificationResult}` };
  }
  if (request.errorCode !== ERR_CERT_AUTHORITY_INVALID) {
    return {
      result: USE_CHROMIUM_VERDICT,
      reason: `a private CA only overrides an unknown authority, not ${request.verificationResult}`,
    };
  }
  const chain = parseChain(request.certificate);
  const leaf = chain?.[0];
  if (!chain || !leaf)
    return { result: USE_CHROMIUM_VERDICT, reason: 'the certificate chain could not be read' };
  const problem = findLeafProblem(leaf, request.hostname, nowMs, { issuedByPrivateCa: true });
  if (problem !== null) return { result: REJECT, reason: problem };
  return chainEndsInAuthority(chain, trust.authorities, nowMs)
    ? { result: ACCEPT, reason: 'the chain ends in the configured CA' }
    : {
        result: USE_CHROMIUM_VERDICT,
        reason: `not issued by the configured CA; system trust: ${request.verificationResult}`,
      };
}

/** A pin: this exact certificate, still for this host and still valid. */
function decidePinned(request: VerifyRequestLike, pin: string, nowMs: number): VerifyDecision {
  const actual = fingerprintOf(request.certificate);
  if (actual !== pin)
    return {
      result: REJECT,
      reason: `the certificate does not match the pinned fingerprint (server: ${actual ?? 'unreadable'})`,
    };
  const leaf = parseChain(request.certificate)?.[0];
  const problem = leaf
    ? findLeafProblem(leaf, request.hostname, nowMs, { issuedByPrivateCa: false })
    : 'the certificate could not be read';
  return problem === null
    ? { result: ACCEPT, reason: 'the certificate matches the pinned fingerprint' }
    : { result: REJECT, reason: problem };
}
