import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDLE_INSPECTION } from '../shared/inspection-vocabulary';
import { makeAgent, makeSnapshot } from '../../test/support/renderer/fixtures';
import { FROZEN_NOW, freezeTime } from '../../test/support/renderer/frozen-time';
import { giveElementsSizeInEachTest, renderApp } from '../../test/support/renderer/render-app';

freezeTime();

giveElementsSizeInEachTest(600);

const now = FROZEN_NOW;
const roster = [
  makeAgent('1001', {
    name: 'Li Na',
    state: 'talking',
    call: { callId: 'a', caller: '555', since: now - 14 * 60_000 },
    alerts: ['long-call'],
  }),
  makeAgent('1002', {
    name: 'Wang Fang',
    state: 'busy',
    stateSince: now - 30 * 60_000,
    alerts: ['long-busy'],
  }),
  makeAgent('1003', { name: 'Zhao Lei', state: 'idle' }),
];

describe('main screen', () => {
  it('shows the longest call and the agent in trouble at a glance, and selects them', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    const glance = within(screen.getByRole('region', { name: 'At a glance' }));
    const longest = glance.getByRole('button', { name: /Longest call/ });
    expect(longest).toHaveTextContent('14:00');
    expect(longest).toHaveTextContent('1001 Li Na');
    const trouble = glance.getByRole('button', { name: /Needs attention/ });
    expect(trouble).toHaveTextContent('1002 Wang FangBusy longer than 15 min');
    await user.click(trouble);
    expect(api.callsOf('agents.select')).toEqual([{ workNo: '1002' }]);
    expect(screen.getByRole('row', { selected: true })).toHaveAttribute('data-workno', '1002');
  });

  it('says when call lengths are not known yet instead of claiming there are no calls', async () => {
    const unknown = [
      makeAgent('2001', {
        state: 'talking',
        stateSince: null,
        call: { callId: null, caller: null, since: null },
      }),
      makeAgent('2002', { state: 'talking', stateSince: null, call: null }),
    ];
    await renderApp({ snapshot: makeSnapshot({ roster: unknown }) });
    expect(screen.getByRole('region', { name: 'At a glance' })).toHaveTextContent(
      '2 calls, lengths not known yet',
    );
  });

  it('calls the longest call "known" while other calls have no known start', async () => {
    const mixed = [
      ...roster,
      makeAgent('2001', {
        state: 'talking',
        stateSince: null,
        call: { callId: null, caller: null, since: null },
      }),
    ];
    await renderApp({ snapshot: makeSnapshot({ roster: mixed }) });
    const longest = screen.getByRole('button', { name: /Longest known call/ });
    expect(longest).toHaveTextContent('1001 Li Na+1 untimed call');
  });

  it('claims no all-clear and no counts while the agents are still on their way', async () => {
    let showAgents: () => void = () => undefined;
    await renderApp({
      snapshot: makeSnapshot({ roster }),
      screenOnly: true,
      // Three agents count as a big list here: the screen comes first, the agents after it.
      storeOptions: { screenFirstFrom: 1, afterScreenShown: (callback) => (showAgents = callback) },
    });
    const glance = within(screen.getByRole('region', { name: 'At a glance' }));
    expect(glance.queryByText('No alerts')).not.toBeInTheDocument();
    expect(glance.queryByText('No calls in progress')).not.toBeInTheDocument();
    expect(glance.getAllByText('Loading agents…')).toHaveLength(2);
    expect(glance.getByRole('button', { name: /Talking/ })).toHaveTextContent('Talking —');
    // Not "0 of 0 agents" either.
    expect(screen.queryByText('0 of 0 agents')).not.toBeInTheDocument();
    await act(async () => {
      showAgents();
      await vi.waitFor(() => expect(glance.queryByText('Loading agents…')).toBeNull());
    });
    expect(glance.getByRole('button', { name: /Needs attention/ })).toHaveTextContent('Wang Fang');
    expect(glance.getByRole('button', { name: /Talking/ })).toHaveTextContent('Talking 1');
  });

  it('filters by state from the glance chips', async () => {
    const user = userEvent.setup();
    await renderApp({ snapshot: makeSnapshot({ roster }) });
    const idle = screen.getByRole('button', { name: /Idle 1/ });
    await user.click(idle);
    expect(idle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1 of 3 agents')).toBeInTheDocument();
  });

  it('follows the inspection in the strip with a running timer', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    expect(screen.getByTestId('inspection-status')).toHaveTextContent('Idle');
    act(() =>
      api.emit('inspection.changed', {
        ...IDLE_INSPECTION,
        mode: 'inserting',
        targetWorkNo: '1001',
        since: Date.now() - 65_000,
      }),
    );
    expect(screen.getByTestId('inspection-status')).toHaveTextContent('Barged in1001 Li Na1:05');
  });

  it('shows the connection: live, then reconnecting with the reason and the data age', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    expect(screen.getByTestId('connection-pill')).toHaveTextContent('Live');
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();
    act(() =>
      api.emit('connection.changed', {
        phase: 'reconnecting',
        reason: 'The gateway does not answer.',
        reasonZh: '网关无响应。',
        retcode: null,
        attempt: 2,
        nextAttemptAt: null,
        lastDataAt: Date.now() - 42_000,
      }),
    );
    expect(screen.getByTestId('connection-pill')).toHaveTextContent('Reconnecting');
    expect(screen.getByTestId('connection-banner')).toHaveTextContent(
      'Reconnecting to the gateway · The gateway does not answer. · attempt 2 · the list shows data from 42 s ago',
    );
  });

  it('calls data stale when nothing arrived for a while', async () => {
    await renderApp({
      snapshot: makeSnapshot({
        roster,
        connection: {
          phase: 'live',
          gatewayUrl: 'u',
          inspectorId: '9001',
          demo: false,
          lastDataAt: Date.now() - 30_000,
        },
      }),
    });
    expect(screen.getByTestId('connection-pill')).toHaveTextContent('Stale');
    expect(screen.getByTestId('connection-banner')).toHaveTextContent(
      'the list shows data from 30 s ago',
    );
  });

  it('announces state changes through the live region', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    act(() =>
      api.emit('inspection.changed', {
        ...IDLE_INSPECTION,
        mode: 'listening',
        targetWorkNo: '1003',
        since: Date.now(),
      }),
    );
    expect(screen.getByTestId('live-region')).toHaveTextContent(
      'Listening to agent 1003 Zhao Lei.',
    );
    act(() =>
      api.emit('alerts.changed', [
        {
          id: 'long-call:1003',
          kind: 'long-call',
          target: '1003',
          raisedAt: 0,
          thresholdSeconds: 600,
        },
      ]),
    );
    expect(screen.getByTestId('live-region')).toHaveTextContent(
      'Alert on agent 1003 Zhao Lei: Call longer than 10 min.',
    );
  });

  it('sums up a burst of new alerts in one announcement', async () => {
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    const burst = ['2001', '2002', '2003', '2004'].map((target) => ({
      id: `long-busy:${target}`,
      kind: 'long-busy' as const,
      target,
      raisedAt: 0,
      thresholdSeconds: 900,
    }));
    act(() => api.emit('alerts.changed', burst));
    expect(screen.getByTestId('live-region')).toHaveTextContent(
      '4 new alerts: see the agents marked at the top of the list.',
    );
  });

  it('shows notices from main as toasts with their retcode, and dismisses them', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    act(() =>
      api.emit('notice', {
        level: 'error',
        message: 'The gateway had an internal error.',
        messageZh: '网关内部错误。',
        retcode: '100-007',
      }),
    );
    const toast = screen.getByTestId('toast');
    expect(toast).toHaveTextContent('The gateway had an internal error.code 100-007');
    await user.click(within(toast).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('opens settings, journal and sign-out as dialogs and keeps the rest inert meanwhile', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({
      snapshot: makeSnapshot({ roster, passwordRemembered: true }),
    });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Sign out' }));
    expect(document.querySelector('.main-screen')).toHaveAttribute('inert');
    await user.click(dialog.getByRole('checkbox', { name: /forget the password/ }));
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect(api.callsOf('session.signOut')).toEqual([{ forgetPassword: true }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Journal' }));
    expect(screen.getByRole('dialog', { name: 'My actions' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Journal' })).toHaveFocus();
  });

  it('switches language live when settings change', async () => {
    const { api, store } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    await act(async () =>
      api.emit('settings.changed', { ...store.getState().settings, language: 'zh-CN' }),
    );
    expect(screen.getByRole('grid', { name: '座席' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '监听' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('applies the theme from settings to the document', async () => {
    const { api, store } = await renderApp({ snapshot: makeSnapshot({ roster }) });
    act(() => api.emit('settings.changed', { ...store.getState().settings, theme: 'dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
