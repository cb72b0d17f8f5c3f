import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JournalEntry } from '../../../shared/domain';
import { renderApp } from '../../../../test/support/renderer/render-app';
import { JournalDialog } from './journal-dialog';

const entry = (at: string, patch: Partial<JournalEntry> = {}): JournalEntry => ({
  at,
  action: 'listen',
  target: '1001',
  source: 'window',
  modeBefore: 'idle',
  modeAfter: 'listening',
  outcome: 'ok',
  retcode: null,
  message: null,
  durationMs: 42,
  ...patch,
});

describe('JournalDialog', () => {
  it('lists the actions newest first and adds new ones live', async () => {
    const { api } = await renderApp({
      element: <JournalDialog onClose={() => undefined} />,
      prepare: (fake) =>
        fake.handle('journal.list', () => ({
          ok: true,
          value: [
            entry('2025-03-01T10:00:00Z'),
            entry('2025-03-01T10:05:00Z', {
              action: 'intercept',
              outcome: 'failed',
              retcode: '900-003',
              message: 'The agent is not available.',
            }),
          ],
        })),
    });
    expect(api.callsOf('journal.list')).toEqual([{ limit: 500 }]);
    const table = within(await screen.findByRole('table', { name: 'Your actions, newest first' }));
    let rows = table.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Intercept');
    expect(rows[0]).toHaveTextContent('Failed 900-003The agent is not available.');
    expect(rows[1]).toHaveTextContent('Listen');
    act(() =>
      api.emit(
        'journal.appended',
        entry('2025-03-01T10:06:00Z', {
          action: 'cancel',
          source: 'hotkey',
          modeBefore: 'listening',
          modeAfter: 'idle',
        }),
      ),
    );
    rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      expect.stringContaining('10:06:00'),
      'End',
      '1001',
      'Hotkey',
      'Listening → Idle',
      'Done',
      '42 ms',
    ]);
  });

  it('exports and says where the file went', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({
      element: <JournalDialog onClose={() => undefined} />,
      prepare: (fake) => {
        fake.handle('journal.list', () => ({ ok: true, value: [] }));
        fake.handle('journal.export', () => ({
          ok: true,
          value: { savedTo: '/home/me/journal.csv', entries: 12 },
        }));
      },
    });
    expect(await screen.findByText('No actions recorded yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(api.callsOf('journal.export')).toEqual([{ format: 'csv' }]);
  });
});
