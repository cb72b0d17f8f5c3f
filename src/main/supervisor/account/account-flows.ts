/**
 * The supervisor's session flows: start-up (remembered password or demo mode), interactive
 * sign-in (keychain lookup, remember/forget), sign-out and demo mode. The demo password lives in
 * memory only; a real password only in the OS keychain and the session's memory.
 */
import type { Result, ValidCommandArgs } from '../../../shared/ipc/contract';
import type { JournalEntry } from '../../../shared/domain';
import { CREDENTIAL_SERVICE, credentialAccount } from '../../credentials/credential-account';
import { commandError, fail, ok, toCommandError, warningNotice } from '../command-errors';
import type { SessionTarget } from '../session/session-controller';
import type { SupervisorRuntime } from '../supervisor-runtime';
import { errorMessage } from '../error-text';

type Source = JournalEntry['source'];

const NO_DEMO = commandError(
  'internal',
  'Demo mode is not available in this build.',
  '此版本不提供演示模式。',
);

/** Start: sign in with the remembered password, or run demo mode when asked or unconfigured. */
export async function startSupervisor(rt: SupervisorRuntime, demo: boolean): Promise<void> {
  applySavedHotkeys(rt);
  await refreshPasswordRemembered(rt);
  const gateway = rt.settings.gateway;
  const configured = gateway.url !== '' && gateway.inspectorId !== '' && gateway.phoneNumber !== '';
  if (demo || rt.settings.demoMode || !configured) {
    if (rt.ports.demo) await startDemo(rt, 'system');
    return;
  }
  const password = await readPassword(rt, gateway.url, gateway.inspectorId);
  if (!password.ok) {
    // No password yet (or no keychain): the window asks for one; say why if it is the keychain.
    if (password.error.code === 'keychain-unavailable') {
      rt.addStartupNotice(warningNotice(password.error));
    }
    return;
  }
  const tls = { caPem: gateway.caPem, pinSha256: gateway.pinSha256 };
  const target: SessionTarget = {
    gatewayUrl: gateway.url,
    inspectorId: gateway.inspectorId,
    phoneNumber: gateway.phoneNumber,
    password: password.value,
    demo: false,
    tls,
  };
  const outcome = await signInTo(rt, target, false, 'system');
  if (!outcome.ok)
    rt.logger.info('start-up sign-in did not complete', {
      code: outcome.error.code,
      retcode: outcome.error.retcode,
    });
}

/** `session.signIn`: remember the address, find or store the password, sign in. */
export async function signInFromWindow(
  rt: SupervisorRuntime,
  args: ValidCommandArgs<'session.signIn'>,
): Promise<Result<null>> {
  let password = args.password ?? null;
  if (password === null) {
    const stored = await readPassword(rt, args.gatewayUrl, args.inspectorId);
    if (!stored.ok) return stored;
    password = stored.value;
  }
  saveGatewaySettings(rt, args.gatewayUrl, args.inspectorId, args.phoneNumber);
  if (args.password !== undefined)
    await rememberPassword(
      rt,
      args.gatewayUrl,
      args.inspectorId,
      args.remember ? args.password : null,
      !args.remember,
    );
  await stopDemoIfRunning(rt);
  const gateway = rt.settings.gateway;
  const tls = { caPem: gateway.caPem, pinSha256: gateway.pinSha256 };
  const target: SessionTarget = {
    gatewayUrl: args.gatewayUrl,
    inspectorId: args.inspectorId,
    phoneNumber: args.phoneNumber,
    password,
    demo: false,
    tls,
  };
  return signInTo(rt, target, true, 'window');
}

/** `session.signOut`: leave the gateway; optionally forget the remembered password. */
export async function signOutFromWindow(
  rt: SupervisorRuntime,
  forgetPassword: boolean,
): Promise<Result<null>> {
  const target = rt.session.currentTarget;
  const startedAt = rt.clock.now();
  const modeBefore = rt.inspection.mode;
  await rt.session.signOut();
  await stopDemoIfRunning(rt);
  if (target) {
    journalSession(rt, {
      action: 'sign-out',
      inspectorId: target.inspectorId,
      source: 'window',
      modeBefore,
      startedAt,
      error: null,
    });
  }
  if (forgetPassword) {
    const gateway = rt.settings.gateway;
    if (gateway.url !== '' && gateway.inspectorId !== '') {
      const forgotten = await rememberPassword(rt, gateway.url, gateway.inspectorId, null);
      if (!forgotten.ok) return forgotten;
    }
  }
  return ok(null);
}

