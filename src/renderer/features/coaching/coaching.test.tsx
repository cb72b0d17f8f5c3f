import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeHotkeys, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import {
  EMPTY_COACHING_VIEW,
  chooseCoaching,
  coachingRoster,
} from '../../../../test/support/renderer/coaching-fixtures';
import {
  giveElementsSizeInEachTest,
  renderApp,
} from '../../../../test/support/renderer/render-app';

giveElementsSizeInEachTest(600);

describe('coaching', () => {
  it('the note composer counts UTF-8 bytes and refuses 1,024 before sending', async () => {
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster: coachingRoster, selectedWorkNo: '1001' }),
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

  it('opens the note composer on the agent when the tray asks (ui.composeNote), once per ask', async () => {
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster: coachingRoster }),
      prepare: (fake) =>
        fake.handle('coaching.previewRecipients', () => ({
          ok: true,
          value: { workNos: ['1002'], signedIn: 1, batches: 1 },
        })),
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Main selects the agent first, then asks for the composer (the tray's order).
    act(() => {
      api.emit('selection.changed', { workNo: '1002' });
      api.emit('ui.composeNote', { workNo: '1002' });
    });
    const dialog = within(await screen.findByRole('dialog', { name: 'Note to agents' }));
    expect(dialog.getByRole('radio', { name: /Selected agent \(1002/ })).toBeChecked();
    await userEvent.click(dialog.getAllByRole('button', { name: 'Close' })[0]!);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Nothing new asked: it stays closed whatever else changes.
    act(() => api.emit('selection.changed', { workNo: '1001' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('sends to the agents the table shows and lists each batch with who got it', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1001 + i));
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster: coachingRoster }),
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
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster: coachingRoster, selectedWorkNo: '1002' }),
    });
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
    await renderApp({ snapshot: makeSnapshot({ roster: coachingRoster, selectedWorkNo: '1001' }) });
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
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster: coachingRoster }) });
    expect(screen.queryByRole('region', { name: 'Coaching' })).toBeNull();
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_COACHING_VIEW,
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
        ...EMPTY_COACHING_VIEW,
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
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster: coachingRoster, selectedWorkNo: '1002' }),
    });
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
        roster: coachingRoster,
        selectedWorkNo: '1002',
        hotkeys: makeHotkeys({ 'stop-follow': 'Control+Alt+Shift+F' }),
      }),
    });
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_COACHING_VIEW,
        follow: { workNo: '1002', callsLeft: 2, until: null, callsJoined: 1, listening: true },
      });
    });
    const status = screen.getByTestId('follow-status');
    expect(status).toHaveTextContent('Following 1002 · 2 calls left');
    await userEvent.click(within(status).getByRole('button', { name: /Stop following/ }));
    expect(api.callsOf('coaching.stopFollow')).toEqual([{}]);
  });
});
