/**
 * Issue 15, item 5: the packaged app ships the command line. electron-builder cannot run here
 * (it downloads Electron), so this builds the standalone bundle `npm run dist` puts into
 * Resources/cli/lib, lays out Resources as the app has it, and runs the macOS/Linux launcher
 * through a symlink (as /usr/local/bin/cc-inspector is) with no node_modules in reach. The
 * Windows launcher (cc-inspector.cmd) and the installer's PATH entry (installer.nsh) cannot be
 * run here: their configuration is checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  extraResources: Array<{ from: string; to: string }>;
  nsis: { include: string; perMachine: boolean };
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cc-packaged-cli-'));
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--standalone'], {
    cwd: root,
    stdio: 'pipe',
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the command line in the packaged app', () => {
  it('ships the standalone bundle and the launchers in Resources/cli', () => {
    expect(config.extraResources).toEqual([
      { from: 'out/cli-standalone', to: 'cli/lib' },
      { from: 'resources/cli', to: 'cli/bin' },
    ]);
  });

  it('runs through a /usr/local/bin-style symlink with no node_modules in reach', () => {
    const resources = join(work, 'CC Inspector.app/Contents/Resources');
    for (const { from, to } of config.extraResources)
      cpSync(join(root, from), join(resources, to), { recursive: true });
    const bin = join(work, 'usr-local-bin');
    mkdirSync(bin);
    symlinkSync(join(resources, 'cli/bin/cc-inspector'), join(bin, 'cc-inspector'));
    const env = { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, LANG: 'C' };
    const version = spawnSync('cc-inspector', ['--version'], { cwd: work, env, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
    // The simulator too: its certificates library (and the rest) are inside the bundle.
    const usage = spawnSync('cc-inspector', ['simulator', '--port', 'x'], {
      cwd: work,
      env,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--port "x"');
    // Without Node on the PATH it says what to install.
    const noNode = spawnSync(join(bin, 'cc-inspector'), ['--version'], {
      cwd: work,
      env: { PATH: '/nonexistent' },
      encoding: 'utf8',
    });
    expect(noNode.status).toBe(70);
    expect(noNode.stderr).toContain('needs Node.js 20.19 or later');
  });

  it('puts the Windows launcher on the user PATH at install and takes it off at uninstall', () => {
    expect(config.nsis).toMatchObject({ include: 'resources/installer.nsh', perMachine: false });
    const script = readFileSync(join(root, config.nsis.include), 'utf8');
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    for (const macro of [install, uninstall]) {
      expect(macro).toContain("Join-Path '$INSTDIR' 'resources\\cli\\bin'");
      expect(macro).toContain("GetEnvironmentVariable('Path', 'User')");
    }
    expect(install).toContain('($$parts + $$d)');
    expect(uninstall).not.toContain('+ $$d');
    const cmd = readFileSync(join(root, 'resources/cli/cc-inspector.cmd'), 'utf8');
    expect(cmd).toContain('"%NODE%" "%HERE%..\\lib\\index.js" %*');
    expect(cmd).toContain('app.asar.unpacked\\node_modules');
    expect(cmd.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });
});
