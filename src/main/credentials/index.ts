/** Where passwords are kept: the OS keychain (default) or memory (tests and demo mode). */
export {
  CREDENTIAL_SERVICE,
  credentialAccount,
  legacyCredentialAccount,
} from './credential-account';
export { migrateLegacyCredential } from './credential-migration';
export { createKeyringCredentialStore } from './keyring-credential-store';
export { createMemoryCredentialStore } from './memory-credential-store';
export { explainKeychainFailure } from './keychain-failure';
