/**
 * Checks of the gateway's own (leaf) certificate that both transports run whenever trust is
 * extended beyond the system store, so an extension never accepts more than it must:
 * - always: inside its validity period, and naming the host in its subject alternative names
 *   (SAN) — the subject's common name is never consulted (browsers dropped that fallback);
 * - for a private CA also: the server-auth extended key usage, and not a CA certificate itself
 *   (a CA's key must not double as a server's).
 * A pinned certificate is exact already; it gets the host and date checks only, since the
 * self-signed certificates people pin often carry no EKU or claim to be a CA.
 */
import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** Error code of a refused leaf certificate, classified as a TLS failure. */
export const LEAF_REFUSED_CODE = 'ERR_GATEWAY_CERT_REFUSED';

/** Raised by a transport when the leaf fails findLeafProblem. */
export class CertificateRefusedError extends Error {
  override readonly name = 'CertificateRefusedError';
  readonly code = LEAF_REFUSED_CODE;

  constructor(reason: string) {
    super(`The gateway's TLS certificate was refused: ${reason}.`);
  }
}

/** OID of the TLS Web Server Authentication extended key usage. */
export const SERVER_AUTH_EKU = '1.3.6.1.5.5.7.3.1';

export interface LeafRules {
  /** Require the server-auth EKU and a non-CA leaf (private CA trust). */
  issuedByPrivateCa: boolean;
}

/** `[::1]` → `::1`: URLs bracket IPv6 addresses, certificates do not. */
export function bareHostname(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Whether the certificate's SAN names the host (an IP address or a DNS name; CN ignored). */
export function sanNamesHost(certificate: X509Certificate, hostname: string): boolean {
  const host = bareHostname(hostname);
  return isIP(host)
    ? certificate.checkIP(host) !== undefined
    : certificate.checkHost(host, { subject: 'never' }) !== undefined;
}

/** Whether `nowMs` lies inside the certificate's validity period. */
export function isValidAt(certificate: X509Certificate, nowMs: number): boolean {
  return Date.parse(certificate.validFrom) <= nowMs && nowMs <= Date.parse(certificate.validTo);
}

/** Why the leaf must be refused for `hostname`, in words; null when it passes. */
export function findLeafProblem(
  leaf: X509Certificate,
  hostname: string,
  nowMs: number,
  rules: LeafRules,
): string | null {
  if (!isValidAt(leaf, nowMs))
    return `the certificate is expired or not yet valid (valid ${leaf.validFrom} to ${leaf.validTo})`;
  return findNameOrUseProblem(leaf, hostname, rules);
}

/**
 * findLeafProblem without the dates: the host in the SAN and, for a private CA, the server-auth
 * EKU and a non-CA leaf (the doctor reports dates on their own).
 */
export function findNameOrUseProblem(
  leaf: X509Certificate,
  hostname: string,
  rules: LeafRules,
): string | null {
  if (!sanNamesHost(leaf, hostname))
    return `the certificate does not name ${bareHostname(hostname)} in its subject alternative names`;
  if (rules.issuedByPrivateCa) {
    if (!(leaf.keyUsage ?? []).includes(SERVER_AUTH_EKU))
      return 'the certificate is not issued for TLS servers (no server-auth extended key usage)';
    if (leaf.ca) return 'the certificate is a CA certificate, not a server certificate';
  }
  return null;
}
