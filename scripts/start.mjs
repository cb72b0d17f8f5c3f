#!/usr/bin/env node
/**
 * `npm start` (`--demo`) and `npm run start:live`: the Electron package's own install step
 * first (since Electron 42 the binary is downloaded on first use, not by `npm install`), then
 * electron-vite's dev server with the given arguments passed on to Electron. When the install
 * step fails — typically a download blocked by a proxy or a machine without internet — print
 * one paragraph that says what failed and how to fix it instead of @electron/get's stack trace,
 * and exit with status 1.
 *
 *   usage: node scripts/start.mjs [electron arguments…]   e.g. node scripts/start.mjs --demo
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { URL } from 'node:url';
import { describeElectronDownload, electronInstallHelp } from './electron-download.mjs';

const require = createRequire(import.meta.url);

/** The folder of an installed package, or null when `npm install` has not put it there. */
function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

const electronDir = packageDir('electron');
const electronViteDir = packageDir('electron-vite');
if (!electronDir || !electronViteDir) {
  process.stderr.write(
    "\nThe project's packages are not installed yet (electron and electron-vite are missing from\n" +
      'node_modules/). Run `npm install` (or `npm ci`) in the project folder first, then start again.\n\n',
  );
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
/** How the user started this, for the message: `npm start`, `npm run start:live` or the script. */
const event = process.env.npm_lifecycle_event;
const command =
  event === 'start' ? 'npm start' : event ? `npm run ${event}` : 'node scripts/start.mjs';

/** Run a Node script; resolves with its exit code and what it wrote to stderr. */
function runNode(args, { captureStderr }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: ['inherit', 'inherit', captureStderr ? 'pipe' : 'inherit'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (error) => resolve({ code: 1, stderr: `${error.message}\n` }));
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 128 : 1), stderr });
    });
  });
}

/** The error line of a Node failure ("TypeError: fetch failed"), without its stack frames. */
function firstErrorLine(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => line && !line.startsWith('at ')) ?? 'no reason given';
}

/** fetch hides why it failed; say so when the download host does not even resolve. */
async function whyFetchFailed(url) {
  const host = new URL(url).hostname;
  const resolved = await Promise.race([
    lookup(host).then(
      () => true,
      () => false,
    ),
    new Promise((resolve) => setTimeout(() => resolve(true), 3_000).unref()),
  ]);
  return resolved ? '' : `: ${host} cannot be resolved from this machine`;
}

if (!existsSync(join(electronDir, 'path.txt')))
  process.stdout.write(`Installing Electron ${version} (a one-time download of about 100 MB)…\n`);
const install = await runNode([join(electronDir, 'install.js')], { captureStderr: true });
if (install.code !== 0) {
  const download = describeElectronDownload(version);
  let reason = firstErrorLine(install.stderr);
  if (reason.includes('fetch failed')) reason += await whyFetchFailed(download.url);
  const help = electronInstallHelp({ version, reason, download, command });
  process.stderr.write(`\n${help}\n\n`);
  process.exit(1);
}

const electronVite = join(electronViteDir, 'bin', 'electron-vite.js');
const electronArgs = process.argv.slice(2);
const dev = await runNode(
  [electronVite, 'dev', ...(electronArgs.length > 0 ? ['--', ...electronArgs] : [])],
  { captureStderr: false },
);
process.exit(dev.code);
