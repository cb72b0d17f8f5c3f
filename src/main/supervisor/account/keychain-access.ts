/**
 * The account flows' use of the OS keychain: read, store or delete the password of one
 * inspector on one gateway under one trust (credential-account.ts names the entry), move an
 * entry of an earlier version to the configured gateway's account at start-up, and note what
 * the keychain said in the account state.
 */
import type { Result } from '../../../shared/ipc/contract';
import {
  CREDENTIAL_SERVICE,
  credentialAccount,
  type CredentialTrust,
} from '../../credentials/credential-account';
import { migrateLegacyCredential } from '../../credentials/credential-migration';
import { commandError, fail, ok, toCommandError, warningNotice } from '../command-errors';
import { errorMessage } from '../error-text';
import type { SupervisorRuntime } from '../supervisor-runtime';
import { credentialTrustOf } from './gateway-policy';

/** The remembered password of this inspector, gateway and trust, or a typed error. */
export async function readPassword(
  rt: SupervisorRuntime,
  gatewayUrl: string,
  inspectorId: string,
  trust: CredentialTrust,
): Promise<Result<string>> {
  try {
    const password = await rt.ports.credentials.getPassword(
      CREDENTIAL_SERVICE,
      credentialAccount(gatewayUrl, inspectorId, trust),
    );
    rt.account.noteKeychainAvailable();
    const configured = rt.settings.gateway;
    if (
      configured.url === gatewayUrl &&
      configured.inspectorId === inspectorId &&
      credentialAccount(configured.url, configured.inspectorId, credentialTrustOf(configured)) ===
        credentialAccount(gatewayUrl, inspectorId, trust)
    )
      rt.account.notePasswordRemembered(password !== null && password !== '');
    if (password === null || password === '') {
      return fail(
        commandError(
          'no-password',
          'No password is remembered for this inspector on this gateway: enter it to sign in.',
          '未保存该质检员在此网关上的密码，请输入密码签入。',
        ),
      );
    }
    return ok(password);
  } catch (error) {
    const commandErr = toCommandError(error);
    if (commandErr.code === 'keychain-unavailable') rt.account.noteKeychainUnavailable();
    return fail(commandErr);
  }
}

/** Store (password) or delete (null) the remembered password; failures become a notice. */
export async function rememberPassword(
  rt: SupervisorRuntime,
  gatewayUrl: string,
  inspectorId: string,
  trust: CredentialTrust,
  password: string | null,
  quiet = false,
): Promise<Result<null>> {
  try {
    const account = credentialAccount(gatewayUrl, inspectorId, trust);
    if (password === null) await rt.ports.credentials.deletePassword(CREDENTIAL_SERVICE, account);
    else await rt.ports.credentials.setPassword(CREDENTIAL_SERVICE, account, password);
    rt.account.notePasswordRemembered(password !== null);
    rt.account.noteKeychainAvailable();
    return ok(null);
  } catch (error) {
    const commandErr = toCommandError(error);
    if (commandErr.code === 'keychain-unavailable') rt.account.noteKeychainUnavailable();
    if (!quiet) rt.notice(warningNotice(commandErr));
    return fail(commandErr);
  }
}

/**
 * At start-up, before the window can change any setting: move the configured inspector's entry
 * of an earlier version (no scheme, no trust) to its account under the configured https trust.
 */
export async function migrateConfiguredCredential(rt: SupervisorRuntime): Promise<void> {
  const gateway = rt.settings.gateway;
  if (gateway.url === '' || gateway.inspectorId === '') return;
  try {
    const outcome = await migrateLegacyCredential(
      rt.ports.credentials,
      gateway.url,
      gateway.inspectorId,
      credentialTrustOf(gateway),
    );
    if (outcome === 'migrated')
      rt.logger.info('remembered password moved to its new keychain entry');
  } catch (error) {
    rt.logger.warn('remembered password could not be migrated', { error: errorMessage(error) });
  }
}
