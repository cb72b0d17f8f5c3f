/**
 * Issue 16 in the built renderer, driven by the real core under an administrator policy: the
 * settings dialog shows each locked setting disabled with its policy key and source (in English
 * and Chinese), the bad key is said in a notice, demo mode is not offered, and axe finds no
 * serious violation in the dialog with its locks and the updates and support section.
 */
import type { Browser, Page } from 'playwright-core';
import { mergePolicySources } from '../../src/main/policy/policy-merge';
import { findSeriousViolations } from './harness/axe';
import { launchChromium, openRenderer } from './harness/browser';
import { startLiveStack, type LiveStack } from './harness/live-stack';
import { signInThroughScreen } from './harness/page-helpers';

const SOURCE = 'HKLM\\Software\\Policies\\CC Inspector';
let browser: Browser;
let stack: LiveStack;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startLiveStack({
    simulator: { changesPerAgentPerMinute: 0 },
    policy: mergePolicySources([
      {
        source: SOURCE,
        document: {
          AlertLongCallSeconds: 900,
          HotkeyIntercept: '',
          DemoModeAllowed: false,
          UpdateChannel: 'beta',
          Bogus: 1,
        },
      },
    ]),
  });
  ({ page } = await openRenderer(browser, stack.server));
});
afterAll(async () => {
  await page?.context().close();
  await stack?.close();
  await browser?.close();
});

describe('managed settings in the renderer', () => {
  it('offers no demo mode on the sign-in screen and says what was wrong with the policy', async () => {
    await page.getByRole('heading', { name: 'Sign in as inspector' }).waitFor();
    expect(await page.getByRole('button', { name: /demo/i }).count()).toBe(0);
    // The toast (and the screen reader's live region) say it.
    await page.getByText('Unknown policy key Bogus was ignored').first().waitFor();
  });

  it('shows locked settings disabled with key and source, and passes axe', async () => {
    await signInThroughScreen(page, stack.inspector.password);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    const callField = dialog.getByLabel('Call longer than');
    expect(await callField.isDisabled()).toBe(true);
    expect(await callField.inputValue()).toBe('900');
    await expect
      .poll(() => callField.evaluate((element) => element.getAttribute('aria-describedby')))
      .toBeTruthy();
    expect(await dialog.getByTestId('locked-AlertLongCallSeconds').textContent()).toContain(
      `AlertLongCallSeconds in ${SOURCE}`,
    );
    expect(await dialog.getByLabel('Update channel').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Busy longer than').isDisabled()).toBe(false);
    expect(await dialog.getByTestId('locked-HotkeyIntercept').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Check for updates' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    // For a person to look at: the locked threshold and the updates and support section.
    await callField.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/managed-settings.png' });
    await dialog.getByRole('button', { name: 'Check for updates' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/managed-settings-updates.png' });
    await page.keyboard.press('Escape');
  });

  it('says the reason in Chinese too', async () => {
    const result = await stack.core.execute('settings.update', { language: 'zh-CN' });
    expect(result.ok).toBe(true);
    await page.getByRole('button', { name: '设置' }).click();
    const reason = page.getByTestId('locked-AlertLongCallSeconds');
    await reason.waitFor();
    expect(await reason.textContent()).toContain(
      `由管理员设置（${SOURCE} 中的 AlertLongCallSeconds）`,
    );
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
