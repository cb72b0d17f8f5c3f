/** Where passwords are kept: the OS keychain (default) or memory (tests and demo mode). */
export {
  CREDENTIAL_SERVICE,
  credentialAccount,
  legacyCredentialAccount,
  InvalidCredentialAccountError,
  type CredentialTrust,
} from './credential-account';
export { migrateLegacyCredential, type MigrationOutcome } from './credential-migration';
export { createKeyringCredentialStore } from './keyring-credential-store';
export { createMemoryCredentialStore } from './memory-credential-store';
export { explainKeychainFailure, KeychainOperationError } from './keychain-failure';
