/**
 * The other first-run failures of a newcomer: the browser suite without Chromium and the
 * keychain suite without its throwaway Secret Service (or without gnome-keyring and D-Bus).
 * Each stops with one paragraph that says what to install or run, not a stack trace per file.
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingChromiumHelp } from '../browser/harness/chromium-path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface Run {
  code: number | null;
  output: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        output: `${stdout}${stderr}`,
      }),
    );
  });
}

/** This process's environment without what marks it as a vitest worker. */
function plainEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
  );
  return { ...env, NO_COLOR: '1', ...overrides };
}

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Unhandled Error');
}

describe('browser suite without Chromium', () => {
  it('says what to install, or that CHROMIUM_PATH names no file; nothing when Chromium is there', () => {
    const missing = missingChromiumHelp('/nonexistent/chromium', false);
    expect(missing).toContain('there is none at /nonexistent/chromium');
    expect(missing).toContain('apt-get install -y chromium');
    expect(missing).toContain('CHROMIUM_PATH');
    expect(missingChromiumHelp('/nonexistent/chrome', true)).toContain(
      'CHROMIUM_PATH=/nonexistent/chrome names no file',
    );
    expect(missingChromiumHelp(process.execPath, false)).toBeNull();
  });

  it('npm run test:browser stops before any test with that paragraph and exit status 1', async () => {
    const result = await run(
      process.execPath,
      [VITEST, 'run', '--config', 'vitest.browser.config.ts'],
      plainEnv({ CHROMIUM_PATH: '/nonexistent/chromium' }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('CHROMIUM_PATH=/nonexistent/chromium names no file');
    expect(result.output).toContain('apt-get install -y chromium');
    expect(result.output).not.toMatch(/Test Files|✓|×/);
    expectNoStackTrace(result.output);
  });
});

describe('keychain suite outside its sandbox', () => {
  it('run without scripts/with-keychain.sh, it says to use npm run test:keychain and exits 1', async () => {
    const result = await run(
      process.execPath,
      [VITEST, 'run', '--config', 'vitest.keychain.config.ts'],
      plainEnv({ CC_INSPECTOR_KEYCHAIN_SANDBOX: '' }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('use `npm run test:keychain`');
    expect(result.output).toContain('apt-get install -y gnome-keyring dbus');
    expect(result.output).not.toMatch(/Test Files|✓|×/);
    expectNoStackTrace(result.output);
  });

  it('scripts/with-keychain.sh without D-Bus and gnome-keyring names both and what to install (exit 127)', async () => {
    const bash = execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
    const result = await run(bash, [join(ROOT, 'scripts', 'with-keychain.sh'), 'true'], {
      PATH: '/nonexistent',
    });
    expect(result.code).toBe(127);
    expect(result.output).toContain('this machine lacks: dbus-run-session gnome-keyring-daemon.');
    expect(result.output).toContain('`apt-get install -y gnome-keyring dbus`');
    expectNoStackTrace(result.output);
  });
});
