/**
 * Coaching in the built renderer, driven by the real core against the simulator: a note
 * written and sent with the keyboard only, following an agent's next call, the scorecard after
 * it, and that agent's coaching file — each screen scanned by axe-core (light and dark, English
 * and Chinese) and photographed into test-results/screenshots/coaching-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findSeriousViolations } from './harness/axe';
import { launchChromium, openRenderer, readPageProblems } from './harness/browser';
import { startLiveStack, type LiveStack } from './harness/live-stack';
import {
  actionBar,
  findAgentRow,
  inspectionStatus,
  signInThroughScreen,
} from './harness/page-helpers';
import { REPO_ROOT } from './harness/renderer-build';

const OUT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

let browser: Browser;
let stack: LiveStack;
let page: Page;

function plainAgents(): string[] {
  const inspectors = new Set(stack.sim.inspectors.map((inspector) => inspector.agentId));
  return stack.sim.center
    .listAgents()
    .filter((agent) => !inspectors.has(agent.workNo))
    .map((agent) => agent.workNo);
}

async function setLook(theme: 'light' | 'dark', language: 'en' | 'zh-CN'): Promise<void> {
  const result = await stack.core.execute('settings.update', { theme, language });
  if (!result.ok) throw new Error(result.error.message);
  await page.waitForTimeout(150);
}

/** axe in light and dark, English and Chinese, on what is open now; back to light English. */
async function scanEveryLook(): Promise<void> {
  for (const [theme, language] of [
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'zh-CN'],
  ] as const) {
    await setLook(theme, language);
    expect(await findSeriousViolations(page), `${theme} ${language}`).toEqual([]);
  }
  await setLook('light', 'en');
}

/** Choose an item of the action bar's "Coaching" menu with the mouse. */
async function chooseCoaching(name: string): Promise<void> {
  await actionBar(page).getByRole('button', { name: 'Coaching' }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(OUT_DIR, `coaching-${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  browser = await launchChromium();
  stack = await startLiveStack({ simulator: { changesPerAgentPerMinute: 0, agents: 40 } });
  ({ page } = await openRenderer(browser, stack.server));
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInThroughScreen(page, stack.inspector.password);
  await page.getByRole('grid', { name: 'Agents' }).waitFor();
});
afterAll(async () => {
  await page?.context().close();
  await stack?.close();
  await browser?.close();
});

describe('coaching in the browser', () => {
  it('writes a note with the keyboard only, sees the byte counter and who got it', async () => {
    const target = plainAgents()[2]!;
    stack.sim.center.setAgentStatus(target, '4');
    const row = await findAgentRow(page, target);
    await row.click();
    // The action bar's "Coaching" menu, by keyboard: Enter opens it on its first item, "Note…".
    await actionBar(page).getByRole('button', { name: 'Coaching' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Note…' }).waitFor();
    await shoot('menu');
    await scanEveryLook();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Note to agents' });
    await dialog.waitFor();
    // The first control has focus: the recipients. The selected agent is chosen already.
    await expect
      .poll(() => dialog.getByRole('radio', { name: /^Selected agent/ }).isChecked())
      .toBe(true);
    await dialog.getByRole('textbox', { name: 'Note' }).focus();
    await page.keyboard.type('请在下一通电话前核实客户身份。Please verify the caller first.');
    await expect.poll(() => dialog.locator('.byte-counter').textContent()).toBe('76 of 1023 bytes');
    await expect
      .poll(() => dialog.locator('.note-preview').textContent())
      .toBe('1 agent (1 signed in) · 1 request');
    await shoot('note-composer');
    await scanEveryLook();
    await dialog.getByRole('button', { name: 'Send note' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText(/Request 1: 1 agents — sent/).waitFor();
    expect(stack.sim.center.listNotes().at(-1)).toMatchObject({
      agentIds: [target],
      content: '请在下一通电话前核实客户身份。Please verify the caller first.',
      deliveredTo: [target],
    });
    await shoot('note-sent');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('follows an agent: listens when its next call starts, leaves with the call, offers a scorecard', async () => {
    const target = plainAgents()[3]!;
    stack.sim.center.setAgentStatus(target, '4');
    const row = await findAgentRow(page, target);
    await row.click();
    await chooseCoaching('Follow…');
    const dialog = page.getByRole('dialog', { name: /^Follow / });
    await dialog.getByRole('textbox', { name: 'Number of calls' }).fill('1');
    await dialog.getByRole('button', { name: 'Start following' }).click();
    const status = page.getByTestId('follow-status');
    await expect.poll(() => status.textContent()).toMatch(/^Following \d+ · 1 call left/);
    stack.sim.center.setAgentStatus(target, '7');
    await expect
      .poll(() => inspectionStatus(page).textContent(), { timeout: 5_000 })
      .toMatch(/^Listening/);
    await shoot('following');
    stack.sim.center.setAgentStatus(target, '5');
    await page.getByRole('button', { name: 'Score now' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => status.count()).toBe(0);
    await page.getByRole('button', { name: 'Score now' }).click();
    const card = page.getByRole('dialog', { name: /^Scorecard for / });
    await card.waitFor();
    // Keyboard: into each item's scale, arrow right to a score.
    const groups = card.locator('fieldset.score-item');
    const count = await groups.count();
    expect(count).toBe(5);
    for (let index = 0; index < count; index += 1) {
      await groups.nth(index).getByRole('radio').first().focus();
      await page.keyboard.press('ArrowRight');
      for (let step = 0; step < index % 4; step += 1) await page.keyboard.press('ArrowRight');
    }
    await card
      .getByRole('textbox', { name: 'Overall comment' })
      .fill('Clear greeting; verify identity earlier.');
    await expect.poll(() => card.locator('.scorecard-total').textContent()).toBe('Total 11 of 25');
    await shoot('scorecard');
    await scanEveryLook();
    await card.getByRole('button', { name: 'Save scorecard' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it("shows the agent's coaching file: states, actions, notes and the scorecard in one timeline", async () => {
    const target = plainAgents()[3]!;
    await stack.core.execute('coaching.sendNote', {
      recipients: { kind: 'agents', workNos: [target] },
      text: 'Good call — thank you.',
      source: 'window',
    });
    await stack.core.execute('coaching.forceRest', {
      workNo: target,
      seconds: 600,
      reason: 2,
      source: 'window',
    });
    const row = await findAgentRow(page, target);
    await row.click();
    await chooseCoaching('Coaching file');
    const dialog = page.getByRole('dialog', { name: /^Coaching file · / });
    await dialog.getByText('“Good call — thank you.”').waitFor();
    const kinds = await dialog.locator('tbody .kind-badge').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['State', 'Action', 'Note', 'Inspection', 'Scorecard']));
    await dialog.getByText(/Clear greeting; verify identity earlier\./).waitFor();
    await shoot('file');
    await scanEveryLook();
    await dialog.getByRole('checkbox', { name: 'State' }).click();
    await expect.poll(() => dialog.locator('tbody .kind-state').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() => stack.saved.at(-1)?.name ?? '')
      .toMatch(/^cc-inspector-coaching-\d+-.*\.csv$/);
    expect(stack.saved.at(-1)!.content).toContain('Good call — thank you.');
    expect(stack.saved.at(-1)!.content).not.toMatch(/,state,/);
    await page.keyboard.press('Escape');
    expect(readPageProblems(page)).toEqual([]);
  });
});
