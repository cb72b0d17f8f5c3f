/**
 * The OS keychain adapter against a REAL Secret Service. Run it through
 * scripts/with-keychain.sh (npm run test:keychain), which provides a private D-Bus session with
 * an unlocked gnome-keyring in a throwaway HOME; outside it, require-keychain-sandbox.ts stops
 * the run before any test touches a keychain.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  CREDENTIAL_SERVICE,
  createKeyringCredentialStore,
  credentialAccount,
  legacyCredentialAccount,
  migrateLegacyCredential,
} from '../../src/main/credentials';
import { KeychainUnavailableError } from '../../src/main/supervisor/ports';

const runFile = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/try-keychain-operations.ts', import.meta.url));
// A service of its own per run, so even a run outside the sandbox cannot touch real entries.
const service = `cc-inspector-keychain-test-${process.pid}`;

describe('keyring credential store (real Secret Service)', () => {
  const store = createKeyringCredentialStore();
  const SYSTEM = { caPem: null, pinSha256: null };
  const first = credentialAccount('https://gw.test:8043', '2001', SYSTEM);
  const second = credentialAccount('https://gw.test:9043', '2001', SYSTEM);

  afterAll(async () => {
    await store.deletePassword(service, first);
    await store.deletePassword(service, second);
  });

  it('stores, reads, finds, replaces and deletes a password', async () => {
    expect(await store.getPassword(service, first)).toBeNull();
    await store.setPassword(service, first, 'pässwörd one');
    await store.setPassword(service, second, 'two');
    expect(await store.getPassword(service, first)).toBe('pässwörd one');

    const found = await store.findCredentials(service);
    expect(found.sort((a, b) => a.account.localeCompare(b.account))).toEqual([
      { account: first, password: 'pässwörd one' },
      { account: second, password: 'two' },
    ]);

    await store.setPassword(service, first, 'replaced');
    expect(await store.getPassword(service, first)).toBe('replaced');

    expect(await store.deletePassword(service, first)).toBe(true);
    expect(await store.deletePassword(service, first)).toBe(false);
    expect(await store.getPassword(service, first)).toBeNull();
    expect(await store.findCredentials(service)).toEqual([{ account: second, password: 'two' }]);
  });

  it('reports KeychainUnavailableError, with what is missing, when no D-Bus session can be reached', async () => {
    const { stdout } = await runFile(process.execPath, ['--import', 'tsx', fixture, service], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cc-inspector-bus' },
      timeout: 15_000,
    });
    const results = stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { operation: string; error?: { name: string; message: string } },
      );
    expect(results.map((result) => result.operation)).toEqual([
      'getPassword',
      'setPassword',
      'deletePassword',
      'findCredentials',
    ]);
    for (const result of results) {
      expect(result.error?.name).toBe(new KeychainUnavailableError('').name);
      expect(result.error?.message).toMatch(/No D-Bus session bus can be reached/);
      expect(result.error?.message).not.toContain('never-stored');
    }
    // Nothing leaked into the real (sandboxed) keychain either.
    expect(await store.getPassword(service, '2001@gw.test:8043')).toBeNull();
  });

  // Issue 9: entries of the earlier naming (host:port, no scheme, no trust) move to the https
  // account under the configured trust, once, in the real keychain too.
  it('migrates an entry of the earlier naming to the https account of the configured trust', async () => {
    // The product's service, inside the sandbox: an inspector id of this run keeps it apart.
    const inspector = String(100_000 + (process.pid % 800_000));
    const pin = { caPem: null, pinSha256: 'ef'.repeat(32) };
    const legacy = legacyCredentialAccount('https://gw.test:8043', inspector);
    const migrated = credentialAccount('https://gw.test:8043', inspector, pin);
    try {
      await store.setPassword(CREDENTIAL_SERVICE, legacy, 'from an earlier version');
      expect(await migrateLegacyCredential(store, 'http://gw.test:8043', inspector, pin)).toBe(
        'not-https',
      );
      expect(await migrateLegacyCredential(store, 'https://gw.test:8043', inspector, pin)).toBe(
        'migrated',
      );
      expect(await store.getPassword(CREDENTIAL_SERVICE, migrated)).toBe('from an earlier version');
      expect(await store.getPassword(CREDENTIAL_SERVICE, legacy)).toBeNull();
      expect(
        await store.getPassword(
          CREDENTIAL_SERVICE,
          credentialAccount('http://gw.test:8043', inspector, SYSTEM),
        ),
      ).toBeNull();
    } finally {
      await store.deletePassword(CREDENTIAL_SERVICE, legacy);
      await store.deletePassword(CREDENTIAL_SERVICE, migrated);
    }
  });
});
