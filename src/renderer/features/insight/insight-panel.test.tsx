/**
 * The insight line on the main screen: closed by default to the center's figures, charts on
 * request, the choice remembered for the next start.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  HISTORY_FIELDS,
  type HistoryField,
  type HistorySeries,
  type InsightSnapshot,
} from '../../../shared/insight';
import { makeAgent, makeSettings, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { giveElementsSize, renderApp } from '../../../../test/support/renderer/render-app';

let restoreSize: () => void;
beforeEach(() => {
  restoreSize = giveElementsSize(600);
});
afterEach(() => {
  restoreSize();
  localStorage.clear();
});

const figures = {
  waiting: 7,
  longestWaitSeconds: 95,
  agents: { signedIn: 40, available: 12, talking: 20, wrapUp: 3, resting: 2, busy: 3, counted: 40 },
  observed: {
    answered: 30,
    answeredWithinThreshold: 20,
    abandoned: 2,
    abandonedAfterThreshold: 2,
    asaSeconds: 14,
    serviceLevel: 0.7,
    coverage: { observedMs: 1, shiftMs: 2, ratio: 0.5, calls: 32 },
  },
};
const insight: InsightSnapshot = {
  at: 10_000,
  shiftStartedAt: 0,
  serviceLevelSeconds: 30,
  skills: [{ skillId: 4, name: 'Sales', dataAt: 10_000, ...figures, waiting: 2 }],
  center: { ...figures, observedSkills: 1 },
  reasonTime: [],
  live: true,
};
const history: HistorySeries = {
  skillId: null,
  name: '',
  resolutionMs: 5_000,
  t: [5_000, 10_000],
  columns: Object.fromEntries(HISTORY_FIELDS.map((field) => [field, [1, 2]])) as Record<
    HistoryField,
    Array<number | null>
  >,
};

function render() {
  return renderApp({
    snapshot: makeSnapshot({ roster: [makeAgent('1001', { name: 'Li Na' })] }),
    prepare: (fake) => {
      fake.handle('stats.getSnapshot', () => ({ ok: true, value: insight }));
      fake.handle('stats.history', () => ({ ok: true, value: history }));
    },
  });
}

describe('insight panel', () => {
  it('starts closed: one line of the center’s figures, no charts loaded', async () => {
    const { api } = await render();
    const region = within(screen.getByRole('region', { name: 'Insight' }));
    const summary = await region.findByTestId('insight-summary');
    await within(summary).findByText('7');
    const pairs = [...summary.querySelectorAll('dt')].map(
      (term) => `${term.textContent}=${term.nextElementSibling?.textContent}`,
    );
    expect(pairs).toEqual([
      'Waiting=7',
      'Longest wait=1:35',
      'Available=12',
      // Observed, with the band in words (not by colour alone).
      'Service level (30 s, observed)=70%near target',
    ]);
    const toggle = region.getByRole('button', { name: 'Show charts' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).not.toHaveAttribute('aria-controls');
    expect(region.queryByRole('figure')).toBeNull();
    expect(region.queryByRole('combobox', { name: 'Figures of' })).toBeNull();
    expect(region.getByRole('button', { name: 'Open wallboard' })).toBeInTheDocument();
    expect(api.callsOf('stats.history')).toEqual([]);
  });

  it('shows the charts on request and remembers the choice for the next start', async () => {
    const first = await render();
    const region = within(screen.getByRole('region', { name: 'Insight' }));
    await userEvent.click(region.getByRole('button', { name: 'Show charts' }));
    const hide = region.getByRole('button', { name: 'Hide charts' });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    const body = document.getElementById(hide.getAttribute('aria-controls') ?? '');
    expect(body).not.toBeNull();
    expect(await region.findByRole('figure', { name: 'Queue length and longest wait' })).toBe(
      within(body!).getByRole('figure', { name: 'Queue length and longest wait' }),
    );
    expect(region.getByRole('combobox', { name: 'Figures of' })).toBeInTheDocument();
    expect(region.queryByTestId('insight-summary')).toBeNull();
    expect(first.api.callsOf('stats.history')).toEqual([{ skillId: null }]);
    first.unmount();

    // The next start opens as it was left; hiding is remembered too.
    const second = await render();
    const again = within(screen.getByRole('region', { name: 'Insight' }));
    expect(again.getByRole('button', { name: 'Hide charts' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await act(async () => undefined);
    expect(second.api.callsOf('stats.history')).toEqual([{ skillId: null }]);
    await userEvent.click(again.getByRole('button', { name: 'Hide charts' }));
    second.unmount();
    await render();
    expect(screen.getByRole('button', { name: 'Show charts' })).toBeInTheDocument();
  });

  it('reads a stored value it does not know as closed', async () => {
    localStorage.setItem('cc-inspector.layout.insight-open', 'yes please');
    await render();
    expect(screen.getByRole('button', { name: 'Show charts' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('shows the figures in Chinese too', async () => {
    await renderApp({
      snapshot: makeSnapshot({ roster: [], settings: makeSettings({ language: 'zh-CN' }) }),
      prepare: (fake) => fake.handle('stats.getSnapshot', () => ({ ok: true, value: insight })),
    });
    const summary = await screen.findByTestId('insight-summary');
    await within(summary).findByText('排队');
    expect(summary).toHaveTextContent('服务水平（30 秒，观测）70%接近目标');
    expect(screen.getByRole('button', { name: '显示图表' })).toBeInTheDocument();
  });
});
