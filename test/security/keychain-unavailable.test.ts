/**
 * No OS keychain: the supervisor says so clearly (a typed keychain-unavailable error and a
 * notice that says what is missing), still signs in with the password typed this time, and the
 * password is written nowhere — not in settings, logs, the journal or anything sent to the
 * renderer. On Linux this is the real @napi-rs/keyring adapter pointed at a D-Bus address that
 * does not exist (what a machine without a Secret Service looks like); elsewhere a stand-in
 * that fails the way the adapter does, so the test never touches a developer's real keychain.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyringCredentialStore, explainKeychainFailure } from '../../src/main/credentials';
import type { CredentialStore } from '../../src/main/supervisor';
import { findSecrets, startCapturedSession, type CapturedSession } from './session-capture';

function createUnavailableKeychain(): CredentialStore {
  if (process.platform === 'linux') return createKeyringCredentialStore();
  const fail = (operation: string) => () =>
    Promise.reject(explainKeychainFailure(new Error('Platform failure: no keychain'), operation));
  return {
    getPassword: fail('read the password'),
    setPassword: fail('store the password'),
    deletePassword: fail('delete the password'),
    findCredentials: fail('list'),
  };
}

describe('no OS keychain', () => {
  const savedBus = process.env.DBUS_SESSION_BUS_ADDRESS;
  let session: CapturedSession;

  beforeEach(async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(tmpdir(), 'cc-inspector-no-such-bus')}`;
    session = await startCapturedSession({ credentials: createUnavailableKeychain() });
  });

  afterEach(async () => {
    await session.close();
    if (savedBus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = savedBus;
  });

  it('explains itself, signs in with the typed password, and stores it nowhere', async () => {
    const { sim, core } = session;
    const inspector = sim.inspectors[0]!;
    await core.start({ demo: false });
    const snapshot = await session.invoke('app.getSnapshot', {});
    expect(snapshot.ok).toBe(true);
    if (snapshot.ok) {
      expect(snapshot.value.keychainAvailable).toBe(false);
      expect(snapshot.value.startupNotices.map((notice) => notice.message).join(' ')).toMatch(
        /keychain|Secret Service|D-Bus/i,
      );
    }

    // Signing in without a password needs the keychain: a typed error that says why.
    const withoutPassword = await session.invoke('session.signIn', {
      gatewayUrl: sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      remember: true,
    });
    expect(withoutPassword.ok).toBe(false);
    if (!withoutPassword.ok) {
      expect(withoutPassword.error.code).toBe('keychain-unavailable');
      expect(withoutPassword.error.message).toMatch(/enter it each time/);
      expect(withoutPassword.error.messageZh.length).toBeGreaterThan(0);
    }

    // With the password typed in (and "remember" ticked), the session still works.
    const signedIn = await session.invoke('session.signIn', {
      gatewayUrl: sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      password: inspector.password,
      remember: true,
    });
    expect(signedIn).toEqual({ ok: true, value: null });
    expect(
      session.events.some(
        (event) =>
          event.includes('"inspector:evt:notice"') && /keychain|Secret Service|D-Bus/i.test(event),
      ),
    ).toBe(true);
    const later = await session.invoke('app.getSnapshot', {});
    expect(later.ok && later.value.passwordRemembered).toBe(false);
    await session.invoke('session.signOut', { forgetPassword: true });

    const texts = [
      ...session.readAllFiles().map((file) => ({ label: file.path, text: file.text })),
      ...session.logLines.map((text) => ({ label: 'log', text })),
      ...session.results.map((text) => ({ label: 'result', text })),
      ...session.events.map((text) => ({ label: 'event', text })),
    ];
    expect(texts.some((entry) => entry.label.endsWith('settings.json'))).toBe(true);
    expect(findSecrets(texts, [inspector.password])).toEqual([]);
  });

  it('refuses with the same clear error when the password is to be forgotten', async () => {
    await session.core.start({ demo: false });
    const result = await session.invoke('session.signOut', { forgetPassword: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('keychain-unavailable');
  });
});
