import { KeychainUnavailableError } from '../supervisor/ports';

/** The keychain answered but refused this one request (ambiguous entry, bad encoding, …). */
export class KeychainOperationError extends Error {
  override readonly name = 'KeychainOperationError';
}

const UNTIL_THEN = 'Until then the password cannot be remembered: enter it each time you sign in.';

/** Why no keychain can be used, for callers that say it in their own words (the CLI's zh-CN). */
export type KeychainFailureKind = 'no-secret-service' | 'locked' | 'no-session-bus' | 'unavailable';

/** Failures that mean "no usable keychain here", checked in order; first match wins. */
const UNAVAILABLE_PATTERNS: ReadonlyArray<{
  kind: KeychainFailureKind;
  test: RegExp;
  explain: string;
}> = [
  {
    kind: 'no-secret-service',
    test: /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service/i,
    explain:
      'No Secret Service is running in this desktop session. Install and start one (GNOME Keyring, KWallet, or KeePassXC with its Secret Service integration) and try again.',
  },
  {
    kind: 'locked',
    test: /locked|prompt was dismissed|no result found|denied|cancel+ed|Couldn't access platform storage/i,
    explain:
      'The OS keychain is locked or refused access. Unlock it (signing in to the desktop usually does) and try again.',
  },
  {
    kind: 'no-session-bus',
    test: /d-?bus|zbus|DBUS_SESSION_BUS_ADDRESS|session bus/i,
    explain:
      'No D-Bus session bus can be reached, so the Secret Service (the Linux keychain) cannot be asked. Run CC Inspector inside a desktop session, or start one with `dbus-run-session` and an unlocked `gnome-keyring-daemon`.',
  },
  {
    kind: 'unavailable',
    test: /Platform failure|secret service|keychain|credential manager|no (default )?(keychain|keyring|store)/i,
    explain: 'The OS keychain is not available on this machine.',
  },
];

/**
 * Turns an error of the native keyring binding into a typed error: KeychainUnavailableError
 * (what is missing and what to do) when no usable keychain is there, KeychainOperationError
 * otherwise. The binding's own text is kept as the detail for IT; it never holds the password.
 */
export function explainKeychainFailure(
  error: unknown,
  operation: string,
): KeychainUnavailableError | KeychainOperationError {
  const detail = error instanceof Error ? error.message : String(error);
  const match = UNAVAILABLE_PATTERNS.find((pattern) => pattern.test.test(detail));
  if (match) {
    return new KeychainUnavailableError(
      `${match.explain} ${UNTIL_THEN} (Could not ${operation}: ${detail})`,
      { cause: error },
    );
  }
  return new KeychainOperationError(`The OS keychain refused to ${operation}: ${detail}`, {
    cause: error,
  });
}

/** The kind of a KeychainUnavailableError's message (from explainKeychainFailure); null if none. */
export function keychainFailureKind(message: string): KeychainFailureKind | null {
  return UNAVAILABLE_PATTERNS.find((pattern) => message.startsWith(pattern.explain))?.kind ?? null;
}
