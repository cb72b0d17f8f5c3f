/**
 * Issue 16: what IT relies on to roll CC Inspector out silently, checked in electron-builder's
 * own templates and options (electron-builder cannot build installers here: it downloads
 * Electron, WiX and NSIS). Every command line the README gives is one these templates honour.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  pkg: Record<string, unknown>;
  publish: Array<Record<string, unknown>>;
};
const template = (name: string) =>
  readFileSync(require.resolve(`app-builder-lib/templates/nsis/${name}`), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const deploying = readme.slice(readme.indexOf('## Deploying to many desktops'));

describe('silent installs', () => {
  it('NSIS: per user by default, per machine with /S /allusers, settings kept on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      deleteAppDataOnUninstall: false,
    });
    // The assisted installer reads /allusers and /currentuser (electron-builder's multi-user page).
    expect(template('assistedInstaller.nsh')).toMatch(/GetOptions\} \$R0 "\/allusers"/);
    // The uninstaller removes app data only with --delete-app-data (or the option we keep off).
    const uninstaller = template('uninstaller.nsh');
    expect(uninstaller).toMatch(/GetOptions\} \$R0 "--delete-app-data"/);
    expect(uninstaller).toMatch(/!ifdef DELETE_APP_DATA_ON_UNINSTALL/);
    expect(deploying).toContain('CC-Inspector-Setup-<version>.exe /S /allusers');
    expect(deploying).toContain('/S --delete-app-data');
  });

  it('MSI: per machine, with a fixed upgrade code so a new version replaces the old', () => {
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(String(config.msi.upgradeCode)).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
    // electron-builder uses the configured code (else one derived from the app id).
    const msiTarget = readFileSync(
      require.resolve('app-builder-lib/out/targets/MsiTarget.js'),
      'utf8',
    );
    expect(msiTarget).toContain('this.options.upgradeCode ||');
    expect(deploying).toContain('msiexec /i CC-Inspector-<version>.msi /qn');
  });

  it('pkg: into /Applications, not relocatable, installable with installer -pkg', () => {
    expect(config.pkg).toMatchObject({
      installLocation: '/Applications',
      isRelocatable: false,
      allowCurrentUserHome: false,
    });
    expect(deploying).toContain('sudo installer -pkg CC-Inspector-<version>-arm64.pkg -target /');
  });

  it('updates: GitHub releases as the feed of the build; the policy may name its own server', () => {
    expect(config.publish[0]).toMatchObject({ provider: 'github' });
    expect(deploying).toContain('latest.yml');
    expect(deploying).toContain('UpdateUrl');
  });
});
