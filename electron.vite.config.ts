import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Hosts the dev server and its HMR socket may use (`electron-vite dev` serves on localhost). */
const DEV_CONNECT_SOURCES = [
  'ws://localhost:*',
  'ws://127.0.0.1:*',
  'http://localhost:*',
  'http://127.0.0.1:*',
];
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/**
 * The renderer's production CSP relaxed for the dev server only: Vite puts `nonce` on every
 * script and style tag it serves (React refresh's inline preamble, its own client, the CSS it
 * injects while hot-reloading), so scripts and styles are allowed by that nonce — never by
 * 'unsafe-inline' — and the HMR socket may connect to localhost. Everything else is kept.
 */
export function relaxCspForDev(html: string, nonce: string): string {
  const match = CSP_META.exec(html);
  if (!match)
    throw new Error(
      'index.html has no Content-Security-Policy meta tag to relax for the dev server',
    );
  const directives = (match[2] as string)
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      if (name === 'script-src' || name === 'style-src')
        return [name, ...sources, `'nonce-${nonce}'`].join(' ');
      if (name === 'connect-src') return [name, ...sources, ...DEV_CONNECT_SOURCES].join(' ');
      return directive;
    });
  return html.replace(
    CSP_META,
    (_whole, open: string, _content: string, close: string) =>
      `${open}${directives.join('; ')}${close}`,
  );
}

/**
 * Serve-only plugin (never part of a build): a fresh nonce per dev server, handed to Vite as
 * `html.cspNonce` so it tags its scripts and styles, and written into the page's CSP.
 */
export function devCspPlugin(nonce: string = randomBytes(18).toString('base64')): Plugin {
  return {
    name: 'cc-inspector:dev-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: { order: 'pre', handler: (html) => relaxCspForDev(html, nonce) },
  };
}

// Main is ESM; the preload is forced to one CommonJS file because a sandboxed preload cannot
// be an ES module and may only require 'electron'.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
        // The app talks to the gateway through Electron's net stack; undici is reached only by
        // the gateway barrel's Node transport (CLI, tests), which the bundle drops. Its import
        // would stay behind as a side-effect import and cost a cold start ~0.1–0.2 s to load.
        treeshake: { moduleSideEffects: (id, external) => !(external && id === 'undici') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      // Minified: the page parses and compiles its script before it can show anything, and
      // that work grows with the bytes (1.25 MB unminified, 0.58 MB minified). Profiling wants
      // the functions' names: CC_UNMINIFIED_RENDERER=1 builds it as before (bench/tools).
      minify: process.env.CC_UNMINIFIED_RENDERER !== '1',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    // index.html carries the strict production CSP; the dev server alone relaxes it.
    plugins: [react(), devCspPlugin()],
  },
});
