import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring';
import type { CredentialStore } from '../supervisor/ports';
import { explainKeychainFailure } from './keychain-failure';

/**
 * Linux: require the Secret Service. Without this pin the binding falls back to the kernel
 * keyring (keyutils), which forgets on reboot and is not what users expect; a missing Secret
 * Service must be reported, never worked around. Ignored on macOS and Windows.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) through
 * @napi-rs/keyring. Every failure to reach it rejects with KeychainUnavailableError; nothing is
 * ever written anywhere else.
 */
export function createKeyringCredentialStore(): CredentialStore {
  // Constructing an entry can throw synchronously too, so it happens inside the guarded call.
  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw explainKeychainFailure(error, operation);
    }
  };
  const entry = (service: string, account: string) =>
    new AsyncEntry(service, account, ENTRY_OPTIONS);
  return {
    getPassword: (service, account) =>
      guard('read the password', () => entry(service, account).getPassword()),
    setPassword: (service, account, password) =>
      guard('store the password', () => entry(service, account).setPassword(password)),
    deletePassword: (service, account) =>
      guard('delete the password', () => entry(service, account).deletePassword()),
    findCredentials: (service) =>
      guard('list the stored passwords', () => findCredentialsAsync(service)),
  };
}
