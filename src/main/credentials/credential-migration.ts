/**
 * Moving a password remembered by an earlier version (account `2001@gw:8043`, no scheme, no
 * trust) to the account this version reads (credential-account.ts). The old entry stood for
 * http and https alike; it is only ever moved to the https account — a password never becomes
 * usable over plain HTTP by migration — under the trust configured when it is moved. The app
 * migrates at start-up, before its window can change any setting; the CLI when it looks up a
 * password for the options the person typed.
 */
import type { CredentialStore } from '../supervisor/ports';
import {
  CREDENTIAL_SERVICE,
  credentialAccount,
  legacyCredentialAccount,
  type CredentialTrust,
} from './credential-account';

export type MigrationOutcome = 'migrated' | 'nothing-to-migrate' | 'not-https';

/** Moves the legacy entry of this inspector on this https gateway to its current account. */
export async function migrateLegacyCredential(
  store: CredentialStore,
  gatewayUrl: string,
  inspectorId: string,
  trust: CredentialTrust,
): Promise<MigrationOutcome> {
  if (!/^\s*https:\/\//i.test(gatewayUrl)) return 'not-https';
  const legacy = legacyCredentialAccount(gatewayUrl, inspectorId);
  const password = await store.getPassword(CREDENTIAL_SERVICE, legacy);
  if (password === null || password === '') return 'nothing-to-migrate';
  const current = credentialAccount(gatewayUrl, inspectorId, trust);
  // A password stored by this version since is newer than the legacy one: keep it.
  if ((await store.getPassword(CREDENTIAL_SERVICE, current)) === null)
    await store.setPassword(CREDENTIAL_SERVICE, current, password);
  await store.deletePassword(CREDENTIAL_SERVICE, legacy);
  return 'migrated';
}
