/**
 * The decision behind the gateway session's certificate verify proc, as a pure function of
 * Chromium's request and the configured trust (same semantics as the Node transport):
 * - a pin: the leaf certificate's SHA-256 (of its DER) must equal it — accepted even when the
 *   chain or host name would not verify (the way to reach a self-signed gateway), refused
 *   otherwise, even when Chromium trusts the chain;
 * - a private CA: accepted when Chromium fails but the chain the server sent ends in one of the
 *   PEM certificates (signatures checked), the leaf is in its validity period and names the host;
 * - otherwise: Chromium's own verdict (the OS trust store).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { normalisePin } from '../../gateway/transport/certificate-pin';
import { GatewayError } from '../../gateway/gateway-error';

/** Electron's verify proc answers. */
export const ACCEPT = 0;
export const REJECT = -2;
export const USE_CHROMIUM_VERDICT = -3;
export type VerifyResult = typeof ACCEPT | typeof REJECT | typeof USE_CHROMIUM_VERDICT;

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

const isValidAt = (certificate: X509Certificate, nowMs: number): boolean =>
  Date.parse(certificate.validFrom) <= nowMs && nowMs <= Date.parse(certificate.validTo);

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

const namesHost = (certificate: X509Certificate, hostname: string): boolean =>
  isIP(hostname)
    ? certificate.checkIP(hostname) !== undefined
    : certificate.checkHost(hostname) !== undefined;

/** Decide about one TLS connection of the gateway session. */
export function decideCertificate(
  request: VerifyRequestLike,
  trust: PreparedTrust,
  nowMs: number,
): VerifyDecision {
  if (trust.pin !== null) {
    const actual = fingerprintOf(request.certificate);
    return actual === trust.pin
      ? { result: ACCEPT, reason: 'the certificate matches the pinned fingerprint' }
      : {
          result: REJECT,
          reason: `the certificate does not match the pinned fingerprint (server: ${actual ?? 'unreadable'})`,
        };
  }
  if (request.errorCode === 0 || trust.authorities.length === 0) {
    return { result: USE_CHROMIUM_VERDICT, reason: `system trust: ${request.verificationResult}` };
  }
  const chain = parseChain(request.certificate);
  const leaf = chain?.[0];
  if (!chain || !leaf)
    return { result: USE_CHROMIUM_VERDICT, reason: 'the certificate chain could not be read' };
  if (!isValidAt(leaf, nowMs))
    return { result: USE_CHROMIUM_VERDICT, reason: 'the certificate is expired or not yet valid' };
  if (!namesHost(leaf, request.hostname)) {
    return {
      result: USE_CHROMIUM_VERDICT,
      reason: `the certificate does not name ${request.hostname}`,
    };
  }
  return chainEndsInAuthority(chain, trust.authorities, nowMs)
    ? { result: ACCEPT, reason: 'the chain ends in the configured CA' }
    : {
        result: USE_CHROMIUM_VERDICT,
        reason: `not issued by the configured CA; system trust: ${request.verificationResult}`,
      };
}
