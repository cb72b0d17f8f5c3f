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
import { keychainFailureKind } from '../main/credentials/keychain-failure';
import type { CredentialStore } from '../main/supervisor/ports';
import { KeychainUnavailableError } from '../main/supervisor/ports';
import { CliError, EXIT_CODE } from './cli-error';
import { ENVIRONMENT_VARIABLES } from './connection-settings';
import type { Translate } from './cli-i18n';
import type { LineSource } from './line-source';

export type PasswordOrigin = 'stdin' | 'environment' | 'keychain' | 'prompt';

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
  /** Asks on the terminal, input hidden; null when there is no terminal (or nothing typed). */
  prompt?: (question: string) => Promise<string | null>;
  /** The command line's words (messages and the prompt). */
  t: Translate;
}

/** The password and where it came from, or a CliError (exit 2) saying how to give one. */
export async function resolvePassword(
  request: PasswordRequest,
): Promise<{ password: string; origin: PasswordOrigin }> {
  const { t } = request;
  const noPassword = (message: string) =>
    new CliError('no-password', message, EXIT_CODE.usage, {
      hint: t('password.howToGive', { variable: ENVIRONMENT_VARIABLES.password }),
    });
  if (request.passwordStdin) {
    const line = await request.stdinLines().next();
    if (line === null) throw noPassword(t('password.stdinEnded'));
    return { password: line, origin: 'stdin' };
  }
  const fromEnvironment = request.env[ENVIRONMENT_VARIABLES.password];
  if (fromEnvironment !== undefined && fromEnvironment !== '')
    return { password: fromEnvironment, origin: 'environment' };

  const account = credentialAccount(request.gatewayUrl, request.agentId, request.trust);
  let keychainProblem: string | null = null;
  if (!request.insecureHttp) {
    try {
      const store = request.credentials();
      await migrateLegacyCredential(store, request.gatewayUrl, request.agentId, request.trust);
      const stored = await store.getPassword(CREDENTIAL_SERVICE, account);
      if (stored !== null) return { password: stored, origin: 'keychain' };
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
      // The explanation in the chosen language; English keeps the binding's detail for IT.
      const kind = keychainFailureKind(error.message);
      keychainProblem =
        kind && t('keychain.language') !== 'en'
          ? `${t(`keychain.${kind}`)} ${t('keychain.untilThen')}`
          : error.message;
    }
  }
  // Nothing given and nothing remembered: a person at a terminal types it.
  const typed = await request.prompt?.(
    t('password.prompt', { agent: request.agentId, gateway: request.gatewayUrl }),
  );
  if (typed) return { password: typed, origin: 'prompt' };
  if (request.insecureHttp) throw noPassword(t('password.noneOverHttp'));
  if (keychainProblem !== null)
    throw new CliError(
      'keychain-unavailable',
      t('password.noneKeychainUnavailable', { reason: keychainProblem }),
      EXIT_CODE.usage,
      { hint: t('password.howToGive', { variable: ENVIRONMENT_VARIABLES.password }) },
    );
  throw noPassword(t('password.none', { account }));
}
