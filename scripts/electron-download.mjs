/**
 * Where the Electron package's install step (node_modules/electron/install.js, through
 * @electron/get) downloads its binary from and caches it, worked out the way @electron/get 5
 * does, so a failed download can be explained with the exact URL, file name and cache path.
 *   URL:   <mirror><custom dir or v<version>>/<file>, mirror from ELECTRON_MIRROR (or
 *          npm_config_electron_mirror …), default the GitHub releases
 *   cache: <electron_config_cache or the OS cache folder>/<sha256 of the URL's folder>/<file>
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, posix } from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';

const RELEASES = 'https://github.com/electron/electron/releases/download/';

/**
 * One of @electron/get's mirror settings (`mirror`, `customDir`, `customFilename`), read from
 * .npmrc, package.json config or the environment in its order.
 */
function mirrorSetting(name, env) {
  const snake = name.replace(/([a-z])([A-Z])/g, (_, a, b) => `${a}_${b}`).toLowerCase();
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    undefined
  );
}

/** The OS cache folder @electron/get uses (env-paths' cache for the name "electron"). */
function defaultCacheRoot(env, platform) {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/**
 * What the install step of Electron `version` fetches on this machine: the zip's name, its URL,
 * the mirror in use (null for the GitHub releases) and the path it is cached at.
 */
export function describeElectronDownload(version, options = {}) {
  const env = options.env ?? process.env;
  const platform =
    env.ELECTRON_INSTALL_PLATFORM ||
    env.npm_config_platform ||
    options.platform ||
    process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || options.arch || process.arch;
  const tag = `v${version.replace(/^v/, '')}`;
  const mirror = mirrorSetting('mirror', env) ?? null;
  const folder = (mirrorSetting('customDir', env) ?? tag).replace('{{ version }}', version);
  const fileName =
    mirrorSetting('customFilename', env) ?? `electron-${tag}-${platform}-${arch}.zip`;
  const url = `${mirror ?? RELEASES}${folder}/${fileName}`;
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = posix.dirname(parsed.pathname);
  const cacheRoot = env.electron_config_cache || defaultCacheRoot(env, platform);
  const cacheFolder = join(cacheRoot, createHash('sha256').update(parsed.toString()).digest('hex'));
  return { fileName, url, mirror, cacheRoot, cachePath: join(cacheFolder, fileName) };
}

/**
 * The one paragraph `npm start` prints when the install step failed: what failed and the ways
 * to fix it, with the names of the settings exactly as @electron/get reads them.
 */
export function electronInstallHelp({ version, reason, download, command = 'npm start' }) {
  const base = download.mirror ?? RELEASES;
  const source = download.mirror ? `the mirror ELECTRON_MIRROR=${download.mirror}` : 'GitHub';
  const sentences = [
    `${together(command)} could not install Electron ${version}, the runtime the desktop app runs in:`,
    `downloading ${download.fileName} from ${source} failed (${reason}).`,
    'It is a one-time download, usually blocked on a machine without direct internet access.',
    'Fix it one of these ways and run the command again:',
    'set ELECTRON_MIRROR to a mirror of the Electron releases that you can reach (a URL ending',
    `in "/", under which ${download.url.slice(base.length)} is fetched);`,
    `or copy the ${download.fileName} you downloaded elsewhere to ${download.cachePath}`,
    `(electron_config_cache=<folder> puts the cache elsewhere than ${download.cacheRoot};`,
    'the sub-folder name stays the same);',
    'or send the download through your proxy with ELECTRON_GET_USE_PROXY=1 and',
    'HTTPS_PROXY=http://<proxy host>:<port>.',
    `To see the screen without Electron, run ${together('npm run test:browser')}: it drives the same screen in`,
    'Chromium against the gateway simulator and saves screenshots in test-results/screenshots/.',
  ];
  return wrap(sentences.join(' '), 100);
}

/** Keeps a command on one line when the paragraph is wrapped. */
const together = (words) => words.replaceAll(' ', '\u00a0');

/**
 * Word-wrap `text` at `width` columns; a word longer than that (a path) stays whole, and so do
 * words joined by `together`.
 */
export function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n').replaceAll('\u00a0', ' ');
}
