/**
 * Which gateway addresses a password may be sent to — one rule for the app's settings and
 * sign-in, the core and the CLI. `https://` always; plain `http://` only with an explicit,
 * visible opt-in (lab gateways), and never together with a private CA or a certificate pin:
 * configured TLS trust over a connection without TLS means the address is a mistake (or
 * someone's edit), and the password would cross the network in clear text.
 */

export interface AddressTrust {
  /** The person opted in to plain HTTP (CLI `--allow-insecure-http`, the app's setting). */
  allowInsecureHttp: boolean;
  caPem: string | null;
  pinSha256: string | null;
}

export type AddressVerdict =
  | { ok: true; insecure: boolean }
  | { ok: false; reason: 'not-a-url' | 'insecure-http' | 'http-with-tls-trust' };

/** The scheme of a gateway address, lowercase; null when it is not an http(s) URL. */
export function gatewayScheme(url: string): 'https' | 'http' | null {
  const match = /^\s*(https?):\/\//i.exec(url);
  return match ? (match[1]!.toLowerCase() as 'https' | 'http') : null;
}

/** Whether a password may go to `url` under `trust`, and if not, why. */
export function judgeGatewayAddress(url: string, trust: AddressTrust): AddressVerdict {
  const scheme = gatewayScheme(url);
  if (scheme === null) return { ok: false, reason: 'not-a-url' };
  if (scheme === 'https') return { ok: true, insecure: false };
  const hasTrust = Boolean(trust.caPem?.trim()) || Boolean(trust.pinSha256?.trim());
  if (hasTrust) return { ok: false, reason: 'http-with-tls-trust' };
  return trust.allowInsecureHttp
    ? { ok: true, insecure: true }
    : { ok: false, reason: 'insecure-http' };
}
