/**
 * Where the inspector's password lives in the OS keychain: one service for the whole product,
 * one account per inspector, gateway origin (scheme, host, port) and trust configuration. So an
 * http entry is never the https entry, and a password remembered under one certificate pin or
 * private CA is never found (and sent) under another: changing the trust needs the person.
 */
import { createHash, X509Certificate } from 'node:crypto';

/** Service name of every keychain entry CC Inspector writes. */
export const CREDENTIAL_SERVICE = 'cc-inspector';

/** The gateway URL, inspector id or trust cannot name a keychain entry. */
export class InvalidCredentialAccountError extends Error {
  override readonly name = 'InvalidCredentialAccountError';
}

/** The TLS trust a password was remembered under (as configured, before parsing). */
export interface CredentialTrust {
  caPem: string | null;
  pinSha256: string | null;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Keychain account for an inspector on a gateway under a trust configuration:
 * `2001@https://gw.example.com:8043` (system trust), `…#pin-sha256=<hex>` (a pin, which
 * replaces chain trust) or `…#ca-sha256=<hex>` (a private CA: SHA-256 over its certificates'
 * DER, so re-encoding the same PEM keeps the entry). Spellings of one origin give one account.
 */
export function credentialAccount(
  gatewayUrl: string,
  inspectorId: string,
  trust: CredentialTrust,
): string {
  return `${readInspectorId(inspectorId)}@${readGatewayUrl(gatewayUrl).origin}${describeTrust(trust)}`;
}

/**
 * The account earlier versions used, `${inspectorId}@${host[:port]}`: no scheme, no trust, so
 * one entry stood for http and https alike. Read only to migrate it (credential-migration.ts).
 */
export function legacyCredentialAccount(gatewayUrl: string, inspectorId: string): string {
  return `${readInspectorId(inspectorId)}@${readGatewayUrl(gatewayUrl).host}`;
}

function readInspectorId(inspectorId: string): string {
  const id = inspectorId.trim();
  if (!/^\d{1,12}$/.test(id)) {
    throw new InvalidCredentialAccountError(
      `The inspector id must be digits only (got ${JSON.stringify(inspectorId)}).`,
    );
  }
  return id;
}

/** The gateway URL; a bare `host:port` is read as https. */
function readGatewayUrl(gatewayUrl: string): URL {
  const text = gatewayUrl.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidCredentialAccountError(
      `The gateway address is not a valid URL (got ${JSON.stringify(gatewayUrl)}).`,
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === '') {
    throw new InvalidCredentialAccountError(
      `The gateway address must be an http(s) URL with a host (got ${JSON.stringify(gatewayUrl)}).`,
    );
  }
  return url;
}

function describeTrust(trust: CredentialTrust): string {
  const pin = trust.pinSha256?.trim() ?? '';
  if (pin !== '') {
    const hex = pin.replace(/:/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new InvalidCredentialAccountError('The certificate pin is not a SHA-256 fingerprint.');
    return `#pin-sha256=${hex}`;
  }
  const pem = trust.caPem?.trim() ?? '';
  if (pem === '') return '';
  const blocks = pem.match(PEM_BLOCK);
  if (blocks === null)
    throw new InvalidCredentialAccountError('The private CA is not PEM certificate text.');
  const hash = createHash('sha256');
  try {
    for (const block of blocks) hash.update(new X509Certificate(block).raw);
  } catch {
    throw new InvalidCredentialAccountError('The private CA certificate could not be read.');
  }
  return `#ca-sha256=${hash.digest('hex')}`;
}
