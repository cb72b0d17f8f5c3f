#!/usr/bin/env node
/**
 * The keychain's native binaries for every packaging target. @napi-rs/keyring ships one npm
 * package per platform (`@napi-rs/keyring-darwin-arm64`, …) and npm installs only the build
 * machine's, so a macOS or Windows installer made elsewhere would lack its binary. This reads
 * the targets of electron-builder.yml and puts each target's package into node_modules — the
 * version @napi-rs/keyring pins, checked against package-lock.json's integrity — where
 * electron-builder's module collector picks it up and `asarUnpack` unpacks it.
 *
 *   node scripts/keyring-binaries.mjs --check     list what each target needs; exit 1 if missing
 *   node scripts/keyring-binaries.mjs --install   fetch what is missing (`npm pack`), then check
 *
 * `npm run dist` runs --install before electron-builder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's platform keys → Node's process.platform. */
const PLATFORMS = { win: 'win32', mac: 'darwin', linux: 'linux' };
/** What each platform builds when a target names no arch (electron-builder's default). */
const DEFAULT_ARCH = { win32: ['x64'], darwin: ['x64'], linux: ['x64'] };

/** The package @napi-rs/keyring's loader requires on `platform`/`arch` (same table as keyring-binding.ts). */
export function keyringPackageFor(platform, arch) {
  const suffix = {
    win32: { x64: 'win32-x64-msvc', arm64: 'win32-arm64-msvc', ia32: 'win32-ia32-msvc' },
    darwin: { x64: 'darwin-x64', arm64: 'darwin-arm64' },
    linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu', armv7l: 'linux-arm-gnueabihf' },
  }[platform]?.[arch];
  return suffix === undefined ? null : `@napi-rs/keyring-${suffix}`;
}

/** Every platform/arch pair electron-builder.yml packages (a mac `universal` is both arches). */
export function packagingTargets(config) {
  const targets = [];
  for (const [key, platform] of Object.entries(PLATFORMS)) {
    const section = config[key];
    if (!section) continue;
    const entries = Array.isArray(section.target) ? section.target : [section.target ?? {}];
    for (const entry of entries) {
      const arches = (typeof entry === 'object' && entry?.arch) || DEFAULT_ARCH[platform];
      for (const arch of [arches].flat()) {
        for (const one of arch === 'universal' ? ['x64', 'arm64'] : [arch]) {
          if (!targets.some((t) => t.platform === platform && t.arch === one))
            targets.push({ platform, arch: one });
        }
      }
    }
  }
  return targets;
}

/** Each target with the package it needs, whether it is installed, and the version pinned. */
export function planKeyringBinaries(config, nodeModules = join(root, 'node_modules')) {
  const keyring = JSON.parse(
    readFileSync(join(nodeModules, '@napi-rs', 'keyring', 'package.json'), 'utf8'),
  );
  return packagingTargets(config).map(({ platform, arch }) => {
    const name = keyringPackageFor(platform, arch);
    const version = name ? (keyring.optionalDependencies?.[name] ?? null) : null;
    const manifest = name ? join(nodeModules, ...name.split('/'), 'package.json') : null;
    const installed =
      manifest !== null &&
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).version === version;
    return { platform, arch, name, version, installed };
  });
}

/** `npm pack` one package into node_modules, refusing a tarball that differs from the lockfile. */
function installPackage(name, version, nodeModules) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const expected = lock.packages?.[`node_modules/${name}`]?.integrity;
  if (!expected) throw new Error(`package-lock.json records no integrity for ${name}`);
  const work = mkdtempSync(join(tmpdir(), 'cc-keyring-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = JSON.parse(
      execFileSync(npm, ['pack', `${name}@${version}`, '--json', '--pack-destination', work], {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      }),
    );
    const tarball = join(work, packed[0].filename);
    const [algorithm, digest] = expected.split('-');
    const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
    if (actual !== digest) throw new Error(`${name}@${version} does not match package-lock.json`);
    execFileSync('tar', ['-xzf', tarball, '-C', work]);
    const target = join(nodeModules, ...name.split('/'));
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(work, 'package'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  const yaml = require('js-yaml');
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const nodeModules = join(root, 'node_modules');
  if (argv.includes('--install')) {
    for (const { name, version, installed } of planKeyringBinaries(config, nodeModules)) {
      if (installed || !name || !version) continue;
      process.stdout.write(`fetching ${name}@${version}\n`);
      installPackage(name, version, nodeModules);
    }
  }
  const plan = planKeyringBinaries(config, nodeModules);
  for (const entry of plan) {
    const state = entry.installed ? 'ok' : 'MISSING';
    process.stdout.write(
      `${entry.platform}-${entry.arch}: ${entry.name ?? 'no keyring binary'}@${entry.version ?? '?'} ${state}\n`,
    );
  }
  return plan.every((entry) => entry.installed) ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
