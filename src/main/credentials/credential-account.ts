/**
 * Where the inspector's password lives in the OS keychain: one service for the whole product,
 * one account per inspector and gateway, so two gateways never share (or overwrite) a password.
 */

/** Service name of every keychain entry CC Inspector writes. */
export const CREDENTIAL_SERVICE = 'cc-inspector';

/** The gateway URL or inspector id cannot name a keychain entry. */
export class InvalidCredentialAccountError extends Error {
  override readonly name = 'InvalidCredentialAccountError';
}

/**
 * Keychain account for an inspector on a gateway: `${inspectorId}@${gatewayHost}`, where the
 * host keeps a non-default port (`gw.example.com:8043`), so `https://GW.example.com:8043/x` and
 * `gw.example.com:8043` name the same entry.
 */
export function credentialAccount(gatewayUrl: string, inspectorId: string): string {
  const id = inspectorId.trim();
  if (!/^\d{1,12}$/.test(id)) {
    throw new InvalidCredentialAccountError(
      `The inspector id must be digits only (got ${JSON.stringify(inspectorId)}).`,
    );
  }
  return `${id}@${readGatewayHost(gatewayUrl)}`;
}

/** Host (and non-default port) of a gateway URL; a bare `host:port` is read as https. */
function readGatewayHost(gatewayUrl: string): string {
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
  return url.host;
}
