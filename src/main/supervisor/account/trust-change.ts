/**
 * A change of where the password goes — the gateway's address, its private CA, its pin or the
 * plain-HTTP opt-in — needs the person, not the renderer (which a compromised page controls):
 * the session held under the old trust is signed out and its password dropped from memory.
 * Main then asks in a native dialog that shows the new certificate fingerprint and the one the
 * gateway presents now (the GatewayCertificatePort's look, judged by the new trust); only a "yes"
 * signs in again with that password (and moves a remembered one to the new trust's entry).
 * Without the dialog, on "no", or over plain HTTP, the password must be typed again.
 */
import type { Settings } from '../../../shared/domain';
import type { CertificateLook } from '../ports';
import { commandError } from '../command-errors';
import { errorMessage } from '../error-text';
import type { SupervisorRuntime } from '../supervisor-runtime';
import {
  answerLimitOf,
  credentialTrustOf,
  describeTrustChange,
  isInsecureAddress,
  refuseAddress,
  trustIdentity,
} from './gateway-policy';
import { readPassword, rememberPassword } from './keychain-access';
import { journalSession, signInTo } from './sign-in-steps';

const SIGN_IN_AGAIN = commandError(
  'not-signed-in',
  'The gateway address or its certificate trust changed, so you were signed out: sign in again with your password.',
  '网关地址或其证书信任设置已更改，您已被签出：请输入密码重新签入。',
);

/** What the gateway presents under the new trust, for the question (null: nothing can look). */
async function lookAtCertificate(
  rt: SupervisorRuntime,
  gateway: Settings['gateway'],
): Promise<CertificateLook | null> {
  const certificates = rt.ports.certificates;
  if (!certificates) return null;
  try {
    const look = await certificates.look(gateway.url, {
      caPem: gateway.caPem,
      pinSha256: gateway.pinSha256,
    });
    rt.logger.info('the gateway certificate under the changed trust', {
      seen: look.seen,
      ...(look.seen
        ? { fingerprint: look.fingerprint, verdict: look.verdict, reason: look.reason }
        : { problem: look.problem }),
    });
    return look;
  } catch (error) {
    // The port reports its own failures; anything else only costs the dialog its line.
    return { seen: false, problem: errorMessage(error) };
  }
}

/** Whether the change from `before` to `after` moves where a password would go. */
export function trustChanged(before: Settings, after: Settings): boolean {
  return trustIdentity(before.gateway) !== trustIdentity(after.gateway);
}

/** Apply a saved trust change to the session (see the file comment). */
export async function applyTrustChange(
  rt: SupervisorRuntime,
  before: Settings,
  after: Settings,
): Promise<void> {
  const current = rt.session.currentTarget;
  if (current === null || current.demo) return;
  rt.logger.info('gateway address or trust changed; signing out and dropping the held password');
  const startedAt = rt.clock.now();
  const modeBefore = rt.inspection.mode;
  const released = await rt.session.releaseTarget();
  journalSession(rt, {
    action: 'sign-out',
    inspectorId: current.inspectorId,
    source: 'system',
    modeBefore,
    startedAt,
    error: null,
  });
  const gateway = after.gateway;
  const usable =
    released !== null &&
    gateway.url !== '' &&
    gateway.inspectorId === released.inspectorId &&
    refuseAddress(gateway.url, gateway, 'gateway.url') === null &&
    !isInsecureAddress(gateway.url, gateway);
  const confirm = rt.ports.confirm;
  if (!usable || !confirm) return rt.notice(toNotice(SIGN_IN_AGAIN));
  const presented = await lookAtCertificate(rt, gateway);
  let confirmed = false;
  try {
    confirmed = await confirm.confirmTrustChange(describeTrustChange(gateway, presented));
  } catch (error) {
    rt.logger.warn('the trust confirmation could not be shown', { error: errorMessage(error) });
  }
  // Settings may have moved on while the dialog was open: only what was confirmed applies.
  if (!confirmed || trustIdentity(rt.settings.gateway) !== trustIdentity(after.gateway)) {
    return rt.notice(toNotice(SIGN_IN_AGAIN));
  }
  await moveRememberedPassword(rt, before, after, released.password);
  await signInTo(
    rt,
    {
      gatewayUrl: gateway.url,
      inspectorId: gateway.inspectorId,
      phoneNumber: gateway.phoneNumber || released.phoneNumber,
      password: released.password,
      demo: false,
      tls: { caPem: gateway.caPem, pinSha256: gateway.pinSha256 },
      maxAnswerBytes: answerLimitOf(gateway),
    },
    true,
    'system',
  );
}

/** A password remembered under the old trust follows the confirmed change. */
async function moveRememberedPassword(
  rt: SupervisorRuntime,
  before: Settings,
  after: Settings,
  password: string,
): Promise<void> {
  const old = before.gateway;
  if (old.url === '' || isInsecureAddress(old.url, old)) return;
  const remembered = await readPassword(rt, old.url, old.inspectorId, credentialTrustOf(old));
  if (!remembered.ok || remembered.value !== password) return;
  const next = after.gateway;
  const stored = await rememberPassword(
    rt,
    next.url,
    next.inspectorId,
    credentialTrustOf(next),
    password,
  );
  if (stored.ok)
    await rememberPassword(rt, old.url, old.inspectorId, credentialTrustOf(old), null, true);
}

function toNotice(error: typeof SIGN_IN_AGAIN) {
  return {
    level: 'warning' as const,
    message: error.message,
    messageZh: error.messageZh,
    retcode: null,
  };
}