/** `session.startDemo` (and start-up without a gateway): the in-process simulator. */
export async function startDemo(rt: SupervisorRuntime, source: Source): Promise<Result<null>> {
  const demo = rt.ports.demo;
  if (!demo) return fail(NO_DEMO);
  let started: Awaited<ReturnType<typeof demo.start>>;
  try {
    started = await demo.start();
  } catch (error) {
    rt.logger.error('demo gateway did not start', { error: errorMessage(error) });
    return fail(
      commandError('internal', 'The demo gateway could not be started.', '演示网关无法启动。'),
    );
  }
  rt.account.markDemoRunning();
  const inspector = started.inspector;
  const tls = { caPem: started.caPem, pinSha256: null };
  const target: SessionTarget = {
    gatewayUrl: started.baseUrl,
    inspectorId: inspector.agentId,
    phoneNumber: inspector.phoneNumber,
    password: inspector.password,
    demo: true,
    tls,
  };
  return signInTo(rt, target, true, source);
}

/** Refresh whether a password is remembered for the configured inspector. */
async function refreshPasswordRemembered(rt: SupervisorRuntime): Promise<void> {
  const gateway = rt.settings.gateway;
  if (gateway.url === '' || gateway.inspectorId === '') {
    rt.account.notePasswordRemembered(false);
    return;
  }
  const stored = await readPassword(rt, gateway.url, gateway.inspectorId);
  rt.account.notePasswordRemembered(stored.ok);
}

async function signInTo(
  rt: SupervisorRuntime,
  target: SessionTarget,
  interactive: boolean,
  source: Source,
): Promise<Result<null>> {
  const startedAt = rt.clock.now();
  const outcome = await rt.session.signIn(target, interactive);
  const error = outcome.ok ? null : toCommandError(outcome.error);
  journalSession(rt, {
    action: 'sign-in',
    inspectorId: target.inspectorId,
    source,
    modeBefore: 'idle',
    startedAt,
    error,
  });
  return error ? fail(error) : ok(null);
}

/** A sign-in or sign-out as the journal records it. */
interface SessionJournalLine {
  action: 'sign-in' | 'sign-out';
  inspectorId: string;
  source: Source;
  modeBefore: JournalEntry['modeBefore'];
  startedAt: number;
  error: ReturnType<typeof toCommandError> | null;
}

function journalSession(
  rt: SupervisorRuntime,
  { action, inspectorId, source, modeBefore, startedAt, error }: SessionJournalLine,
): void {
  rt.appendJournal({
    at: new Date(startedAt).toISOString(),
    action,
    target: inspectorId,
    source,
    modeBefore,
    modeAfter: rt.inspection.mode,
    outcome: error ? 'failed' : 'ok',
    retcode: error?.retcode ?? null,
    message: error?.message ?? null,
    durationMs: Math.max(0, rt.clock.now() - startedAt),
  });
}

async function readPassword(
  rt: SupervisorRuntime,
  gatewayUrl: string,
  inspectorId: string,
): Promise<Result<string>> {
  try {
    const password = await rt.ports.credentials.getPassword(
      CREDENTIAL_SERVICE,
      credentialAccount(gatewayUrl, inspectorId),
    );
    rt.account.noteKeychainAvailable();
    const configured = rt.settings.gateway;
    if (configured.url === gatewayUrl && configured.inspectorId === inspectorId)
      rt.account.notePasswordRemembered(password !== null && password !== '');
    if (password === null || password === '') {
      return fail(
        commandError(
          'no-password',
          'No password is remembered for this inspector: enter it to sign in.',
          '未保存该质检员的密码，请输入密码签入。',
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
async function rememberPassword(
  rt: SupervisorRuntime,
  gatewayUrl: string,
  inspectorId: string,
  password: string | null,
  quiet = false,
): Promise<Result<null>> {
  try {
    const account = credentialAccount(gatewayUrl, inspectorId);
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

/** Remember the address signed in to; the sign-in goes on if it cannot be saved. */
function saveGatewaySettings(
  rt: SupervisorRuntime,
  url: string,
  inspectorId: string,
  phoneNumber: string,
): void {
  const gateway = rt.settings.gateway;
  if (
    gateway.url === url &&
    gateway.inspectorId === inspectorId &&
    gateway.phoneNumber === phoneNumber &&
    !rt.settings.demoMode
  )
    return;
  const saved = rt.saveSettings({
    ...rt.settings,
    demoMode: false,
    gateway: { ...gateway, url, inspectorId, phoneNumber },
  });
  if (!saved.ok) rt.notice(warningNotice(saved.error));
}

async function stopDemoIfRunning(rt: SupervisorRuntime): Promise<void> {
  if (!rt.account.demoRunning || !rt.ports.demo) return;
  rt.account.markDemoStopped();
  await rt.ports.demo
    .stop()
    .catch((error: unknown) =>
      rt.logger.warn('demo gateway did not stop cleanly', { error: String(error) }),
    );
}

/** Register the hotkeys saved in settings (the port reports conflicts). */
function applySavedHotkeys(rt: SupervisorRuntime): void {
  const port = rt.ports.hotkeys;
  if (!port) return;
  for (const [action, accelerator] of Object.entries(rt.settings.hotkeys) as [
    keyof typeof rt.settings.hotkeys,
    string | null,
  ][]) {
    if (accelerator) port.set(action, accelerator);
  }
  rt.emit('hotkeys.changed', port.list());
}
