/**
 * Loads @napi-rs/keyring on first use instead of at start-up. The package is a JS loader plus
 * one prebuilt binary per platform, each in its own npm package (`@napi-rs/keyring-darwin-arm64`
 * …) that npm installs only for the machine it runs on; a build that lacks the right one must
 * still start, with the keychain reported unavailable, rather than die before any window with
 * "Cannot find native binding".
 */
import { createRequire } from 'node:module';
import type { AsyncEntry, EntryOptions, findCredentialsAsync } from '@napi-rs/keyring';
import { KeychainUnavailableError } from '../supervisor/ports';

/** What the credential store uses of the binding. */
export interface KeyringBinding {
  AsyncEntry: new (service: string, account: string, options?: EntryOptions) => AsyncEntry;
  findCredentialsAsync: typeof findCredentialsAsync;
}

/**
 * The npm package holding the binary for `platform`/`arch`: the names @napi-rs/keyring's own
 * loader (its index.js) requires; null where it publishes none. Windows and macOS binaries are
 * MSVC and per-architecture; Linux desktops are glibc.
 */
export function keyringPlatformPackage(platform: string, arch: string): string | null {
  const suffix: Record<string, Record<string, string>> = {
    win32: { x64: 'win32-x64-msvc', arm64: 'win32-arm64-msvc', ia32: 'win32-ia32-msvc' },
    darwin: { x64: 'darwin-x64', arm64: 'darwin-arm64' },
    linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu', arm: 'linux-arm-gnueabihf' },
  };
  const name = suffix[platform]?.[arch];
  return name === undefined ? null : `@napi-rs/keyring-${name}`;
}

export interface KeyringLoaderOptions {
  /** Loads a module by name (default: Node's require, resolved from this bundle). */
  requireModule?: (name: string) => unknown;
  platform?: string;
  arch?: string;
}

const isBinding = (value: unknown): value is KeyringBinding =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as KeyringBinding).AsyncEntry === 'function' &&
  typeof (value as KeyringBinding).findCredentialsAsync === 'function';

/**
 * A loader that returns the binding, loading it once. When @napi-rs/keyring's loader finds no
 * binary (its guess can also go wrong, e.g. a GNU rather than MSVC build on Windows), the
 * platform package is required directly; when that fails too, every call throws one
 * KeychainUnavailableError naming the package the installation lacks.
 */
export function createKeyringLoader(options: KeyringLoaderOptions = {}): () => KeyringBinding {
  const requireModule = options.requireModule ?? createRequire(import.meta.url);
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  let outcome: { binding: KeyringBinding } | { error: KeychainUnavailableError } | null = null;

  const load = (): KeyringBinding => {
    const errors: unknown[] = [];
    const platformPackage = keyringPlatformPackage(platform, arch);
    for (const name of ['@napi-rs/keyring', platformPackage]) {
      if (name === null) continue;
      try {
        const loaded = requireModule(name);
        if (isBinding(loaded)) return loaded;
        errors.push(new Error(`${name} does not export the keyring functions`));
      } catch (error) {
        errors.push(error);
      }
    }
    const wanted = platformPackage ?? `a keyring binary for ${platform}-${arch}`;
    throw new KeychainUnavailableError(
      `The OS keychain module for this computer (${wanted}) is not part of this installation, so ` +
        'the password cannot be remembered: enter it each time you sign in. Reinstall CC Inspector ' +
        `from an installer built for ${platform} ${arch}. (${errors.map(String).join('; ')})`,
      { cause: errors[0] },
    );
  };

  return () => {
    if (outcome === null) {
      try {
        outcome = { binding: load() };
      } catch (error) {
        outcome = { error: error as KeychainUnavailableError };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.binding;
  };
}
