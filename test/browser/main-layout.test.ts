/**
 * The main screen's layout in Chromium, driven by the real core against the simulator: the
 * agent table gets the room (≥ 12 rows at 1366×768 with the charts hidden), every action sits
 * on one row with coaching in its menu (APG menu button, keyboard), the charts come on request
 * with distinct time ticks and their legends inside the panel, and queue names are readable —
 * axe clean in both themes and languages at 1366×768 and 1920×1080, photographed into
 * test-results/screenshots/layout-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findSeriousViolations } from './harness/axe';
import { launchChromium, openRenderer, readPageProblems } from './harness/browser';
import { startLiveStack, type LiveStack } from './harness/live-stack';
import { actionBar, signInThroughScreen } from './harness/page-helpers';
import { REPO_ROOT } from './harness/renderer-build';
import type { PageGlobals } from './harness/page-globals';

const OUT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LOOKS = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' },
  { theme: 'light', language: 'zh-CN' },
  { theme: 'dark', language: 'zh-CN' },
] as const;

let browser: Browser;
let stack: LiveStack;
let page: Page;

async function setLook(theme: 'light' | 'dark', language: 'en' | 'zh-CN'): Promise<void> {
  const result = await stack.core.execute('settings.update', { theme, language });
  if (!result.ok) throw new Error(result.error.message);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const root = (globalThis as unknown as PageGlobals).document.documentElement;
        return [root.dataset.theme, root.lang];
      }),
    )
    .toEqual([theme, language]);
  await page.waitForTimeout(250);
}

/** Every look at every size: `check` runs in each, then a screenshot named after it. */
async function inEveryLook(name: string, check: (label: string) => Promise<void>) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const look of LOOKS) {
      await setLook(look.theme, look.language);
      const label = `${viewport.width}x${viewport.height}-${look.theme}-${look.language === 'en' ? 'en' : 'zh'}`;
      await check(label);
      await page.screenshot({ path: join(OUT_DIR, `layout-${name}-${label}.png`) });
    }
  }
  await setLook('light', 'en');
  await page.setViewportSize(VIEWPORTS[0]);
}

/** Agent rows wholly inside the grid's scroller (an expression: no DOM types here). */
const fullyVisibleRows = (): Promise<number> =>
  page.evaluate<number>(`(() => {
    const box = document.querySelector('.agent-grid-scroll').getBoundingClientRect();
    return [...document.querySelectorAll('.agent-grid-body [role="row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    }).length;
  })()`);

/** Distinct tops of the action bar's buttons (one row: one top). */
const actionRowTops = (): Promise<number[]> =>
  page.evaluate<number[]>(
    `[...new Set([...document.querySelectorAll('section.action-bar button')].map((b) => Math.round(b.getBoundingClientRect().top)))]`,
  );

const axeClean = async (label: string) => {
  expect({ label, violations: await findSeriousViolations(page) }).toEqual({
    label,
    violations: [],
  });
};

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  browser = await launchChromium();
  stack = await startLiveStack({
    simulator: { agents: 200, changesPerAgentPerMinute: 1, seed: 5 },
  });
  ({ page } = await openRenderer(browser, stack.server));
  await signInThroughScreen(page, stack.inspector.password);
  await page.getByRole('grid', { name: 'Agents' }).waitFor();
  await page.locator('.agent-grid-body [role="row"]').first().waitFor();
  await page.locator('.agent-grid-body [role="row"]').nth(2).click();
});
afterAll(async () => {
  await page?.context().close();
  await stack?.close();
  await browser?.close();
});

