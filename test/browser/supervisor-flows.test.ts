/**
 * The built renderer in Chromium, driven by the real supervisor core against the simulator:
 * what a supervisor does in a shift, end to end.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openRenderer, readPageProblems } from './harness/browser';
import { startLiveStack, type LiveStack } from './harness/live-stack';
import {
  actionBar,
  findAgentRow,
  inspectionStatus,
  RECORD_PILL_SCRIPT,
  signInThroughScreen,
} from './harness/page-helpers';
import type { PageGlobals } from './harness/page-globals';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** An ordinary agent (not an inspector) of the simulated center. */
function pickAgent(stack: LiveStack, index: number): string {
  const agents = stack.sim.center
    .listAgents()
    .filter(
      (agent) => !stack.sim.inspectors.some((inspector) => inspector.agentId === agent.workNo),
    );
  const agent = agents[index];
  if (!agent) throw new Error(`no agent ${index}`);
  return agent.workNo;
}

describe('a shift on the simulator', () => {
  let stack: LiveStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startLiveStack({ simulator: { changesPerAgentPerMinute: 0 } });
    ({ page } = await openRenderer(browser, stack.server));
  });
  afterAll(async () => {
    await page?.context().close();
    await stack?.close();
  });

  it('shows a refused sign-in in plain words with the retcode', async () => {
    await signInThroughScreen(page, 'not-the-password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Wrong agent ID or password. (code 100-004)');
  });

  it('signs in and fills the agent list', async () => {
    await signInThroughScreen(page, stack.inspector.password);
    await page.getByRole('grid', { name: 'Agents' }).waitFor();
    const snapshot = await stack.core.execute('app.getSnapshot', {});
    const count = snapshot.ok ? snapshot.value.roster.length : 0;
    expect(count).toBeGreaterThan(30);
    await expect
      .poll(() => page.getByRole('grid').getAttribute('aria-rowcount'))
      .toBe(String(count + 1));
    await expect.poll(() => page.getByText(`${count} of ${count} agents`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('connection-pill').textContent()).toMatch(/^Live/);
  });

  it('changes a row live when the agent changes state', async () => {
    const workNo = pickAgent(stack, 0);
    stack.sim.center.setAgentStatus(workNo, '4');
    const row = await findAgentRow(page, workNo);
    await expect.poll(() => row.getByRole('gridcell').nth(4).textContent()).toBe('Idle');
    stack.sim.center.setAgentStatus(workNo, '3');
    await expect
      .poll(() => row.getByRole('gridcell').nth(4).textContent(), { timeout: 3_000 })
      .toBe('Busy');
  });

  it('moves the selection with the keyboard and tells the core', async () => {
    await page.getByRole('searchbox').fill('');
    const rows = page.locator('.agent-grid-body [role="row"]');
    await rows.first().click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('[role="row"][aria-selected="true"]');
    await expect.poll(() => selected.getAttribute('aria-rowindex')).toBe('4');
    const workNo = await selected.getAttribute('data-workno');
    await expect
      .poll(() =>
        selected.evaluate(
          (element) => element === (globalThis as unknown as PageGlobals).document.activeElement,
        ),
      )
      .toBe(true);
    await expect
      .poll(async () => {
        const snapshot = await stack.core.execute('app.getSnapshot', {});
        return snapshot.ok ? snapshot.value.selectedWorkNo : null;
      })
      .toBe(workNo);
    await page.keyboard.press('End');
    await expect
      .poll(() => selected.getAttribute('aria-rowindex'))
      .toBe(await page.getByRole('grid').getAttribute('aria-rowcount'));
  });

  it('listens, switches, ends, then listens and intercepts, with the strip following', async () => {
    const workNo = pickAgent(stack, 1);
    stack.sim.center.setAgentStatus(workNo, '7');
    const row = await findAgentRow(page, workNo);
    await expect.poll(() => row.getByRole('gridcell').nth(4).textContent()).toBe('Talking');
    await row.click();
    const bar = actionBar(page);
    await bar.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect
      .poll(() => inspectionStatus(page).textContent())
      .toMatch(new RegExp(`^Listening${workNo}`));
    await expect.poll(() => row.getByRole('gridcell').nth(7).textContent()).toBe('You · listening');

    await bar.getByRole('button', { name: 'Switch', exact: true }).click();
    await expect
      .poll(() => inspectionStatus(page).textContent())
      .toMatch(new RegExp(`^Barged in${workNo}`));

    await bar.getByRole('button', { name: 'End', exact: true }).click();
    await expect.poll(() => inspectionStatus(page).textContent()).toBe('Idle');

    await bar.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect.poll(() => inspectionStatus(page).textContent()).toMatch(/^Listening/);
    await bar.getByRole('button', { name: 'Intercept', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Take over this call?' });
    await confirm.getByRole('button', { name: 'Intercept' }).click();
    await expect
      .poll(() => inspectionStatus(page).textContent())
      .toMatch(new RegExp(`^On a call${workNo}`));
    // On your own call, ending it is the phone's job: the button says so.
    await expect
      .poll(() =>
        bar.getByRole('button', { name: 'End', exact: true }).getAttribute('aria-disabled'),
      )
      .toBe('true');
  });

  it('lists those actions in the journal', async () => {
    await page.getByRole('button', { name: 'Journal' }).click();
    const journal = page.getByRole('dialog', { name: 'My actions' });
    await expect.poll(() => journal.getByRole('row').count()).toBeGreaterThan(5);
    const firstCells = await journal.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(firstCells.slice(1, 4)).toEqual(['Intercept', expect.any(String), 'Window']);
    await page.keyboard.press('Escape');
    expect(readPageProblems(page)).toEqual([]);
  });
});

describe('queued calls', () => {
  let stack: LiveStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startLiveStack({ simulator: { changesPerAgentPerMinute: 0 } });
    ({ page } = await openRenderer(browser, stack.server));
    await signInThroughScreen(page, stack.inspector.password);
    await page.getByRole('grid', { name: 'Agents' }).waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await stack?.close();
  });

  it('takes a waiting call out of its queue', async () => {
    const skill = stack.sim.center.listSkills()[0]!;
    stack.sim.center.enqueueCall(skill.id, '13900001111');
    const queue = page.getByRole('button', { name: new RegExp(skill.name) });
    await expect.poll(() => queue.textContent(), { timeout: 10_000 }).toContain('1 waiting');
    await queue.click();
    const take = page.getByRole('button', { name: 'Take this call from 13900001111' });
    await take.waitFor({ timeout: 10_000 });
    await take.click();
    await expect.poll(() => inspectionStatus(page).textContent()).toMatch(/^On a call/);
    await expect.poll(() => queue.textContent(), { timeout: 10_000 }).toContain('0 waiting');
  });
});

