import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freezeTime } from '../../../../test/support/renderer/frozen-time';
import {
  giveElementsSizeInEachTest,
  renderApp,
} from '../../../../test/support/renderer/render-app';

freezeTime();
import { makeAgent, makeAgents, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { AgentTable } from './agent-table';

giveElementsSizeInEachTest(600);

function rows(): HTMLElement[] {
  return within(screen.getByRole('grid')).getAllByRole('row').slice(1);
}

describe('AgentTable', () => {
  it('is an ARIA grid that renders only the rows on screen of a 10,000-agent list', async () => {
    await renderApp({
      element: <AgentTable />,
      snapshot: makeSnapshot({ roster: makeAgents(10_000) }),
    });
    const grid = screen.getByRole('grid', { name: 'Agents' });
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    const rendered = rows();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');
    expect(screen.getAllByRole('columnheader')).toHaveLength(8);
  });

  it('moves the selection with arrows, Home/End and PageDown and tells main', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({
      element: <AgentTable />,
      snapshot: makeSnapshot({ roster: makeAgents(100, () => ({ state: 'idle' })) }),
    });
    const first = rows()[0] as HTMLElement;
    expect(first).toHaveAttribute('tabindex', '0');
    expect(rows().filter((row) => row.getAttribute('tabindex') === '0')).toHaveLength(1);
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(api.callsOf('agents.select').at(-1)).toEqual({ workNo: '1001' });
    await user.keyboard('{ArrowDown}');
    expect(api.callsOf('agents.select').at(-1)).toEqual({ workNo: '1002' });
    const selected = screen.getByRole('row', { selected: true });
    expect(selected).toHaveAttribute('data-workno', '1002');
    expect(selected).toHaveFocus();
    expect(selected).toHaveAttribute('tabindex', '0');
    await user.keyboard('{End}');
    expect(api.callsOf('agents.select').at(-1)).toEqual({ workNo: '1100' });
    expect(screen.getByRole('row', { selected: true })).toHaveFocus();
    await user.keyboard('{Home}');
    await user.keyboard('{PageDown}');
    // 600 px viewport / 30 px rows = 20 rows, one kept for context.
    expect(api.callsOf('agents.select').at(-1)).toEqual({ workNo: '1020' });
  });

  it('jumps to an agent by typing the start of the name', async () => {
    const user = userEvent.setup();
    const roster = [
      makeAgent('1001', { name: 'Li Na' }),
      makeAgent('1002', { name: 'Wang Fang' }),
      makeAgent('1003', { name: 'Wu Lei' }),
    ];
    const { api } = await renderApp({
      element: <AgentTable />,
      snapshot: makeSnapshot({ roster }),
    });
    (rows()[0] as HTMLElement).focus();
    await user.keyboard('wu');
    expect(api.callsOf('agents.select').at(-1)).toEqual({ workNo: '1003' });
  });

  it('selects on click', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ element: <AgentTable /> });
    await user.click(screen.getByText('Agent 1003'));
    expect(api.callsOf('agents.select')).toEqual([{ workNo: '1003' }]);
    expect(screen.getByRole('row', { selected: true })).toHaveAttribute('data-workno', '1003');
  });

  it('marks and explains rows over an alert threshold', async () => {
    const roster = [
      makeAgent('1001', {
        state: 'talking',
        alerts: ['long-call'],
        call: { callId: 'c', caller: '13800138000', since: Date.now() - 700_000 },
      }),
    ];
    await renderApp({ element: <AgentTable />, snapshot: makeSnapshot({ roster }) });
    const row = rows()[0] as HTMLElement;
    expect(row).toHaveClass('has-alert');
    expect(within(row).getByText('Call longer than 10 min')).toBeInTheDocument();
    expect(within(row).getByTitle('Call longer than 10 min')).toBeInTheDocument();
    expect(within(row).getByText('13800138000')).toBeInTheDocument();
    expect(within(row).getByText('11:40')).toBeInTheDocument();
  });

  it('shows state as icon and word, and who inspects the agent', async () => {
    const roster = [
      makeAgent('1001', {
        state: 'busy',
        inspectedBy: { inspectorWorkNo: '9001', mode: 'listen' },
      }),
    ];
    await renderApp({ element: <AgentTable />, snapshot: makeSnapshot({ roster }) });
    const row = rows()[0] as HTMLElement;
    expect(within(row).getByText('Busy')).toBeInTheDocument();
    expect(within(row).getByText(/You · listening/)).toBeInTheDocument();
  });

  it('shows times whose start was not seen as lower bounds, and says why', async () => {
    const roster = [
      makeAgent('1001', {
        state: 'talking',
        stateSince: Date.now() - 125_000,
        stateSinceExact: false,
        call: { callId: null, caller: null, since: null },
      }),
      makeAgent('1002', { state: 'idle', stateSince: Date.now() - 65_000, stateSinceExact: true }),
    ];
    await renderApp({ element: <AgentTable />, snapshot: makeSnapshot({ roster }) });
    const untimed = screen.getByRole('row', { name: /Agent 1001/ });
    const cells = within(untimed).getAllByText('≥ 2:05');
    // Time in state and call length: both at least 2:05, both explained.
    expect(cells).toHaveLength(2);
    for (const cell of cells)
      expect(cell).toHaveAttribute(
        'title',
        'At least this long: it began before CC Inspector could see it',
      );
    const exact = screen.getByRole('row', { name: /Agent 1002/ });
    expect(within(exact).getByText('1:05')).not.toHaveAttribute('title');
  });

  it('sorts by a column when its header is pressed, and says so', async () => {
    const user = userEvent.setup();
    const roster = [makeAgent('1002', { name: 'Bo' }), makeAgent('1001', { name: 'Al' })];
    await renderApp({ element: <AgentTable />, snapshot: makeSnapshot({ roster }) });
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(rows().map((row) => row.getAttribute('data-workno'))).toEqual(['1001', '1002']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(rows().map((row) => row.getAttribute('data-workno'))).toEqual(['1002', '1001']);
  });

  it('updates a row live when a delta arrives', async () => {
    const { api } = await renderApp({ element: <AgentTable /> });
    act(() =>
      api.emit('roster.delta', {
        version: 2,
        reset: false,
        upserts: [makeAgent('1001', { state: 'ringing' })],
        removed: [],
      }),
    );
    expect(
      within(screen.getByRole('row', { name: /Agent 1001/ })).getByText('Ringing'),
    ).toBeInTheDocument();
  });

  it('says so when there are no agents yet', async () => {
    await renderApp({ element: <AgentTable />, snapshot: makeSnapshot({ roster: [] }) });
    expect(screen.getByText('No agents yet')).toBeInTheDocument();
  });

  it('says how many agents are on their way while the screen waits for them', async () => {
    let showAgents: () => void = () => undefined;
    await renderApp({
      element: <AgentTable />,
      snapshot: makeSnapshot({ roster: makeAgents(10_000) }),
      screenOnly: true,
      storeOptions: { afterScreenShown: (callback) => (showAgents = callback) },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading 10000 agents…');
    expect(screen.queryByText('No agents yet')).not.toBeInTheDocument();
    // The list is as long as announced already (the scrollbar does not jump when they come).
    const body = screen.getByRole('grid').querySelector<HTMLElement>('.agent-grid-body');
    expect(body?.style.height).toBe(`${10_000 * 30}px`);
    expect(rows()).toHaveLength(0);
    await act(async () => {
      showAgents();
      await vi.waitFor(() => expect(rows().length).toBeGreaterThan(10));
    });
    expect(screen.queryByText(/Loading/)).not.toBeInTheDocument();
    expect(body?.style.height).toBe(`${10_000 * 30}px`);
  });

  it('says so when filters hide everyone, and clears them on request', async () => {
    const user = userEvent.setup();
    const { store } = await renderApp({ element: <AgentTable /> });
    act(() => store.setView({ search: 'zzz', states: ['rest'] }));
    expect(screen.getByText('No agent matches the search and filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(store.getState().view).toMatchObject({ search: '', states: [], group: null });
    expect(rows()).toHaveLength(5);
  });
});
