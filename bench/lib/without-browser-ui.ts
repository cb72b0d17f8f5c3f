/**
 * Chromium for a timed page, without the browser's own UI pages. Every new window of Chromium
 * 156 loads its WebUI omnibox popup (chrome://omnibox-popup.top-chrome) in two more renderer
 * processes — browser UI an Electron window does not have (Electron builds on Chromium's
 * content layer; the omnibox lives in chrome/browser/ui). In a trace of the first paint they
 * took ~85 ms of CPU on the two cores inside a 160 ms window (BENCHMARKS.md, fifth pass).
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, missingChromiumHelp } from '../../test/browser/harness/chromium-path';

/** The features that load Chromium's omnibox popup pages. */
export const BROWSER_UI_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
] as const;

/**
 * Playwright 1.65's own `--disable-features` list: Chromium keeps the last such switch, so a
 * second one replaces it, and it is repeated here.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** Chromium under Playwright, as `launchChromium` but without the browser's UI pages. */
export async function launchChromiumWithoutBrowserUi(): Promise<Browser> {
  const missing = missingChromiumHelp();
  if (missing) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
    ],
  });
}

/**
 * Fails when the browser runs UI pages of its own (DevTools target type `browser_ui`) beside
 * the measured ones: the figure would include their work.
 */
export function refuseBrowserUi(urls: readonly string[]): void {
  if (urls.length > 0)
    throw new Error(
      `Chromium ran its own UI pages beside the measured one (${urls.join(', ')}): an Electron window has none; disable them in bench/lib/without-browser-ui.ts`,
    );
}

/** The addresses of the browser's own UI pages among DevTools targets (type `browser_ui`). */
export function browserUiUrlsOf(targets: ReadonlyArray<{ type: string; url: string }>): string[] {
  return targets.filter((target) => target.type === 'browser_ui').map((target) => target.url);
}

/** Addresses of the browser UI pages a Playwright-driven Chromium runs now. */
export async function browserUiPagesOf(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets', {
      filter: [{}],
    } as never)) as { targetInfos: Array<{ type: string; url: string }> };
    return browserUiUrlsOf(targetInfos);
  } finally {
    await session.detach();
  }
}
