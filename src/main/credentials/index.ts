/** Where passwords are kept: the OS keychain (default) or memory (tests and demo mode). */
export {
  CREDENTIAL_SERVICE,
  credentialAccount,
  InvalidCredentialAccountError,
} from './credential-account';
export { createKeyringCredentialStore } from './keyring-credential-store';
export { createMemoryCredentialStore } from './memory-credential-store';
export { explainKeychainFailure, KeychainOperationError } from './keychain-failure';
