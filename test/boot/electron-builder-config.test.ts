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
    notarize?: boolean;
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
      resetAdHocDarwinSignature: true,
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

  it('builds NSIS and MSI installers for Windows and a hardened dmg and pkg for macOS', () => {
    // Issue 16: the MSI (Intune, SCCM) and the pkg (Jamf) are the deployment targets.
    expect(config.win.target.map((entry) => entry.target)).toEqual(['nsis', 'msi']);
    // The zip is what electron-updater installs on macOS (Squirrel.Mac cannot use a dmg).
    expect(config.mac.target.map((entry) => entry.target)).toEqual(['dmg', 'pkg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('re-signs ad hoc after flipping fuses, so an unsigned Apple-silicon build still launches', () => {
    // @electron/fuses (README "Apple Silicon"): flipping a fuse invalidates the arm64 ad-hoc
    // signature and macOS kills such an app at launch; resetAdHocDarwinSignature makes it run
    // `codesign --sign - --force` over the .app. electron-builder hands the option through.
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
    const packager = readFileSync(
      require.resolve('app-builder-lib/out/platformPackager.js'),
      'utf8',
    );
    expect(packager).toContain('resetAdHocDarwinSignature: fuses.resetAdHocDarwinSignature');
    const fuses = readFileSync(require.resolve('@electron/fuses'), 'utf8');
    expect(fuses).toMatch(
      /resetAdHocDarwinSignature[\s\S]{0,200}codesign[\s\S]{0,80}'--sign',\s*'-'/,
    );
    // A Developer ID signature covers the keychain module, so no library-validation exception.
    expect(readFileSync(join(root, config.mac.entitlements), 'utf8')).not.toContain(
      'disable-library-validation',
    );
  });

  it('notarizes exactly when the documented APPLE_* variables are set', () => {
    expect(config.mac.notarize).toBe(true);
    const { MacTargetHelper } = require('app-builder-lib/out/mac/MacTargetHelper') as {
      MacTargetHelper: { getNotarizeOptions(appPath: string): Record<string, string> | undefined };
    };
    const names = [
      'APPLE_API_KEY',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'APPLE_KEYCHAIN',
      'APPLE_KEYCHAIN_PROFILE',
    ];
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    try {
      for (const name of names) delete process.env[name];
      expect(MacTargetHelper.getNotarizeOptions('/x/CC Inspector.app')).toBeUndefined();
      Object.assign(process.env, {
        APPLE_API_KEY: '/keys/AuthKey.p8',
        APPLE_API_KEY_ID: 'KEYID',
        APPLE_API_ISSUER: 'issuer',
      });
      expect(MacTargetHelper.getNotarizeOptions('/x/CC Inspector.app')).toMatchObject({
        tool: 'notarytool',
        appleApiKey: '/keys/AuthKey.p8',
        appleApiKeyId: 'KEYID',
        appleApiIssuer: 'issuer',
      });
    } finally {
      for (const name of names)
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
    }
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_API_KEY',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
    ])
      expect(readme, name).toContain(name);
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

/** The images of an ICO file: size, bits per pixel, and the alpha at (x, y) from the top left. */
function readIco(
  bytes: Buffer,
): Array<{ size: number; bits: number; alpha(x: number, y: number): number }> {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + index * 16;
    const size = bytes[entry] as number;
    const offset = bytes.readUInt32LE(entry + 12);
    expect(bytes.readUInt32LE(offset)).toBe(40); // BITMAPINFOHEADER
    expect(bytes.readInt32LE(offset + 4)).toBe(size);
    expect(bytes.readInt32LE(offset + 8)).toBe(size * 2);
    const bits = bytes.readUInt16LE(offset + 14);
    return {
      size,
      bits,
      // DIB rows run bottom-up.
      alpha: (x: number, y: number) =>
        bytes[offset + 40 + ((size - 1 - y) * size + x) * 4 + 3] as number,
    };
  });
}

describe('Windows tray icons', () => {
  it('are ICO files with 16, 20, 24 and 32 px images, the notification area at 100–200 % scaling', () => {
    // Electron's Tray docs recommend ICO on Windows; the notification area shows a 16 px icon
    // scaled by the display's DPI setting (100, 125, 150, 200 %), and picks the nearest image.
    for (const state of ['idle', 'inspecting', 'reconnecting', 'signed-out']) {
      const images = readIco(readFileSync(join(root, 'resources', 'tray', `${state}.ico`)));
      expect(images.map((image) => image.size)).toEqual([16, 20, 24, 32]);
      expect(images.every((image) => image.bits === 32)).toBe(true);
    }
    // Drawn the right way up: the signed-out slash runs from lower left to upper right.
    const [, , , large] = readIco(readFileSync(join(root, 'resources', 'tray', 'signed-out.ico')));
    expect(large?.alpha(Math.round(0.4 * 32), Math.round(0.6 * 32))).toBeGreaterThan(200);
    expect(large?.alpha(Math.round(0.4 * 32), Math.round(0.4 * 32))).toBe(0);
    expect(
      readIco(readFileSync(join(root, 'resources', 'tray', 'inspecting.ico')))[3]?.alpha(16, 16),
    ).toBe(255);
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
