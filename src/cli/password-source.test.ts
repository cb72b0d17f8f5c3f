import { PassThrough } from 'node:stream';
import { createMemoryCredentialStore } from '../main/credentials/memory-credential-store';
import { KeychainUnavailableError, type CredentialStore } from '../main/supervisor/ports';
import { CliError } from './cli-error';
import { createTranslator } from './cli-i18n';
import { createLineSource } from './line-source';
import { resolvePassword, type PasswordRequest } from './password-source';

function stdinWith(text: string | null) {
  const input = new PassThrough();
  if (text !== null) input.end(text);
  return createLineSource(input);
}

function request(
  overrides: Partial<PasswordRequest>,
  credentials: CredentialStore = createMemoryCredentialStore(),
): PasswordRequest {
  return {
    passwordStdin: false,
    env: {},
    stdinLines: () => stdinWith(''),
    credentials: () => credentials,
    gatewayUrl: 'https://gw.test:8043',
    agentId: '2001',
    trust: { caPem: null, pinSha256: null },
    insecureHttp: false,
    t: createTranslator('en'),
    ...overrides,
  };
}

describe('resolvePassword', () => {
  it('takes the first stdin line with --password-stdin and leaves the rest', async () => {
    const lines = stdinWith('s3cret pass\r\nlisten 1002\n');
    const result = await resolvePassword(
      request({
        passwordStdin: true,
        stdinLines: () => lines,
        env: { CC_INSPECTOR_PASSWORD: 'env' },
      }),
    );
    expect(result).toEqual({ password: 's3cret pass', origin: 'stdin' });
    expect(await lines.next()).toBe('listen 1002');
  });

  it('refuses an empty standard input', async () => {
    await expect(
      resolvePassword(request({ passwordStdin: true, stdinLines: () => stdinWith('') })),
    ).rejects.toThrow(/ended before a password line/);
  });

  it('uses CC_INSPECTOR_PASSWORD before the keychain', async () => {
    const store = createMemoryCredentialStore();
    await store.setPassword('cc-inspector', '2001@https://gw.test:8043', 'kept');
    expect(
      await resolvePassword(request({ env: { CC_INSPECTOR_PASSWORD: 'from-env' } }, store)),
    ).toEqual({ password: 'from-env', origin: 'environment' });
    expect(await resolvePassword(request({}, store))).toEqual({
      password: 'kept',
      origin: 'keychain',
    });
  });

  // Issue 15: "no password given" is a usage error (exit 2), said in one line with the fix apart.
  it('says how to give a password when none is stored (exit 2)', async () => {
    const error = await resolvePassword(request({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe('No password for 2001@https://gw.test:8043.');
    expect((error as CliError).hint).toMatch(/--password-stdin.*CC_INSPECTOR_PASSWORD/);
  });

  it('asks on the terminal when nothing else gives a password, after the keychain', async () => {
    const questions: string[] = [];
    const prompt = async (question: string) => (questions.push(question), 'typed-secret');
    expect(await resolvePassword(request({ prompt }))).toEqual({
      password: 'typed-secret',
      origin: 'prompt',
    });
    expect(questions).toEqual(['Password of inspector 2001 at https://gw.test:8043: ']);
    // The environment still wins, and nothing is asked then.
    await resolvePassword(request({ prompt, env: { CC_INSPECTOR_PASSWORD: 'x' } }));
    expect(questions).toHaveLength(1);
    // Nothing typed (no terminal): the usage error.
    await expect(resolvePassword(request({ prompt: async () => null }))).rejects.toMatchObject({
      kind: 'no-password',
      exitCode: 2,
    });
  });

  it('explains a missing keychain without hiding what to do instead', async () => {
    const broken: CredentialStore = {
      ...createMemoryCredentialStore(),
      getPassword: () =>
        Promise.reject(new KeychainUnavailableError('No D-Bus session bus can be reached.')),
    };
    const error = await resolvePassword(request({}, broken)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'keychain-unavailable', exitCode: 2 });
    expect((error as Error).message).toMatch(/No D-Bus session bus can be reached\./);
    expect((error as CliError).hint).toMatch(/CC_INSPECTOR_PASSWORD/);
  });

  // Issue 9: a remembered password must never go out over plain HTTP.
  it('never asks the keychain over plain HTTP, even when it holds a password', async () => {
    const store = createMemoryCredentialStore();
    await store.setPassword('cc-inspector', '2001@http://gw.test:8043', 'kept');
    await store.setPassword('cc-inspector', '2001@gw.test:8043', 'legacy');
    let asked = 0;
    const counting: CredentialStore = {
      ...store,
      getPassword: (...args) => ((asked += 1), store.getPassword(...args)),
    };
    const error = await resolvePassword(
      request({ gatewayUrl: 'http://gw.test:8043', insecureHttp: true }, counting),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'no-password', exitCode: 2 });
    expect((error as Error).message).toMatch(/never taken from the keychain/);
    expect((error as CliError).hint).toMatch(/--password-stdin/);
    expect(asked).toBe(0);
    // A typed password is still accepted for a lab gateway.
    expect(
      await resolvePassword(
        request({ insecureHttp: true, env: { CC_INSPECTOR_PASSWORD: 'typed' } }, counting),
      ),
    ).toEqual({ password: 'typed', origin: 'environment' });
  });

  it('finds a password only under the trust it was remembered with', async () => {
    const store = createMemoryCredentialStore();
    const pinned = { caPem: null, pinSha256: 'ab'.repeat(32) };
    await store.setPassword(
      'cc-inspector',
      `2001@https://gw.test:8043#pin-sha256=${'ab'.repeat(32)}`,
      'pinned',
    );
    expect(await resolvePassword(request({ trust: pinned }, store))).toEqual({
      password: 'pinned',
      origin: 'keychain',
    });
    await expect(
      resolvePassword(request({ trust: { caPem: null, pinSha256: 'cd'.repeat(32) } }, store)),
    ).rejects.toMatchObject({ kind: 'no-password' });
  });

  it('migrates an entry an earlier version remembered (host:port) to the https account', async () => {
    const store = createMemoryCredentialStore();
    await store.setPassword('cc-inspector', '2001@gw.test:8043', 'legacy');
    expect(await resolvePassword(request({}, store))).toEqual({
      password: 'legacy',
      origin: 'keychain',
    });
    expect(await store.findCredentials('cc-inspector')).toEqual([
      { account: '2001@https://gw.test:8043', password: 'legacy' },
    ]);
  });
});
