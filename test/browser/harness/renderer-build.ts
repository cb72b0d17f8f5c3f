/**
 * The built renderer the browser tests load. Built in beforeAll only when out/renderer is
 * missing or older than the renderer's sources. Only the renderer target of
 * electron.vite.config.ts is built (resolved by electron-vite itself, so base, target and
 * plugins are exactly those of `electron-vite build`): the tests need nothing else, and main
 * and preload are other engineers' outputs that may be mid-change.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const RENDERER_OUT = join(REPO_ROOT, 'out', 'renderer');
const SOURCE_DIRS = [join(REPO_ROOT, 'src', 'renderer'), join(REPO_ROOT, 'src', 'shared')];
const CONFIG_FILE = join(REPO_ROOT, 'electron.vite.config.ts');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether out/renderer is missing or older than what it is built from. */
function isRendererStale(): boolean {
  const built = join(RENDERER_OUT, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sourcesAt = Math.max(statSync(CONFIG_FILE).mtimeMs, ...SOURCE_DIRS.map(newestSourceTime));
  return sourcesAt > builtAt;
}

/** Build the renderer when needed; returns the folder to serve. */
export async function ensureRendererBuilt(): Promise<string> {
  if (!isRendererStale()) return RENDERER_OUT;
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  // electron-vite's production preset (base './', Electron's Chrome target) keys off this.
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const resolved = await resolveConfig(
    { root: REPO_ROOT, logLevel: 'warn' },
    'build',
    'production',
  );
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer target');
  await build({ ...renderer, logLevel: 'warn' });
  return RENDERER_OUT;
}
