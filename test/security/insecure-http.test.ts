/**
 * Issue 9, "no cleartext password, ever by accident", in the app: through the real IPC binding,
 * a plain-HTTP gateway is refused in settings and at sign-in (a listening socket records that
 * nothing arrived); the visible opt-in allows it for a lab gateway, but then the password is
 * typed each time — the keychain is never read or written — and a pin or private CA still
 * refuses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCredentialStore } from '../../src/main/credentials';
import type { CredentialStore } from '../../src/main/supervisor';
import { startRecordingSocket, type RecordingSocket } from '../support/gateway/recording-socket';
import { pause } from '../support/wait-for';
import { findSecrets, startCapturedSession, type CapturedSession } from './session-capture';

describe('a plain-HTTP gateway in the app', () => {
  let session: CapturedSession;
  let socket: RecordingSocket;
  let keychainCalls: string[];

  afterEach(async () => {
    await session.close();
    await socket.close();
  });

  async function start() {
    socket = await startRecordingSocket((connection) => connection.end());
    const store = createMemoryCredentialStore();
    keychainCalls = [];
    const counting: CredentialStore = {
      getPassword: (service, account) => (
        keychainCalls.push(`get ${account}`),
        store.getPassword(service, account)
      ),
      setPassword: (service, account, password) => (
        keychainCalls.push(`set ${account}`),
        store.setPassword(service, account, password)
      ),
      deletePassword: (service, account) => (
        keychainCalls.push(`delete ${account}`),
        store.deletePassword(service, account)
      ),
      findCredentials: (service) => store.findCredentials(service),
    };
    session = await startCapturedSession({ credentials: counting });
    const inspector = session.sim.inspectors[0]!;
    const httpUrl = `http://127.0.0.1:${socket.port}`;
    // Whatever an earlier version or an attacker left in the keychain for this address.
    for (const account of [
      `${inspector.agentId}@${httpUrl}`,
      `${inspector.agentId}@127.0.0.1:${socket.port}`,
    ])
      await store.setPassword('cc-inspector', account, inspector.password);
    const signIn = (extra: { password?: string; remember?: boolean } = {}) =>
      session.invoke('session.signIn', {
        gatewayUrl: httpUrl,
        inspectorId: inspector.agentId,
        phoneNumber: inspector.phoneNumber,
        remember: false,
        ...extra,
      });
    return { inspector, httpUrl, signIn };
  }

  it('is refused in settings without the opt-in, with a typed error naming the fix', async () => {
    const { httpUrl } = await start();
    const refused = await session.invoke('settings.update', {
      gateway: { url: httpUrl, caPem: null },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'insecure-gateway', field: 'gateway.url' },
    });
    expect(!refused.ok && refused.error.message).toMatch(
      /clear text.*https:\/\/.*Allow plain HTTP/,
    );
    expect(!refused.ok && refused.error.messageZh).toMatch(/允许明文 HTTP/);
    const snapshot = await session.invoke('app.getSnapshot', {});
    expect(snapshot.ok && snapshot.value.settings.gateway.url).toBe(session.sim.baseUrl);
  });

  it('is refused at sign-in without the opt-in, and nothing reaches the socket', async () => {
    const { inspector, signIn } = await start();
    expect(await signIn({ password: inspector.password })).toMatchObject({
      ok: false,
      error: { code: 'insecure-gateway', field: 'gatewayUrl' },
    });
    expect(await signIn()).toMatchObject({ ok: false, error: { code: 'insecure-gateway' } });
    await pause(100);
    expect(socket.connections).toBe(0);
    expect(keychainCalls).toEqual([]);
  });

  it('with the opt-in, never takes a remembered password, and never remembers one', async () => {
    const { inspector, signIn } = await start();
    expect(
      (
        await session.invoke('settings.update', {
          gateway: { caPem: null, allowInsecureHttp: true },
        })
      ).ok,
    ).toBe(true);
    expect(await signIn()).toMatchObject({
      ok: false,
      error: { code: 'no-password', field: 'password' },
    });
    expect(socket.connections).toBe(0);
    expect(keychainCalls).toEqual([]);
    // Typed, it goes out — over plain HTTP, as the person chose — and is not stored.
    await signIn({ password: inspector.password, remember: true });
    expect(socket.received()).toContain(inspector.password);
    expect(keychainCalls).toEqual([]);
    expect(session.events.some((event) => event.includes('typed each time'))).toBe(true);
  });

  it('is refused even with the opt-in when a pin or private CA is configured', async () => {
    const { inspector, httpUrl, signIn } = await start();
    // The captured session trusts the simulator's private CA.
    const refused = await session.invoke('settings.update', {
      gateway: { url: httpUrl, allowInsecureHttp: true },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'insecure-gateway' } });
    expect(!refused.ok && refused.error.message).toMatch(/only TLS can check/);
    expect(
      (
        await session.invoke('settings.update', {
          gateway: { caPem: null, allowInsecureHttp: true },
        })
      ).ok,
    ).toBe(true);
    await session.invoke('settings.update', { gateway: { pinSha256: 'ab'.repeat(32) } });
    expect(await signIn({ password: inspector.password })).toMatchObject({
      ok: false,
      error: { code: 'insecure-gateway' },
    });
    expect(socket.connections).toBe(0);
  });

  it('at start-up, signs nobody in over plain HTTP from the keychain', async () => {
    const { httpUrl, inspector } = await start();
    await session.invoke('settings.update', {
      gateway: { url: httpUrl, caPem: null, allowInsecureHttp: true },
    });
    keychainCalls.length = 0;
    await session.core.start({ demo: false });
    await pause(200);
    expect(socket.connections).toBe(0);
    expect(keychainCalls).toEqual([]);
    expect(session.core.trayModel().connection.phase).toBe('signed-out');
    const texts = [
      ...session.readAllFiles().map((file) => ({ label: file.path, text: file.text })),
      ...session.logLines.map((text) => ({ label: 'log line', text })),
      ...session.results.map((text) => ({ label: 'IPC result', text })),
      ...session.events.map((text) => ({ label: 'IPC event', text })),
    ];
    expect(findSecrets(texts, [inspector.password])).toEqual([]);
  });
});
