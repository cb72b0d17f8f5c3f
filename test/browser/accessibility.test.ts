/**
 * axe-core on the main screens of the built renderer, in both themes and both languages:
 * no serious or critical violations.
 */
import type { Browser, Page } from 'playwright-core';
import { findSeriousViolations } from './harness/axe';
import { launchChromium, openRenderer } from './harness/browser';
import { startLiveStack, type LiveStack } from './harness/live-stack';
import { actionBar, signInThroughScreen } from './harness/page-helpers';
import type { PageGlobals } from './harness/page-globals';

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
}

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startLiveStack({ simulator: { changesPerAgentPerMinute: 1 } });
  ({ page } = await openRenderer(browser, stack.server));
});
afterAll(async () => {
  await page?.context().close();
  await stack?.close();
  await browser?.close();
});

describe('accessibility (axe-core)', () => {
  it('sign-in screen, light and dark, with a field error shown', async () => {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter your password.').waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('main screen in both themes and languages, with a selection and an inspection', async () => {
    await signInThroughScreen(page, stack.inspector.password);
    await page.getByRole('grid').waitFor();
    const rows = page.locator('.agent-grid-body [role="row"]');
    await rows.nth(2).click();
    // Open a queue (its head is a button named after the skill); scoped to the queue panel, so a
    // "Skills…" button elsewhere is not taken for one.
    await page
      .locator('.queue-head')
      .filter({ hasText: /VIP|Billing|Support|Sales|Skill/ })
      .first()
      .click()
      .catch(() => undefined);
    for (const theme of ['light', 'dark'] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        await setLook(theme, language);
        expect({ theme, language, violations: await findSeriousViolations(page) }).toEqual({
          theme,
          language,
          violations: [],
        });
      }
    }
    await setLook('light', 'en');
  });

  it('settings, journal and confirmation dialogs', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Journal' }).click();
    await page.getByRole('dialog', { name: 'My actions' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    const selectedTalking = page
      .locator('.agent-grid-body [role="row"]', { hasText: 'Talking' })
      .first();
    await selectedTalking.click();
    await actionBar(page).getByRole('button', { name: 'Sign out agent' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
