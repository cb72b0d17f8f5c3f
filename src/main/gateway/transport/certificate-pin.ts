/**
 * SHA-256 pins of the gateway's certificate (of its DER encoding): parsing what a user pastes,
 * and the error raised when the server shows a different certificate.
 */
import { GatewayError } from '../gateway-error';

/** Error code of a pin mismatch, classified as a TLS failure. */
export const PIN_MISMATCH_CODE = 'ERR_GATEWAY_CERT_PIN_MISMATCH';

const HEX_PIN = /^(?:[0-9a-f]{2}:){31}[0-9a-f]{2}$|^[0-9a-f]{64}$/i;
const BASE64_PIN = /^sha256\/([A-Za-z0-9+/]{43}=)$/i;

/**
 * Normalises a pin to 64 lowercase hex digits. Accepts hex with or without colons
 * (`AB:CD:…`, as browsers and `openssl x509 -fingerprint` print it) or `sha256/<base64>`
 * (the HPKP/curl spelling). Anything else is an `invalid-argument` error.
 */
export function normalisePin(pin: string): string {
  const trimmed = typeof pin === 'string' ? pin.trim() : '';
  if (HEX_PIN.test(trimmed)) return trimmed.replace(/:/g, '').toLowerCase();
  const base64 = BASE64_PIN.exec(trimmed)?.[1];
  if (base64 !== undefined) {
    const bytes = atob(base64);
    if (bytes.length === 32) {
      let hex = '';
      for (let index = 0; index < bytes.length; index++)
        hex += bytes.charCodeAt(index).toString(16).padStart(2, '0');
      return hex;
    }
  }
  throw new GatewayError({
    kind: 'invalid-argument',
    interfaceName: 'configure',
    message:
      'Invalid certificate pin: use the SHA-256 fingerprint as 64 hex digits (colons allowed) or sha256/<base64>.',
  });
}

/** `AB:CD:…` — how people compare fingerprints on screen. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');
}

/** Raised by the TLS connector when the server's certificate does not match the pin. */
export class CertificatePinMismatchError extends Error {
  override readonly name = 'CertificatePinMismatchError';
  readonly code = PIN_MISMATCH_CODE;
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super(
      `The gateway's certificate does not match the pinned fingerprint: expected SHA-256 ${formatFingerprint(expected)}, ` +
        `the server presented ${actual === '' ? 'no certificate' : formatFingerprint(actual)}.`,
    );
    this.expected = expected;
    this.actual = actual;
  }
}
