/**
 * Issue 9, "trust changes need the person, not the renderer": a compromised renderer that sends
 * `settings.update` with an attacker's pin (or CA, or address) through the real IPC binding
 * must not make main send the password anywhere. The session held under the old trust is
 * signed out and its password dropped; only a native confirmation (a main-process dialog that
 * shows the new fingerprint) signs in again with it. The remembered password is not found under
 * the new trust either.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCredentialStore } from '../../src/main/credentials';
import { createCertificateLook } from '../../src/main/desktop/certificate-look';
import { createConfirmDialogs } from '../../src/main/desktop/confirm-dialogs';
import type { GatewayCertificatePort, TrustChange } from '../../src/main/supervisor';
import { pause, waitFor } from '../support/wait-for';
import { formatFingerprint } from '../../src/main/gateway/transport/certificate-pin';
import { findSecrets, startCapturedSession, type CapturedSession } from './session-capture';

const ATTACKER_PIN = 'a7'.repeat(32);
const ATTACKER_PIN_SHOWN = 'A7:'.repeat(31) + 'A7';

describe('a trust change from the renderer', () => {
  let session: CapturedSession;
  afterEach(() => session.close());

  async function signedIn(
    answer?: (change: TrustChange) => boolean,
    certificates?: GatewayCertificatePort,
  ) {
    const asked: TrustChange[] = [];
    const credentials = createMemoryCredentialStore();
    session = await startCapturedSession({
      credentials,
      confirm: answer && {
        confirmTrustChange: async (change) => (asked.push(change), answer(change)),
        confirmDestructive: async () => false,
      },
      certificates,
    });
    const { sim, core } = session;
    const inspector = sim.inspectors[0]!;
    await core.start({ demo: false });
    expect(
      await session.invoke('session.signIn', {
        gatewayUrl: sim.baseUrl,
        inspectorId: inspector.agentId,
        phoneNumber: inspector.phoneNumber,
        password: inspector.password,
        remember: true,
      }),
    ).toEqual({ ok: true, value: null });
    await waitFor(() => core.trayModel().connection.phase === 'live', {
      what: 'the live session',
      intervalMs: 25,
    });
    return { asked, credentials, inspector, sentBefore: session.wire.length };
  }

  const passwordRequests = (from: number, password: string) =>
    session.wire.slice(from).filter((request) => request.body.includes(password));

  it('with no way to ask the person: signs out, drops the password, sends it nowhere', async () => {
    const { inspector, sentBefore } = await signedIn();
    const update = await session.invoke('settings.update', {
      gateway: { pinSha256: ATTACKER_PIN },
    });
    expect(update.ok).toBe(true);
    await pause(300);
    expect(passwordRequests(sentBefore, inspector.password)).toEqual([]);
    expect(session.wire.some((request) => request.trust.pinSha256 === ATTACKER_PIN)).toBe(false);
    expect(session.core.trayModel().connection.phase).toBe('signed-out');
    expect(session.events.some((event) => event.includes('sign in again'))).toBe(true);
    // The remembered password belongs to the old trust: the renderer cannot fetch it either.
    const viaKeychain = await session.invoke('session.signIn', {
      gatewayUrl: session.sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      remember: false,
    });
    expect(viaKeychain).toMatchObject({ ok: false, error: { code: 'no-password' } });
    expect(passwordRequests(sentBefore, inspector.password)).toEqual([]);
  });

  it('asks in a native dialog showing the new fingerprint; "no" sends nothing', async () => {
    const { asked, inspector, sentBefore } = await signedIn(() => false);
    await session.invoke('settings.update', { gateway: { pinSha256: ATTACKER_PIN } });
    expect(asked).toEqual([
      {
        gatewayUrl: session.sim.baseUrl,
        inspectorId: inspector.agentId,
        trust: 'pin',
        fingerprint: ATTACKER_PIN_SHOWN,
        presented: null,
      },
    ]);
    await pause(300);
    expect(passwordRequests(sentBefore, inspector.password)).toEqual([]);
    expect(session.core.trayModel().connection.phase).toBe('signed-out');
  });

  it("shows the certificate the gateway presents now; the attacker's pin is refused without a question", async () => {
    const boxes: string[] = [];
    // The real dialogs, answered by someone who clicks the first button of every box.
    const dialogs = createConfirmDialogs({
      ask: async (box) => (boxes.push(`${box.message}\n${box.detail ?? ''}`), true),
      language: () => 'en',
    });
    const { asked, inspector, sentBefore } = await signedIn(() => false, createCertificateLook());
    const simulatorFingerprint = formatFingerprint(session.sim.certSha256);
    // `asked` is what the core put before the person; the real dialogs show it below.
    await session.invoke('settings.update', { gateway: { pinSha256: ATTACKER_PIN } });
    await waitFor(() => asked.length === 1, { what: 'the trust question', intervalMs: 25 });
    expect(asked[0]?.presented).toMatchObject({
      seen: true,
      fingerprint: simulatorFingerprint,
      verdict: 'does-not-match',
    });
    expect(await dialogs.confirmTrustChange(asked[0]!)).toBe(false);
    expect(boxes.at(-1)).toContain('does not match the changed settings');
    expect(boxes.at(-1)).toContain(`The gateway presents now: ${simulatorFingerprint}`);
    await pause(200);
    expect(passwordRequests(sentBefore, inspector.password)).toEqual([]);
    // What was looked at went to the log as a fingerprint and a verdict, never a secret.
    expect(session.logLines.some((line) => line.includes('does-not-match'))).toBe(true);
    expect(
      findSecrets(
        session.logLines.map((text) => ({ label: 'log line', text })),
        [inspector.password, ...session.guids],
      ),
    ).toEqual([]);
  });

  it('a changed address or CA drops the password the same way', async () => {
    const { asked, inspector, sentBefore } = await signedIn(() => false);
    await session.invoke('settings.update', {
      gateway: { url: session.sim.baseUrl.replace('127.0.0.1', 'localhost') },
    });
    expect(session.core.trayModel().connection.phase).toBe('signed-out');
    expect(asked.at(-1)).toMatchObject({ trust: 'private-ca', fingerprint: expect.any(String) });
    expect(passwordRequests(sentBefore, inspector.password)).toEqual([]);
  });

  it('only the person\'s "yes" signs in again under the new trust, and the keychain follows', async () => {
    const { asked, credentials, inspector, sentBefore } = await signedIn(
      () => true,
      createCertificateLook(),
    );
    // The person adds the simulator's own certificate as a pin: a legitimate change.
    const pin = session.sim.certSha256;
    await session.invoke('settings.update', { gateway: { pinSha256: pin } });
    await waitFor(() => session.core.trayModel().connection.phase === 'live', {
      what: 'the new session',
      intervalMs: 25,
    });
    // The question showed the certificate the gateway presents, accepted by the new pin.
    expect(asked[0]?.presented).toMatchObject({
      seen: true,
      fingerprint: formatFingerprint(pin),
      verdict: 'matches',
    });
    const sent = passwordRequests(sentBefore, inspector.password);
    expect(sent.length).toBe(1);
    expect(sent[0]?.trust.pinSha256).toBe(pin);
    const accounts = (await credentials.findCredentials('cc-inspector')).map(
      (entry) => entry.account,
    );
    expect(accounts).toEqual([expect.stringMatching(new RegExp(`#pin-sha256=${pin}$`))]);
  });

  it('keeps the password out of logs, files, results and events on the way', async () => {
    const { inspector } = await signedIn(() => false);
    await session.invoke('settings.update', { gateway: { pinSha256: ATTACKER_PIN } });
    await session.invoke('settings.update', { gateway: { pinSha256: null } });
    const texts = [
      ...session.readAllFiles().map((file) => ({ label: file.path, text: file.text })),
      ...session.logLines.map((text) => ({ label: 'log line', text })),
      ...session.results.map((text) => ({ label: 'IPC result', text })),
      ...session.events.map((text) => ({ label: 'IPC event', text })),
    ];
    expect(session.logLines.some((line) => line.includes('trust changed'))).toBe(true);
    expect(findSecrets(texts, [inspector.password, ...session.guids])).toEqual([]);
  });
});
