/**
 * The renderer's Content-Security-Policy: strict in what is built and shipped, relaxed by a
 * serve-only plugin for `electron-vite dev` just enough for Vite's client and React refresh
 * (scripts and styles by a per-server nonce, the HMR socket to localhost). Checked three ways:
 * the plugin's transform, the real dev server in Chromium (nothing blocked, refresh preamble
 * ran, styles applied), and the built out/renderer/index.html.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { devCspPlugin, relaxCspForDev } from '../../electron.vite.config';
import { launchChromium } from './harness/browser';
import { REPO_ROOT, RENDERER_OUT, ensureRendererBuilt } from './harness/renderer-build';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SOURCE_HTML = readFileSync(join(REPO_ROOT, 'src', 'renderer', 'index.html'), 'utf8');

function readCsp(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match) throw new Error('no CSP meta tag');
  return (match[1] as string).replace(/\s+/g, ' ').trim();
}

function readDirective(csp: string, name: string): string[] {
  const directive = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return directive ? directive.slice(1) : [];
}

describe('dev CSP plugin', () => {
  it('adds the nonce to script-src and style-src and localhost to connect-src, nothing else', () => {
    const relaxed = readCsp(relaxCspForDev(SOURCE_HTML, 'abc123'));
    expect(readDirective(relaxed, 'script-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(readDirective(relaxed, 'style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(readDirective(relaxed, 'connect-src')).toEqual([
      "'self'",
      'ws://localhost:*',
      'ws://127.0.0.1:*',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    for (const kept of [
      'default-src',
      'img-src',
      'object-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
    ]) {
      expect(readDirective(relaxed, kept)).toEqual(readDirective(STRICT_CSP, kept));
    }
    expect(relaxed).not.toContain('unsafe');
  });

  it('refuses a page without a CSP rather than serving it unprotected', () => {
    expect(() => relaxCspForDev('<html><head></head></html>', 'n')).toThrow(
      /no Content-Security-Policy/,
    );
  });

  it('runs only on the dev server, with a fresh random nonce that Vite also gets', () => {
    const first = devCspPlugin();
    const second = devCspPlugin();
    expect(first.apply).toBe('serve');
    const nonceOf = (plugin: typeof first): string =>
      (plugin.config as () => { html: { cspNonce: string } })().html.cspNonce;
    expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });
});

describe('dev server under the relaxed CSP, in Chromium', () => {
  let server: ViteDevServer;
  let browser: Browser;

  beforeAll(async () => {
    const { resolveConfig } = await import('electron-vite');
    const { createServer } = await import('vite');
    const resolved = await resolveConfig(
      { root: REPO_ROOT, logLevel: 'warn' },
      'serve',
      'development',
    );
    const renderer = resolved.config?.renderer;
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer target');
    server = await createServer({
      ...renderer,
      configFile: false,
      logLevel: 'warn',
      // A private dependency cache: other engineers' builds share node_modules/.vite.
      cacheDir: join(tmpdir(), 'cc-inspector-dev-csp-vite'),
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the nonce on every script and style, and blocks nothing the app and React refresh need', async () => {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the dev server has no local URL');
    const html = await (await fetch(url)).text();
    const nonce = /'nonce-([^']+)'/.exec(readCsp(html))?.[1];
    expect(nonce).toBeTruthy();
    const tags = [...html.matchAll(/<(script|style)\b[^>]*>/g)].map((match) => match[0]);
    expect(tags.length).toBeGreaterThanOrEqual(2);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      // Blocked loads and our listener's reports (the meta-CSP frame-ancestors note is expected).
      if (/Content Security Policy violation|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) => console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI + ' at ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber + ' sample ' + event.sample));`,
    });
    await page.goto(url);
    // No preload bridge here: the app renders its "open it from the app" screen.
    await page.locator('.boot-screen h1').waitFor({ timeout: 20_000 });
    const state = await page.evaluate(`({
      refreshPreambleRan: typeof window.$RefreshReg$ === 'function',
      styledByInjectedCss: getComputedStyle(document.querySelector('.boot-screen')).display === 'grid',
    })`);
    expect(state).toEqual({ refreshPreambleRan: true, styledByInjectedCss: true });
    // Give the HMR socket time to connect (a blocked connect-src shows up as a violation).
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('built renderer', () => {
  it('ships index.html with exactly the strict production CSP and no inline script or style', async () => {
    await ensureRendererBuilt();
    const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
    expect(readCsp(html)).toBe(STRICT_CSP);
    expect(html).not.toMatch(/nonce|csp-nonce|unsafe-inline/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b|\sstyle="/);
  });
});
