/**
 * `login`: check that sign-in works (and with --remember keep the password in the OS
 * keychain); `logout`: end this inspector's session on the gateway, or with --forget remove
 * the remembered password.
 */
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
import { CREDENTIAL_SERVICE, credentialAccount } from '../../main/credentials/credential-account';
import type { CommandContext } from '../cli-context';
import { CliError, EXIT_CODE, type ExitCode } from '../cli-error';
import type { ConnectionSettings } from '../connection-settings';
import { addConnectionOptions, type CommandHost } from './command-host';

/** Registers login and logout. */
export function registerLoginCommands(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program.command('login').description('sign in and out once to check the credentials'),
  )
    .option('--remember', 'after a successful sign-in, keep the password in the OS keychain')
    .action((options: { remember?: boolean }, command: Command) =>
      host.run(command, (context) => login(context, options.remember === true)),
    );

  addConnectionOptions(
    program
      .command('logout')
      .description(
        "end this inspector's session on the gateway (forced sign-in, then sign-out), or --forget the remembered password",
      ),
  )
    .option(
      '--forget',
      'remove the remembered password from the OS keychain instead (no gateway contact)',
    )
    .option(
      '--force',
      'end the session even while a call or an inspection keeps it busy (forced sign-out)',
    )
    .action((options: { forget?: boolean; force?: boolean }, command: Command) =>
      host.run(command, (context) =>
        options.forget ? forget(context) : endRemoteSession(context, options.force === true),
      ),
    );
}

/** The keychain account of the configured inspector, gateway and trust. */
function accountOf(settings: ConnectionSettings): string {
  return credentialAccount(settings.gatewayUrl, settings.agentId, {
    caPem: settings.caPem,
    pinSha256: settings.pinSha256,
  });
}

async function login(context: CommandContext, remember: boolean): Promise<ExitCode> {
  const { output } = context;
  let session;
  try {
    if (remember && context.settings().insecureHttp)
      throw new CliError('insecure-gateway', tr('login.rememberOverHttp'), EXIT_CODE.usage);
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, 'login');
  }
  const signedInSession = session;
  const report = async (): Promise<ExitCode> => {
    let code: ExitCode = EXIT_CODE.ok;
    const { signedIn, settings } = signedInSession;
    const account = accountOf(settings);
    let remembered = false;
    let rememberFailure: unknown = null;
    if (remember) {
      // The password that just worked (resolved once per run).
      const password = await context.password();
      try {
        await context.credentials().setPassword(CREDENTIAL_SERVICE, account, password);
        remembered = true;
      } catch (error) {
        rememberFailure = error;
      }
    }
    const fields = {
      target: settings.agentId,
      workNo: signedIn.workNo,
      serverName: signedIn.serverName,
      passwordDaysRemaining: signedIn.passwordDaysRemaining,
      passwordMustChange: signedIn.passwordMustChange,
      remembered,
    };
    const lines = [
      tr('login.done', {
        gateway: settings.gatewayUrl,
        workNo: signedIn.workNo,
        server: signedIn.serverName ? ` (${signedIn.serverName})` : '',
      }),
    ];
    if (signedIn.passwordMustChange) lines.push(tr('login.mustChange'));
    if (signedIn.passwordDaysRemaining !== null)
      lines.push(tr('login.expires', { days: signedIn.passwordDaysRemaining }));
    if (remembered) lines.push(tr('login.remembered', { service: CREDENTIAL_SERVICE, account }));
    output.printSuccess('login', fields, lines);
    // The sign-in worked; only remembering failed: say exactly that, and end non-zero.
    if (rememberFailure !== null)
      code = output.printFailure(
        new CliError(
          'keychain-unavailable',
          context.t('login.notRemembered', {
            reason:
              rememberFailure instanceof Error ? rememberFailure.message : String(rememberFailure),
          }),
          EXIT_CODE.auth,
          { hint: context.t('login.notRememberedFix'), cause: rememberFailure },
        ),
        'login --remember',
      );
    return code;
  };
  let code: ExitCode;
  try {
    code = await report();
  } catch (error) {
    code = output.printFailure(error, 'login');
  }
  const signedOut = await context.signOut(session);
  return code === EXIT_CODE.ok ? signedOut : code;
}

async function forget(context: CommandContext): Promise<ExitCode> {
  const account = accountOf(context.settings());
  const settings = context.settings();
  const removed = await context.credentials().deletePassword(CREDENTIAL_SERVICE, account);
  context.output.printSuccess(
    'logout',
    { target: settings.agentId, forgotten: removed },
    removed ? tr('logout.forgot', { account }) : tr('logout.nothing', { account }),
  );
  return EXIT_CODE.ok;
}

/**
 * A forced sign-in takes over whatever session is left (a crashed app, a stopped command),
 * then signs it out; with --force the sign-out is forced too, so a call or an inspection that
 * keeps the inspector busy does not stop it (the gateway's forcelogout).
 */
async function endRemoteSession(context: CommandContext, force: boolean): Promise<ExitCode> {
  const { output } = context;
  let session;
  try {
    session = await context.signIn({ force: true });
  } catch (error) {
    return output.printFailure(error, 'logout');
  }
  try {
    await session.client.signOut({ force });
  } catch (error) {
    return output.printFailure(error, 'logout');
  }
  output.printSuccess(
    'logout',
    { target: session.settings.agentId },
    tr('logout.done', { agent: session.settings.agentId, gateway: session.settings.gatewayUrl }),
  );
  return EXIT_CODE.ok;
}
