import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TimelineEntry } from '../../../shared/coaching';
import { makeSnapshot } from '../../../../test/support/renderer/fixtures';
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

describe('coaching records: scorecards, the coaching file and its setup', () => {
  it('offers a scorecard when an inspection ended and saves it only with every item scored', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster: coachingRoster }) });
    await act(async () => {
      api.emit('coaching.changed', {
        ...EMPTY_COACHING_VIEW,
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
      snapshot: makeSnapshot({ roster: coachingRoster, selectedWorkNo: '1001' }),
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
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster: coachingRoster }) });
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
