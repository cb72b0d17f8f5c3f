import { createMemoryCredentialStore } from './memory-credential-store';

describe('createMemoryCredentialStore', () => {
  it('stores, finds, replaces and deletes passwords per service and account', async () => {
    const store = createMemoryCredentialStore();
    expect(await store.getPassword('svc', 'a')).toBeNull();
    await store.setPassword('svc', 'a', 'one');
    await store.setPassword('svc', 'b', 'two');
    await store.setPassword('other', 'a', 'three');
    await store.setPassword('svc', 'a', 'uno');
    expect(await store.getPassword('svc', 'a')).toBe('uno');
    expect(await store.findCredentials('svc')).toEqual([
      { account: 'a', password: 'uno' },
      { account: 'b', password: 'two' },
    ]);
    expect(await store.deletePassword('svc', 'a')).toBe(true);
    expect(await store.deletePassword('svc', 'a')).toBe(false);
    expect(await store.deletePassword('nowhere', 'a')).toBe(false);
    expect(await store.getPassword('other', 'a')).toBe('three');
    expect(await store.findCredentials('nowhere')).toEqual([]);
  });

  it('keeps each store separate', async () => {
    const first = createMemoryCredentialStore();
    await first.setPassword('svc', 'a', 'one');
    expect(await createMemoryCredentialStore().getPassword('svc', 'a')).toBeNull();
  });
});
