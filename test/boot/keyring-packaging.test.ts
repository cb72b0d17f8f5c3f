/**
 * The packaging check of the keychain binding. Platform facts it rests on:
 * - @napi-rs/keyring's loader (its index.js) requires one npm package per platform and arch,
 *   listed as its optionalDependencies with `os`/`cpu` fields, so npm installs only the build
 *   machine's (package-lock.json records them all, with their integrity);
 * - electron-builder's npm module collector (app-builder-lib node-module-collector) packs
 *   whatever optional dependency is present in node_modules, and `asarUnpack` must cover the
 *   `.node` file, which cannot be loaded from inside the asar.
 * So for every target of electron-builder.yml: the package is pinned and locked, matches the
 * target's os/cpu, is what the loader and src/main/credentials/keyring-binding.ts ask for,
 * is unpacked — and scripts/keyring-binaries.mjs (run by `npm run dist`) says what is missing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyringPlatformPackage } from '../../src/main/credentials/keyring-binding';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const minimatch = require('minimatch') as (
  path: string,
  pattern: string,
  options?: object,
) => boolean;

interface Target {
  platform: string;
  arch: string;
}
interface PlanEntry extends Target {
  name: string | null;
  version: string | null;
  installed: boolean;
}
interface ScriptModule {
  keyringPackageFor(platform: string, arch: string): string | null;
  packagingTargets(config: unknown): Target[];
  planKeyringBinaries(config: unknown, nodeModules?: string): PlanEntry[];
}

const script = (await import(
  join(root, 'scripts', 'keyring-binaries.mjs')
)) as unknown as ScriptModule;
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  asarUnpack: string[];
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; integrity?: string; os?: string[]; cpu?: string[] }>;
};
const keyringRoot = join(root, 'node_modules', '@napi-rs', 'keyring');
const keyringManifest = JSON.parse(readFileSync(join(keyringRoot, 'package.json'), 'utf8')) as {
  version: string;
  optionalDependencies: Record<string, string>;
};
const loaderSource = readFileSync(join(keyringRoot, 'index.js'), 'utf8');
const targets = script.packagingTargets(config);

describe('keychain binding in every packaged target', () => {
  it('reads the Windows x64 and macOS x64 + arm64 targets from electron-builder.yml', () => {
    expect(targets).toEqual([
      { platform: 'win32', arch: 'x64' },
      { platform: 'darwin', arch: 'x64' },
      { platform: 'darwin', arch: 'arm64' },
    ]);
  });

  it.each(targets)('$platform-$arch: the package is pinned, locked and made for it', (target) => {
    const name = script.keyringPackageFor(target.platform, target.arch) as string;
    expect(name).toBe(keyringPlatformPackage(target.platform, target.arch));
    expect(loaderSource).toContain(`require('${name}')`);
    expect(keyringManifest.optionalDependencies[name]).toBe(keyringManifest.version);
    const locked = lock.packages[`node_modules/${name}`];
    expect(locked?.version).toBe(keyringManifest.version);
    expect(locked?.integrity).toMatch(/^sha512-/);
    expect(locked?.os).toEqual([target.platform]);
    expect(locked?.cpu).toEqual([target.arch]);
  });

  it.each(targets)('$platform-$arch: asarUnpack covers the .node file', (target) => {
    const name = script.keyringPackageFor(target.platform, target.arch) as string;
    const binary = `keyring.${name.replace('@napi-rs/keyring-', '')}.node`;
    expect(loaderSource).toContain(`require('./${binary}')`);
    const path = `node_modules/${name}/${binary}`;
    expect(config.asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true }))).toBe(true);
  });

  it('the dist step reports what this machine lacks and fails until it is fetched', () => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'keyring-binaries.mjs'), '--check'],
      {
        encoding: 'utf8',
      },
    );
    const plan = script.planKeyringBinaries(config);
    for (const entry of plan) {
      expect(run.stdout).toContain(
        `${entry.platform}-${entry.arch}: ${entry.name}@${keyringManifest.version} ${entry.installed ? 'ok' : 'MISSING'}`,
      );
    }
    expect(run.status).toBe(plan.every((entry) => entry.installed) ? 0 : 1);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(
      /node scripts\/keyring-binaries\.mjs --install && electron-builder/,
    );
  });

  it("electron-builder's module collector packs a target's package once it is in node_modules", async () => {
    // A minimal project: the real @napi-rs/keyring manifest, and the darwin-arm64 package as
    // the install step leaves it (name, version, os, cpu, main as published).
    const project = mkdtempSync(join(tmpdir(), 'cc-keyring-pack-'));
    try {
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({
          name: 'fixture',
          version: '1.0.0',
          dependencies: { '@napi-rs/keyring': keyringManifest.version },
        }),
      );
      const modules = join(project, 'node_modules', '@napi-rs');
      mkdirSync(modules, { recursive: true });
      cpSync(keyringRoot, join(modules, 'keyring'), { recursive: true });
      const darwin = join(modules, 'keyring-darwin-arm64');
      mkdirSync(darwin);
      writeFileSync(
        join(darwin, 'package.json'),
        JSON.stringify({
          name: '@napi-rs/keyring-darwin-arm64',
          version: keyringManifest.version,
          os: ['darwin'],
          cpu: ['arm64'],
          main: 'keyring.darwin-arm64.node',
        }),
      );
      writeFileSync(join(darwin, 'keyring.darwin-arm64.node'), 'binary');
      const collectors = require('app-builder-lib/out/node-module-collector') as {
        getCollectorByPackageManager(
          pm: string,
          dir: string,
          tmp: unknown,
        ): {
          getNodeModules(options: { packageName: string }): Promise<{
            nodeModules: Array<{ name: string; dependencies?: unknown[] }>;
          }>;
        };
        PM: { NPM: string };
      };
      const { TmpDir } = require('builder-util') as {
        TmpDir: new (name: string) => { cleanup(): Promise<void> };
      };
      const temp = new TmpDir('cc-keyring-pack');
      try {
        const collector = collectors.getCollectorByPackageManager(collectors.PM.NPM, project, temp);
        const { nodeModules } = await collector.getNodeModules({ packageName: 'fixture' });
        const names: string[] = [];
        const walk = (list: Array<{ name: string; dependencies?: unknown[] }>): void => {
          for (const module of list) {
            names.push(module.name);
            walk((module.dependencies ?? []) as typeof list);
          }
        };
        walk(nodeModules);
        expect(names).toEqual(
          expect.arrayContaining(['@napi-rs/keyring', '@napi-rs/keyring-darwin-arm64']),
        );
      } finally {
        await temp.cleanup();
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 60_000);
});
