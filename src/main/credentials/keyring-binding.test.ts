/**
 * Platform facts: @napi-rs/keyring 2.1 is a JS loader whose index.js requires one npm package
 * per platform (`@napi-rs/keyring-darwin-arm64`, `-win32-x64-msvc`, …, its optionalDependencies),
 * and npm installs only the one matching the machine that runs `npm ci`; without it the loader
 * throws "Cannot find native binding" (the text below is the loader's own).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KeychainUnavailableError } from '../supervisor/ports';
import {
  createKeyringLoader,
  keyringPlatformPackage,
  type KeyringBinding,
} from './keyring-binding';
import { createKeyringCredentialStore } from './keyring-credential-store';

const require = createRequire(import.meta.url);
const keyringRoot = require.resolve('@napi-rs/keyring/package.json').replace(/package\.json$/, '');
const loaderSource = readFileSync(`${keyringRoot}index.js`, 'utf8');
const keyringPackage = JSON.parse(readFileSync(`${keyringRoot}package.json`, 'utf8')) as {
  optionalDependencies: Record<string, string>;
};
const NO_BINDING =
  'Cannot find native binding. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828).';

const TARGETS = [
  ['win32', 'x64'],
  ['win32', 'arm64'],
  ['darwin', 'x64'],
  ['darwin', 'arm64'],
  ['linux', 'x64'],
  ['linux', 'arm64'],
] as const;

describe('keyringPlatformPackage', () => {
  it("names the package @napi-rs/keyring's own loader requires on each desktop target", () => {
    for (const [platform, arch] of TARGETS) {
      const name = keyringPlatformPackage(platform, arch) as string;
      expect(loaderSource, name).toContain(`require('${name}')`);
      expect(keyringPackage.optionalDependencies[name], name).toBeDefined();
    }
    expect(keyringPlatformPackage('aix', 'ppc64')).toBeNull();
  });
});

describe('createKeyringLoader', () => {
  const fakeBinding: KeyringBinding = {
    AsyncEntry: class {
      getPassword = () => Promise.resolve('secret');
    } as unknown as KeyringBinding['AsyncEntry'],
    findCredentialsAsync: () => Promise.resolve([]),
  };

  it('loads the real binding of this machine', () => {
    const binding = createKeyringLoader()();
    expect(typeof binding.AsyncEntry).toBe('function');
    expect(typeof binding.findCredentialsAsync).toBe('function');
  });

  it('falls back to the platform package when the loader guesses wrong', () => {
    const asked: string[] = [];
    const load = createKeyringLoader({
      platform: 'win32',
      arch: 'x64',
      requireModule: (name) => {
        asked.push(name);
        if (name === '@napi-rs/keyring') throw new Error(NO_BINDING);
        return fakeBinding;
      },
    });
    expect(load()).toBe(fakeBinding);
    expect(asked).toEqual(['@napi-rs/keyring', '@napi-rs/keyring-win32-x64-msvc']);
  });

  it('turns a missing binary into KeychainUnavailableError naming the package, once', () => {
    let attempts = 0;
    const load = createKeyringLoader({
      platform: 'darwin',
      arch: 'arm64',
      requireModule: (name) => {
        attempts += 1;
        throw new Error(name === '@napi-rs/keyring' ? NO_BINDING : `Cannot find module '${name}'`);
      },
    });
    for (let round = 0; round < 3; round += 1) {
      expect(load).toThrow(KeychainUnavailableError);
      expect(load).toThrow(/@napi-rs\/keyring-darwin-arm64.*not part of this installation/);
    }
    expect(attempts).toBe(2);
  });
});

describe('keyring credential store without a binding', () => {
  it('is created without touching the binding, and every call reports the keychain unavailable', async () => {
    let attempts = 0;
    const store = createKeyringCredentialStore({
      loadBinding: createKeyringLoader({
        platform: 'win32',
        arch: 'x64',
        requireModule: () => {
          attempts += 1;
          throw new Error(NO_BINDING);
        },
      }),
    });
    expect(attempts).toBe(0);
    await expect(store.getPassword('cc-inspector', '2001@gw:8043')).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
    await expect(store.setPassword('cc-inspector', '2001@gw:8043', 'pw')).rejects.toThrow(
      /keyring-win32-x64-msvc/,
    );
    await expect(store.findCredentials('cc-inspector')).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
  });
});
