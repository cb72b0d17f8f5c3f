/**
 * Debian's Chromium driven by playwright-core, and pages that run the built renderer with the
 * test WebSocket binding installed as `window.inspector`.
 */
import { readFileSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import ts from 'typescript';
import { CHROMIUM_PATH, missingChromiumHelp } from './chromium-path';
import { fileURLToPath } from 'node:url';

const CLIENT_SOURCE = fileURLToPath(
  new URL('../../support/ws-inspector-client.ts', import.meta.url),
);
/** Messages Chromium prints about our page that are expected, not faults. */
export const EXPECTED_CONSOLE = [
  /'frame-ancestors' is ignored when delivered via a <meta> element/,
];

/** Launch Chromium headless (fails with what to install when it is missing). */
export async function launchChromium(): Promise<Browser> {
  const missing = missingChromiumHelp();
  if (missing) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface OpenPageOptions extends BrowserContextOptions {
  /** Scripts to run before the page's own (measurement probes). */
  initScripts?: string[];
  /** Runs with the page created but before it navigates (e.g. to start a profiler). */
  beforeNavigate?: (page: Page) => Promise<void>;
}

/**
 * The browser side of the binding as a classic script: the TypeScript source transpiled as is
 * (not a function's toString, which bundlers may decorate with helpers the page lacks).
 */
export function buildInspectorClientScript(wsUrl: string): string {
  const { outputText } = ts.transpileModule(readFileSync(CLIENT_SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  });
  return `(function () { var exports = {}; ${outputText}\nexports.installWsInspector(${JSON.stringify(wsUrl)}); })();`;
}

/** A fresh context and page with the binding installed, at the renderer's address. */
export async function openRenderer(
  browser: Browser,
  server: { url: string; wsUrl: string },
  options: OpenPageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { initScripts = [], beforeNavigate, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    ...contextOptions,
  });
  // Fail fast: every step here takes milliseconds when the screen works.
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !EXPECTED_CONSOLE.some((pattern) => pattern.test(message.text()))
    )
      problems.push(`console: ${message.text()}`);
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.addInitScript({ content: buildInspectorClientScript(server.wsUrl) });
  for (const content of initScripts) await page.addInitScript({ content });
  await beforeNavigate?.(page);
  await page.goto(server.url);
  return { context, page };
}

/** Errors and console errors the page reported so far. */
export function readPageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}