describe('hotkeys, language and recovery', () => {
  let stack: LiveStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startLiveStack({
      simulator: { changesPerAgentPerMinute: 0 },
      ownedAccelerators: ['CommandOrControl+Alt+P'],
    });
    ({ page } = await openRenderer(browser, stack.server, { initScripts: [RECORD_PILL_SCRIPT] }));
    await signInThroughScreen(page, stack.inspector.password);
    await page.getByRole('grid', { name: 'Agents' }).waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await stack?.close();
  });

  it('rebinds a hotkey and shows the one another application owns', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const listen = settings.getByTestId('hotkey-listen');
    await listen.getByRole('button', { name: /Hotkey for Listen/ }).click();
    await page.keyboard.press('Control+Alt+KeyK');
    await expect.poll(() => listen.textContent()).toContain('Ctrl+Alt+K');
    await expect.poll(() => listen.textContent()).toContain('Active');
    expect(stack.hotkeys.bound().listen).toBe('CommandOrControl+Alt+K');

    const barge = settings.getByTestId('hotkey-barge');
    await barge.getByRole('button', { name: /Hotkey for Barge in/ }).click();
    await page.keyboard.press('Control+Alt+KeyP');
    await expect
      .poll(() => barge.textContent())
      .toContain(
        'Taken by another application — Another application has registered this shortcut.',
      );

    const cancel = settings.getByTestId('hotkey-cancel');
    const cancelBefore = stack.hotkeys.bound().cancel;
    await cancel.getByRole('button', { name: /Hotkey for End/ }).click();
    await page.keyboard.press('Control+Alt+KeyK');
    await expect.poll(() => cancel.textContent()).toContain('Already used by Listen.');
    expect(stack.hotkeys.bound().cancel).toBe(cancelBefore);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => settings.count()).toBe(0);
    const listenButton = actionBar(page).getByRole('button', { name: 'Listen', exact: true });
    expect(
      await listenButton.evaluate(
        (button) =>
          (globalThis as unknown as PageGlobals).document.getElementById(
            button.getAttribute('aria-describedby') ?? '',
          )?.textContent,
      ),
    ).toContain('Hotkey Ctrl+Alt+K');
  });

  it('recovers by itself after the gateway restarts, and says so meanwhile', async () => {
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).__ccPillTexts = []));
    stack.sim.restart();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).__ccPillTexts), {
        timeout: 10_000,
      })
      .toEqual(expect.arrayContaining(['Reconnecting']));
    await expect
      .poll(() => page.getByTestId('connection-pill').textContent(), { timeout: 10_000 })
      .toMatch(/^Live/);
    const workNo = pickAgent(stack, 2);
    const row = await findAgentRow(page, workNo);
    stack.sim.center.setAgentStatus(workNo, '8');
    await expect
      .poll(() => row.getByRole('gridcell').nth(4).textContent(), { timeout: 5_000 })
      .toBe('Rest');
  });

  it('switches the whole screen to Chinese', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Language').selectOption('zh-CN');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('grid', { name: '座席' }).waitFor();
    expect(await page.getByRole('button', { name: '签出', exact: true }).count()).toBe(1);
    expect(await actionBar(page).getByRole('button', { name: '监听', exact: true }).count()).toBe(
      1,
    );
    expect(
      await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.lang,
      ),
    ).toBe('zh-CN');
    expect(stack.settings.current().language).toBe('zh-CN');
    expect(readPageProblems(page)).toEqual([]);
  });
});
