import type { EntryOptions } from '@napi-rs/keyring';
import { KeychainUnavailableError, type CredentialStore } from '../supervisor/ports';
import { explainKeychainFailure } from './keychain-failure';
import { createKeyringLoader, type KeyringBinding } from './keyring-binding';

/**
 * Linux: require the Secret Service. Without this pin the binding falls back to the kernel
 * keyring (keyutils), which forgets on reboot and is not what users expect; a missing Secret
 * Service must be reported, never worked around. Ignored on macOS and Windows.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

export interface KeyringCredentialStoreOptions {
  /** Where the native binding comes from (default: loaded on first use, see keyring-binding.ts). */
  loadBinding?: () => KeyringBinding;
}

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) through
 * @napi-rs/keyring, loaded on the first call so a missing binary cannot stop the app. Every
 * failure to reach it rejects with KeychainUnavailableError; nothing is ever written anywhere
 * else.
 */
export function createKeyringCredentialStore(
  options: KeyringCredentialStoreOptions = {},
): CredentialStore {
  const loadBinding = options.loadBinding ?? createKeyringLoader();
  // Loading and constructing an entry can throw synchronously too: both happen inside the guard.
  const guard = async <T>(
    operation: string,
    run: (binding: KeyringBinding) => Promise<T>,
  ): Promise<T> => {
    try {
      return await run(loadBinding());
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw explainKeychainFailure(error, operation);
    }
  };
  const entry = (binding: KeyringBinding, service: string, account: string) =>
    new binding.AsyncEntry(service, account, ENTRY_OPTIONS);
  return {
    getPassword: (service, account) =>
      guard('read the password', (binding) => entry(binding, service, account).getPassword()),
    setPassword: (service, account, password) =>
      guard('store the password', (binding) =>
        entry(binding, service, account).setPassword(password),
      ),
    deletePassword: (service, account) =>
      guard('delete the password', (binding) => entry(binding, service, account).deletePassword()),
    findCredentials: (service) =>
      guard('list the stored passwords', (binding) => binding.findCredentialsAsync(service)),
  };
}
