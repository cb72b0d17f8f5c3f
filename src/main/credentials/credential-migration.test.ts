import { CREDENTIAL_SERVICE, credentialAccount } from './credential-account';
import { migrateLegacyCredential } from './credential-migration';
import { createMemoryCredentialStore } from './memory-credential-store';

const SYSTEM = { caPem: null, pinSha256: null };
const PIN = { caPem: null, pinSha256: 'cd'.repeat(32) };

async function storeWithLegacy(account = '2001@gw:8043', password = 'legacy-pw') {
  const store = createMemoryCredentialStore();
  await store.setPassword(CREDENTIAL_SERVICE, account, password);
  return store;
}

describe('migrateLegacyCredential', () => {
  it('moves a host:port entry to the https account under the configured trust', async () => {
    const store = await storeWithLegacy();
    expect(await migrateLegacyCredential(store, 'https://gw:8043', '2001', PIN)).toBe('migrated');
    expect(await store.findCredentials(CREDENTIAL_SERVICE)).toEqual([
      { account: credentialAccount('https://gw:8043', '2001', PIN), password: 'legacy-pw' },
    ]);
    // Once moved there is nothing left to move.
    expect(await migrateLegacyCredential(store, 'https://gw:8043', '2001', PIN)).toBe(
      'nothing-to-migrate',
    );
  });

  it('never moves a legacy entry into an http account', async () => {
    const store = await storeWithLegacy();
    expect(await migrateLegacyCredential(store, 'http://gw:8043', '2001', SYSTEM)).toBe(
      'not-https',
    );
    expect(await store.getPassword(CREDENTIAL_SERVICE, '2001@gw:8043')).toBe('legacy-pw');
    expect(
      await store.getPassword(
        CREDENTIAL_SERVICE,
        credentialAccount('http://gw:8043', '2001', SYSTEM),
      ),
    ).toBeNull();
  });

  it('keeps a password this version stored since, and drops the legacy one', async () => {
    const store = await storeWithLegacy();
    const current = credentialAccount('https://gw:8043', '2001', SYSTEM);
    await store.setPassword(CREDENTIAL_SERVICE, current, 'newer');
    expect(await migrateLegacyCredential(store, 'https://gw:8043', '2001', SYSTEM)).toBe(
      'migrated',
    );
    expect(await store.findCredentials(CREDENTIAL_SERVICE)).toEqual([
      { account: current, password: 'newer' },
    ]);
  });

  it('leaves entries of other gateways and inspectors alone', async () => {
    const store = await storeWithLegacy('2002@gw:8043');
    await store.setPassword(CREDENTIAL_SERVICE, '2001@other:8043', 'other');
    expect(await migrateLegacyCredential(store, 'https://gw:8043', '2001', SYSTEM)).toBe(
      'nothing-to-migrate',
    );
    expect((await store.findCredentials(CREDENTIAL_SERVICE)).length).toBe(2);
  });
});
