/**
 * Small helpers for driving the screen the way a supervisor does.
 */
import type { Locator, Page } from 'playwright-core';

/** Sign in through the sign-in screen with `password` (other fields come from settings). */
export async function signInThroughScreen(page: Page, password: string): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The row of one agent (searching for it first, so it is on screen in a long list). */
export async function findAgentRow(page: Page, workNo: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search agents by ID or name' }).fill(workNo);
  const row = page.locator(`[role="row"][data-workno="${workNo}"]`);
  await row.waitFor();
  return row;
}

/** The action bar (found by its place, so it works in every language). */
export function actionBar(page: Page): Locator {
  return page.locator('section.action-bar');
}

/** Text of the inspector's own status in the strip. */
export function inspectionStatus(page: Page): Locator {
  return page.getByTestId('inspection-status');
}

/** Record every text the connection pill shows, so a short-lived state is not missed. */
export const RECORD_PILL_SCRIPT = `
  window.__ccPillTexts = [];
  new MutationObserver(() => {
    const pill = document.querySelector('[data-testid="connection-pill"] .connection-word');
    const text = pill ? pill.textContent : null;
    const seen = window.__ccPillTexts;
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;
