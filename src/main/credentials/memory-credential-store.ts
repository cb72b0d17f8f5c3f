import type { CredentialStore } from '../supervisor/ports';

/**
 * A CredentialStore that keeps passwords in this process's memory only, for tests and demo
 * mode. It is never a fallback for the OS keychain: when the keychain is missing, callers
 * report KeychainUnavailableError instead of quietly using this.
 */
export function createMemoryCredentialStore(): CredentialStore {
  const services = new Map<string, Map<string, string>>();
  const accountsOf = (service: string): Map<string, string> => {
    let accounts = services.get(service);
    if (!accounts) {
      accounts = new Map();
      services.set(service, accounts);
    }
    return accounts;
  };
  return {
    async getPassword(service, account) {
      return services.get(service)?.get(account) ?? null;
    },
    async setPassword(service, account, password) {
      accountsOf(service).set(account, password);
    },
    async deletePassword(service, account) {
      return services.get(service)?.delete(account) ?? false;
    },
    async findCredentials(service) {
      return [...(services.get(service) ?? new Map<string, string>())].map(
        ([account, password]) => ({ account, password }),
      );
    },
  };
}