describe('main screen layout', () => {
  it('gives the table the room: charts hidden by default, ≥ 12 rows at 1366×768', async () => {
    const toggle = page.getByTestId('insight-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.time-chart').count()).toBe(0);
    await expect.poll(fullyVisibleRows).toBeGreaterThanOrEqual(12);
    // The insight line is one line: the center's figures, the wallboard, the expander.
    const head = await page.locator('.insight-head').boundingBox();
    expect(head?.height).toBeLessThanOrEqual(48);
    await page.setViewportSize(VIEWPORTS[1]);
    await expect.poll(fullyVisibleRows).toBeGreaterThanOrEqual(25);
    await page.setViewportSize(VIEWPORTS[0]);
  });

  it('puts every action on one row, the coaching menu at its end; no second bar', async () => {
    await inEveryLook('closed', async (label) => {
      expect({ label, tops: (await actionRowTops()).length }).toEqual({ label, tops: 1 });
      expect(await page.locator('.coaching-bar, .coaching-notices').count()).toBe(0);
      await expect.poll(fullyVisibleRows).toBeGreaterThanOrEqual(12);
      await axeClean(label);
    });
    const menuButton = actionBar(page).getByRole('button', { name: 'Coaching' });
    expect(await menuButton.getAttribute('aria-haspopup')).toBe('menu');
  });

  it('opens the coaching menu from the keyboard and is axe clean with it open', async () => {
    const menuButton = actionBar(page).locator('.menu-button-trigger');
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Coaching' });
    await menu.waitFor();
    const focused = () =>
      page.evaluate<string>(`document.activeElement?.getAttribute('data-item') ?? ''`);
    expect(await focused()).toBe('note');
    await page.keyboard.press('End');
    expect(await focused()).toBe('coaching-settings');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(
      await page.evaluate<boolean>(
        `document.activeElement.classList.contains('menu-button-trigger')`,
      ),
    ).toBe(true);
    const popup = page.locator('[role="menu"]');
    await inEveryLook('menu', async (label) => {
      if (await popup.count()) await page.keyboard.press('Escape');
      await menuButton.focus();
      await page.keyboard.press('Enter');
      await popup.waitFor();
      // The menu lies over the table, inside the window.
      const box = await page.locator('.menu-popup').boundingBox();
      const size = page.viewportSize();
      expect(box && size && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
      await axeClean(label);
      // Leave it open for the screenshot; Escape after.
      await page.waitForTimeout(50);
    });
    await page.keyboard.press('Escape');
  });

  it('shows the charts on request: distinct time ticks, legends and reason time inside the panel', async () => {
    await page.getByTestId('insight-toggle').click();
    // The first sample of the shift (every 5 s): the figures and the charts' first point.
    await page.locator('.insight-tiles').waitFor({ timeout: 10_000 });
    await expect
      .poll(() =>
        page.evaluate<number>(`document.querySelectorAll('.time-chart-plot canvas').length`),
      )
      .toBeGreaterThanOrEqual(3);
    await inEveryLook('charts', async (label) => {
      await page.waitForTimeout(200);
      const ticks = await page.evaluate<string[][]>(
        `[...document.querySelectorAll('.time-chart-plot')].map((plot) => (plot.dataset.xTicks ?? '').split(' | '))`,
      );
      expect(ticks.length).toBe(3);
      for (const labels of ticks) {
        expect({ label, labels, distinct: new Set(labels).size }).toEqual({
          label,
          labels,
          distinct: labels.length,
        });
        expect(labels.length).toBeGreaterThanOrEqual(2);
      }
      // Nothing of the charts is cut by the panel's bottom edge: legends are inside it.
      const cut = await page.evaluate<string[]>(`(() => {
        const panel = document.querySelector('.insight-panel').getBoundingClientRect();
        const parts = [...document.querySelectorAll('.insight-panel .u-legend, .insight-panel .time-chart-title')];
        ${label.startsWith('1920') ? "parts.push(document.querySelector('.insight-panel .reason-time'));" : ''}
        return parts.filter((part) => part && part.getBoundingClientRect().bottom > panel.bottom + 0.5).map((part) => part.className);
      })()`);
      expect({ label, cut }).toEqual({ label, cut: [] });
      await axeClean(label);
    });
  });

  it('remembers the charts shown across a reload', async () => {
    await page.reload();
    const toggle = page.getByTestId('insight-toggle');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await page.getByTestId('insight-toggle').waitFor();
    expect(await page.getByTestId('insight-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('shows queue names whole (wrapped, not cut), with the full name as a title', async () => {
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const language of ['en', 'zh-CN'] as const) {
        await setLook('light', language);
        await page.locator('.queue-name').first().waitFor();
        const names = await page.evaluate<Array<{ text: string; title: string; cut: boolean }>>(
          `[...document.querySelectorAll('.queue-name')].map((name) => ({ text: name.textContent, title: name.title, cut: name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1 }))`,
        );
        expect(names.length).toBeGreaterThan(0);
        for (const name of names)
          expect(name).toEqual({ text: name.text, title: name.text, cut: false });
      }
    }
    await setLook('light', 'en');
    await page.setViewportSize(VIEWPORTS[0]);
    expect(readPageProblems(page)).toEqual([]);
  });
});
