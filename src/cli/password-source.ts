/**
 * Where the inspector's password comes from, first match wins: `--password-stdin` (the first
 * line of standard input), CC_INSPECTOR_PASSWORD, then the OS keychain entry
 * `credentialAccount(gateway, agent, trust)` (an entry of an earlier version is migrated to it
 * first). Over plain HTTP the keychain is never asked: a remembered password never crosses the
 * network in clear text. The password is only ever handed to sign-in.
 */
import {
  CREDENTIAL_SERVICE,
  credentialAccount,
  type CredentialTrust,
} from '../main/credentials/credential-account';
import { migrateLegacyCredential } from '../main/credentials/credential-migration';
import type { CredentialStore } from '../main/supervisor/ports';
import { KeychainUnavailableError } from '../main/supervisor/ports';
import { CliError, EXIT_CODE } from './cli-error';
import { ENVIRONMENT_VARIABLES } from './connection-settings';
import type { LineSource } from './line-source';

export type PasswordOrigin = 'stdin' | 'environment' | 'keychain';

export interface PasswordRequest {
  passwordStdin: boolean;
  env: NodeJS.ProcessEnv;
  stdinLines: () => LineSource;
  credentials: () => CredentialStore;
  gatewayUrl: string;
  agentId: string;
  trust: CredentialTrust;
  /** The gateway is plain HTTP: the keychain is not asked. */
  insecureHttp: boolean;
}

const HOW_TO_GIVE = `Pass --password-stdin (first line of standard input), set ${ENVIRONMENT_VARIABLES.password}, or store it once with \`cc-inspector login --remember --password-stdin\`.`;

/** The password and where it came from, or a CliError (exit 4) saying how to give one. */
export async function resolvePassword(
  request: PasswordRequest,
): Promise<{ password: string; origin: PasswordOrigin }> {
  if (request.passwordStdin) {
    const line = await request.stdinLines().next();
    if (line === null)
      throw new CliError(
        'no-password',
        '--password-stdin: standard input ended before a password line.',
        EXIT_CODE.auth,
      );
    return { password: line, origin: 'stdin' };
  }
  const fromEnvironment = request.env[ENVIRONMENT_VARIABLES.password];
  if (fromEnvironment !== undefined && fromEnvironment !== '')
    return { password: fromEnvironment, origin: 'environment' };

  if (request.insecureHttp)
    throw new CliError(
      'no-password',
      `Over plain HTTP the password is never taken from the keychain: pass --password-stdin or set ${ENVIRONMENT_VARIABLES.password}.`,
      EXIT_CODE.auth,
    );
  const account = credentialAccount(request.gatewayUrl, request.agentId, request.trust);
  let stored: string | null;
  try {
    const store = request.credentials();
    await migrateLegacyCredential(store, request.gatewayUrl, request.agentId, request.trust);
    stored = await store.getPassword(CREDENTIAL_SERVICE, account);
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    throw new CliError(
      'keychain-unavailable',
      `No password given, and the OS keychain cannot be asked. ${error.message} ${HOW_TO_GIVE}`,
      EXIT_CODE.auth,
      {
        cause: error,
      },
    );
  }
  if (stored === null)
    throw new CliError('no-password', `No password for ${account}. ${HOW_TO_GIVE}`, EXIT_CODE.auth);
  return { password: stored, origin: 'keychain' };
}
