/**
 * The supervisor's session flows: start-up (remembered password or demo mode), interactive
 * sign-in (keychain lookup, remember/forget), sign-out and demo mode. The demo password lives in
 * memory only; a real password only in the OS keychain and the session's memory. A password
 * goes only to an address the policy allows (gateway-policy.ts): https, or plain HTTP with the
 * person's opt-in — and then it is typed each time, never taken from or put in the keychain.
 */
import type { Result, ValidCommandArgs } from '../../../shared/ipc/contract';
import { commandError, fail, ok, warningNotice } from '../command-errors';
import { errorMessage } from '../error-text';
import type { SessionTarget } from '../session/session-controller';
import type { SupervisorRuntime } from '../supervisor-runtime';
import {
  answerLimitOf,
  credentialTrustOf,
  isInsecureAddress,
  refuseAddress,
  TYPE_PASSWORD_OVER_HTTP,
} from './gateway-policy';
import { migrateConfiguredCredential, readPassword, rememberPassword } from './keychain-access';
import { journalSession, signInTo, type Source } from './sign-in-steps';
import { refuseDemo, refuseLockedAddress } from './policy-guard';

const NO_DEMO = commandError(
  'internal',
  'Demo mode is not available in this build.',
  '此版本不提供演示模式。',
);

const NOT_REMEMBERED_OVER_HTTP = commandError(
  'insecure-gateway',
  'The password was not remembered: over plain HTTP it is typed each time.',
  '未保存密码：使用明文 HTTP 时每次都需输入密码。',
);

/** Start: sign in with the remembered password, or run demo mode when asked or unconfigured. */
export async function startSupervisor(rt: SupervisorRuntime, demo: boolean): Promise<void> {
  applySavedHotkeys(rt);
  await migrateConfiguredCredential(rt);
  await refreshPasswordRemembered(rt);
  const gateway = rt.settings.gateway;
  const configured = gateway.url !== '' && gateway.inspectorId !== '' && gateway.phoneNumber !== '';
  if (demo || rt.settings.demoMode || !configured) {
    // Where policy forbids demo mode, an unconfigured desktop waits for a sign-in instead.
    if (rt.ports.demo && refuseDemo(rt.policy) === null) await startDemo(rt, 'system');
    if (!configured || refuseDemo(rt.policy) === null) return;
  }
  const refusal = refuseAddress(gateway.url, gateway, 'gateway.url');
  if (refusal) return rt.addStartupNotice(warningNotice(refusal));
  // Plain HTTP (opted in): the window asks for the password; the keychain is never read.
  if (isInsecureAddress(gateway.url, gateway)) return;
  const password = await readPassword(
    rt,
    gateway.url,
    gateway.inspectorId,
    credentialTrustOf(gateway),
  );
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
    maxAnswerBytes: answerLimitOf(gateway),
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
  const gateway = rt.settings.gateway;
  const refusal =
    refuseLockedAddress(args.gatewayUrl, rt.policy) ??
    refuseAddress(args.gatewayUrl, gateway, 'gatewayUrl');
  if (refusal) return fail(refusal);
  const insecure = isInsecureAddress(args.gatewayUrl, gateway);
  const trust = credentialTrustOf(gateway);
  let password = args.password ?? null;
  if (password === null) {
    if (insecure) return fail(TYPE_PASSWORD_OVER_HTTP);
    const stored = await readPassword(rt, args.gatewayUrl, args.inspectorId, trust);
    if (!stored.ok) return stored;
    password = stored.value;
  }
  saveGatewaySettings(rt, args.gatewayUrl, args.inspectorId, args.phoneNumber);
  if (args.password !== undefined && !insecure)
    await rememberPassword(
      rt,
      args.gatewayUrl,
      args.inspectorId,
      trust,
      args.remember ? args.password : null,
      !args.remember,
    );
  if (insecure && args.remember) rt.notice(warningNotice(NOT_REMEMBERED_OVER_HTTP));
  await stopDemoIfRunning(rt);
  const target: SessionTarget = {
    gatewayUrl: args.gatewayUrl,
    inspectorId: args.inspectorId,
    phoneNumber: args.phoneNumber,
    password,
    demo: false,
    tls: { caPem: gateway.caPem, pinSha256: gateway.pinSha256 },
    maxAnswerBytes: answerLimitOf(gateway),
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
      const forgotten = await rememberPassword(
        rt,
        gateway.url,
        gateway.inspectorId,
        credentialTrustOf(gateway),
        null,
      );
      if (!forgotten.ok) return forgotten;
    }
  }
  return ok(null);
}

/** `session.startDemo` (and start-up without a gateway): the in-process simulator. */
export async function startDemo(rt: SupervisorRuntime, source: Source): Promise<Result<null>> {
  const demo = rt.ports.demo;
  if (!demo) return fail(NO_DEMO);
  const forbidden = refuseDemo(rt.policy);
  if (forbidden) return fail(forbidden);
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

/** Refresh whether a password is remembered for the configured inspector, gateway and trust. */
async function refreshPasswordRemembered(rt: SupervisorRuntime): Promise<void> {
  const gateway = rt.settings.gateway;
  if (
    gateway.url === '' ||
    gateway.inspectorId === '' ||
    refuseAddress(gateway.url, gateway, 'gateway.url') !== null ||
    isInsecureAddress(gateway.url, gateway)
  ) {
    rt.account.notePasswordRemembered(false);
    return;
  }
  const stored = await readPassword(
    rt,
    gateway.url,
    gateway.inspectorId,
    credentialTrustOf(gateway),
  );
  rt.account.notePasswordRemembered(stored.ok);
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
