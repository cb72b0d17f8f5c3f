/** Where passwords are kept: the OS keychain (default) or memory (tests and demo mode). */
export { credentialAccount } from './credential-account';
export { createKeyringCredentialStore } from './keyring-credential-store';
export { createMemoryCredentialStore } from './memory-credential-store';
export { explainKeychainFailure } from './keychain-failure';
