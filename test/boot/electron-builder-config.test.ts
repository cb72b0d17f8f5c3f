/**
 * electron-builder cannot run here (it downloads Electron), so this checks what can be checked
 * of the packaging config: it passes electron-builder's own schema, the fuses are those of the
 * security checklist, the targets are NSIS and dmg, and every file it names exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
// js-yaml and app-builder-lib come with electron-builder (no type declarations of their own).
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(
    config: unknown,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>;
};

interface TargetEntry {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: TargetEntry[] };
  mac: {
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    target: TargetEntry[];
  };
  directories: { buildResources: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(
      builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Issue 9: the page comes from app://, so file:// gets no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer for Windows and a hardened dmg for macOS', () => {
    expect(config.win.target.map((entry) => entry.target)).toEqual(['nsis']);
    expect(config.mac.target.map((entry) => entry.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('names files that exist: icons, entitlements, the tray images the app loads', () => {
    for (const file of [
      config.win.icon,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
    ]) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    expect(existsSync(join(root, config.directories.buildResources))).toBe(true);
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    for (const state of ['idle', 'inspecting', 'reconnecting', 'signed-out']) {
      for (const name of [
        `${state}.png`,
        `${state}@2x.png`,
        `${state}Template.png`,
        `${state}Template@2x.png`,
      ]) {
        const path = join(root, 'resources', 'tray', name);
        expect(readFileSync(path).subarray(1, 4).toString(), name).toBe('PNG');
      }
    }
    const icon = readFileSync(join(root, 'resources', 'icon.png'));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('packs the built app and the tray images, and unpacks the keychain module', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        'resources/tray/**',
      ]),
    );
    expect(config.asarUnpack).toContain('node_modules/@napi-rs/keyring*/**');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('./out/main/index.js');
  });

  it('uses the same app id as the app (Windows ties notifications to it)', () => {
    const main = readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8');
    expect(main).toContain(`const APP_ID = '${config.appId}';`);
  });
});

describe('generated icons', () => {
  it('are what scripts/generate-tray-icons.mjs draws (the committed files are not stale)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cc-icons-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'generate-tray-icons.mjs'), out], {
        stdio: 'ignore',
      });
      const generated = readdirSync(join(out, 'resources', 'tray')).sort();
      expect(generated).toEqual(readdirSync(join(root, 'resources', 'tray')).sort());
      for (const name of generated) {
        expect(
          readFileSync(join(out, 'resources', 'tray', name)).equals(
            readFileSync(join(root, 'resources', 'tray', name)),
          ),
          name,
        ).toBe(true);
      }
      expect(
        readFileSync(join(out, 'resources', 'icon.png')).equals(
          readFileSync(join(root, 'resources', 'icon.png')),
        ),
      ).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
