import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CoachingView, TimelineEntry } from '../../../shared/coaching';
import { makeAgent, makeHotkeys, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { giveElementsSize, renderApp } from '../../../../test/support/renderer/render-app';

let restoreSize: () => void;
beforeEach(() => {
  restoreSize = giveElementsSize(600);
});
afterEach(() => restoreSize());

const roster = [
  makeAgent('1001', { name: 'Li Na', state: 'talking' }),
  makeAgent('1002', { name: 'Wang Fang', state: 'idle' }),
  makeAgent('1003', { name: 'Zhao Lei', state: 'signed-out' }),
];
/** Open the action bar's "Coaching" menu and choose an item by its name. */
async function chooseCoaching(name: string): Promise<void> {
  const actions = within(screen.getByRole('region', { name: 'Actions' }));
  await userEvent.click(actions.getByRole('button', { name: 'Coaching' }));
  await userEvent.click(screen.getByRole('menuitem', { name }));
}
const EMPTY_VIEW: CoachingView = {
  follow: null,
  sampler: { enabled: false, proposal: null, sampledThisShift: 0 },
  scorecardDue: null,
  fileAvailable: true,
};

describe('coaching', () => {
  it('the note composer counts UTF-8 bytes and refuses 1,024 before sending', async () => {
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }),
      prepare: (fake) =>
        fake.handle('coaching.previewRecipients', () => ({
          ok: true,
          value: { workNos: ['1001'], signedIn: 1, batches: 1 },
        })),
    });
    await chooseCoaching('Note…');
    const dialog = within(screen.getByRole('dialog', { name: 'Note to agents' }));
    await screen.findByText('1 agent (1 signed in) · 1 request');
    const text = dialog.getByRole('textbox', { name: 'Note' });
    await userEvent.click(text);
    await userEvent.paste('注'.repeat(341));
    expect(dialog.getByText('1023 of 1023 bytes')).toBeInTheDocument();
    await userEvent.type(text, 'x');
    expect(dialog.getByText('1024 of 1023 bytes')).toHaveClass('over');
    const send = dialog.getByRole('button', { name: 'Send note' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(send);
    expect(api.callsOf('coaching.sendNote')).toEqual([]);
  });

  it('sends to the agents the table shows and lists each batch with who got it', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1001 + i));
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster }),
      prepare: (fake) => {
        fake.handle('coaching.previewRecipients', () => ({
          ok: true,
          value: { workNos: ids, signedIn: 120, batches: 2 },
        }));
        fake.handle('coaching.sendNote', () => ({
          ok: true,
          value: {
            recipients: 150,
            batches: [
              {
                index: 0,
                workNos: ids.slice(0, 100),
                outcome: 'ok',
                retcode: null,
                message: null,
                messageZh: null,
                signedIn: ids.slice(0, 80),
              },
              {
                index: 1,
                workNos: ids.slice(100),
                outcome: 'failed',
                retcode: '100-007',
                message: 'The gateway had an internal error.',
                messageZh: '网关内部错误。',
                signedIn: [],
              },
            ],
          },
        }));
      },
    });
    await chooseCoaching('Note…');
    const dialog = within(screen.getByRole('dialog', { name: 'Note to agents' }));
    expect(dialog.getByRole('radio', { name: 'Agents shown in the table (3)' })).toBeChecked();
    await screen.findByText('150 agents (120 signed in) · 2 requests of at most 100');
    await userEvent.selectOptions(
      dialog.getByRole('combobox', { name: 'Start from a template' }),
      'break',
    );
    expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Please take your break now. 请现在休息。',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Send note' }));
    expect(api.callsOf('coaching.sendNote')).toEqual([
      {
        recipients: { kind: 'agents', workNos: ['1001', '1002', '1003'] },
        text: 'Please take your break now. 请现在休息。',
      },
    ]);
    expect(
      await dialog.findByText(/Request 1: 100 agents — sent \(80 signed in get it now\)/),
    ).toBeInTheDocument();
    expect(
      dialog.getByText(/Request 2: 50 agents — not sent: The gateway had an internal error\./),
    ).toBeInTheDocument();
  });

  it('says why the agent controls are unavailable and asks before releasing a call', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1002' }) });
    const menuButton = screen.getByRole('button', { name: 'Coaching' });
    await userEvent.click(menuButton);
    // Refused, and why: on screen under the label, and read with it (the name is the text seen).
    const release = screen.getByRole('menuitem', {
      name: 'Release call… The agent is not in a call',
    });
    expect(release).toHaveAttribute('aria-disabled', 'true');
    expect(within(release).getByText('The agent is not in a call')).toBeVisible();
    expect(screen.getByRole('menuitem', { name: 'Rest…' })).not.toHaveAttribute('aria-disabled');
    // A refused item does nothing and leaves the menu open.
    await userEvent.click(release);
    expect(screen.getByRole('menu', { name: 'Coaching' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(menuButton).toHaveFocus();
    await act(async () => {
      api.emit('selection.changed', { workNo: '1001' });
    });
    await chooseCoaching('Release call…');
    const dialog = screen.getByRole('alertdialog', { name: 'Release this call?' });
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Release call' }));
    expect(api.callsOf('coaching.forceRelease')).toEqual([{ workNo: '1001' }]);
  });

  it('every coaching action is in the one action bar, with the keyboard of a menu button', async () => {
    await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }) });
    // No second bar of buttons: the coaching actions are the action bar's menu.
    expect(screen.queryByRole('button', { name: 'Note…' })).toBeNull();
    const menuButton = within(screen.getByRole('region', { name: 'Actions' })).getByRole('button', {
      name: 'Coaching',
    });
    expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    menuButton.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Coaching' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(menuButton).toHaveAttribute('aria-controls', menu.id);
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Note…',
      'Follow…',
      'Rest…',
      'Skills…',
      'Release call…',
      'Coaching file',
      'Coaching setup',
    ]);
    expect(screen.getByRole('menuitem', { name: 'Note…' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Coaching setup' })).toHaveFocus();
    await userEvent.keyboard('{Home}{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Rest…' })).toHaveFocus();
    await userEvent.keyboard('c');
    expect(screen.getByRole('menuitem', { name: 'Coaching file' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Coaching setup' })).toHaveFocus();
    // Tab closes it on the button; Enter opens the chosen dialog and focus comes back after.
    await userEvent.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(menuButton).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Note…' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    const follow = screen.getByRole('dialog', { name: /^Follow / });
    await userEvent.keyboard('{Escape}');
    expect(follow).not.toBeInTheDocument();
    expect(menuButton).toHaveFocus();
    // Focus taken elsewhere (Ctrl+F to the search box) closes the menu.
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.keyboard('{Control>}f{/Control}');
    expect(screen.getByRole('searchbox', { name: 'Search agents by ID or name' })).toHaveFocus();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows coaching notices only while there is one: the sampler proposal and its count', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    expect(screen.queryByRole('region', { name: 'Coaching' })).toBeNull();
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_VIEW,
        sampler: { enabled: true, proposal: null, sampledThisShift: 3 },
      });
    });
    // Nothing to act on: no row; the shift's count is under the menu's items.
    expect(screen.queryByRole('region', { name: 'Coaching' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Coaching' }));
    expect(screen.getByRole('menu')).toHaveAccessibleDescription(
      'No call matches the sampling rules now · 3 agents sampled this shift',
    );
    await userEvent.keyboard('{Escape}');
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_VIEW,
        sampler: {
          enabled: true,
          proposal: { workNo: '1001', callId: 'c-9', since: null, reasons: ['long-call'] },
          sampledThisShift: 3,
        },
      });
    });
    const notices = within(screen.getByRole('region', { name: 'Coaching' }));
    expect(notices.getByRole('status')).toHaveTextContent(
      /^Next call to sample: 1001 Li Na · .* · long call/,
    );
    await userEvent.click(notices.getByRole('button', { name: 'Listen now' }));
    expect(api.callsOf('coaching.sampleNext')).toEqual([{}]);
  });

  it('rest and skills go out with what was chosen', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1002' }) });
    await chooseCoaching('Rest…');
    const rest = within(screen.getByRole('dialog', { name: 'Rest for 1002 Wang Fang' }));
    await userEvent.clear(rest.getByRole('textbox', { name: 'Minutes (1–1,439)' }));
    await userEvent.type(rest.getByRole('textbox', { name: 'Minutes (1–1,439)' }), '0');
    expect(rest.getByRole('button', { name: 'Start rest' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.type(rest.getByRole('textbox', { name: 'Minutes (1–1,439)' }), '5');
    await userEvent.click(rest.getByRole('button', { name: 'Start rest' }));
    expect(api.callsOf('coaching.forceRest')).toEqual([
      { workNo: '1002', seconds: 300, reason: 1 },
    ]);
  });

  it('following shows in the strip and stops from there; its hotkey is shown', async () => {
    const { api } = await renderApp({
      snapshot: makeSnapshot({
        roster,
        selectedWorkNo: '1002',
        hotkeys: makeHotkeys({ 'stop-follow': 'Control+Alt+Shift+F' }),
      }),
    });
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_VIEW,
        follow: { workNo: '1002', callsLeft: 2, until: null, callsJoined: 1, listening: true },
      });
    });
    const status = screen.getByTestId('follow-status');
    expect(status).toHaveTextContent('Following 1002 · 2 calls left');
    await userEvent.click(within(status).getByRole('button', { name: /Stop following/ }));
    expect(api.callsOf('coaching.stopFollow')).toEqual([{}]);
  });

  it('offers a scorecard when an inspection ended and saves it only with every item scored', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_VIEW,
        scorecardDue: {
          id: 7,
          workNo: '1001',
          callId: 'c-1',
          mode: 'listening',
          startedAt: 1,
          endedAt: 2,
          origin: 'follow',
        },
      });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Score now' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Scorecard for 1001 Li Na' }));
    const save = dialog.getByRole('button', { name: 'Save scorecard' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    for (const item of [
      'Greeting 问候',
      'Identity check 身份核实',
      'Understanding the need 理解需求',
      'Resolution 解决问题',
      'Closing 结束语',
    ])
      await userEvent.click(
        within(dialog.getByRole('group', { name: item })).getByRole('radio', { name: '4' }),
      );
    expect(dialog.getByText('Total 20 of 25')).toBeInTheDocument();
    api.handle('coaching.saveScorecard', () => ({
      ok: true,
      value: {
        id: 1,
        inspectionId: 7,
        workNo: '1001',
        at: 3,
        formId: 'call-quality',
        formName: 'x',
        maxScore: 5,
        total: 20,
        comment: '',
        items: [],
      },
    }));
    await userEvent.click(save);
    expect(api.callsOf('coaching.saveScorecard')[0]).toMatchObject({
      inspectionId: 7,
      workNo: '1001',
      formId: 'call-quality',
      scores: expect.arrayContaining([{ itemId: 'greeting', score: 4, comment: '' }]),
    });
  });

  it('the coaching file lists one timeline and filters by kind', async () => {
    const entries: TimelineEntry[] = [
      {
        kind: 'scorecard',
        at: 5_000,
        id: 1,
        formName: 'Call quality',
        total: 18,
        maxScore: 5,
        comment: 'Good',
      },
      { kind: 'note', at: 4_000, content: 'Take a break', outcome: 'ok', signedIn: true },
      {
        kind: 'action',
        at: 3_000,
        action: 'force-rest',
        source: 'window',
        outcome: 'ok',
        retcode: null,
        message: null,
      },
      { kind: 'state', at: 2_000, state: 'rest', since: 2_000, exact: true },
    ];
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }),
      prepare: (fake) =>
        fake.handle('coaching.timeline', (args) => ({
          ok: true,
          value: entries.filter((entry) =>
            (args as { kinds: string[] }).kinds.includes(entry.kind),
          ),
        })),
    });
    await chooseCoaching('Coaching file');
    const dialog = within(screen.getByRole('dialog', { name: 'Coaching file · 1001 Li Na' }));
    expect(await dialog.findByText('“Take a break”')).toBeInTheDocument();
    expect(dialog.getAllByRole('row')).toHaveLength(5);
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Note' }));
    await dialog.findByText('Call quality: 18 · Good');
    expect(dialog.queryByText('“Take a break”')).toBeNull();
    expect(api.callsOf('coaching.timeline').at(-1)).toMatchObject({
      workNo: '1001',
      kinds: ['state', 'action', 'inspection', 'scorecard'],
    });
  });

  it('edits a scorecard form and the retention in the coaching setup, reached from Settings', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open coaching setup…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Coaching setup' }));
    const retention = dialog.getByRole('textbox', { name: 'Keep records for (days)' });
    expect(retention).toHaveValue('90');
    await userEvent.clear(retention);
    await userEvent.type(retention, '30');
    const removeFirst = dialog.getByRole('button', { name: 'Remove item 1' });
    await userEvent.click(removeFirst);
    await userEvent.click(dialog.getByRole('button', { name: 'Remove item 1' }));
    // Three items are the least a form holds: the button says so by refusing.
    expect(dialog.getByRole('button', { name: 'Remove item 1' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Add an item (3 to 10)' }));
    await userEvent.type(dialog.getByRole('textbox', { name: 'Item 4' }), 'Empathy 同理心');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    const [patch] = api.callsOf('settings.update');
    expect(patch?.coaching?.retentionDays).toBe(30);
    expect(patch?.coaching?.scorecardForms?.[0]?.items.map((item) => item.label)).toEqual([
      'Understanding the need 理解需求',
      'Resolution 解决问题',
      'Closing 结束语',
      'Empathy 同理心',
    ]);
  });
});
