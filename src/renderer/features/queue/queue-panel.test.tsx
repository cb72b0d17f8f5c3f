import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDLE_INSPECTION } from '../../../shared/inspection-vocabulary';
import { makeQueue, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { FROZEN_NOW, freezeTime } from '../../../../test/support/renderer/frozen-time';
import { renderApp } from '../../../../test/support/renderer/render-app';

freezeTime();
import { QueuePanel } from './queue-panel';

const queues = [
  makeQueue(1, { name: 'Billing', waitingCount: 0 }),
  makeQueue(2, { name: 'VIP', waitingCount: 2, longestWaitSince: FROZEN_NOW - 95_000 }),
];

describe('QueuePanel', () => {
  it('lists queues with the most waiting first, and flags a long wait', async () => {
    await renderApp({
      element: <QueuePanel collapsed={false} onToggleCollapsed={() => undefined} />,
      snapshot: makeSnapshot({
        queues,
        alerts: [
          {
            id: 'long-queue-wait:2',
            kind: 'long-queue-wait',
            target: '2',
            raisedAt: 0,
            thresholdSeconds: 60,
          },
        ],
      }),
    });
    const items = within(screen.getAllByRole('list')[0] as HTMLElement).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('VIP2 waiting1:35');
    expect(items[0]).toHaveClass('is-alert');
    expect(items[1]).toHaveTextContent('Billing0 waiting—');
    expect(screen.getByRole('heading', { name: /Queues/ })).toHaveTextContent('2 waiting');
  });

  // cec_07_1271: some gateways list waiting calls only for an agent who is not idle.
  it('says why a queue shows no calls when the gateway hides them from an idle inspector', async () => {
    const user = userEvent.setup();
    await renderApp({
      element: <QueuePanel collapsed={false} onToggleCollapsed={() => undefined} />,
      snapshot: makeSnapshot({
        queues: [makeQueue(3, { name: 'Sales', waitingCount: 0, callsHidden: true })],
      }),
    });
    const sales = screen.getByRole('button', { name: /Sales/ });
    expect(sales).toHaveTextContent('Sales—');
    await user.click(sales);
    expect(await screen.findByText(/only while you are not idle/)).toBeInTheDocument();
  });

  it('watches the expanded queues and takes a waiting call', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({
      element: <QueuePanel collapsed={false} onToggleCollapsed={() => undefined} />,
      snapshot: makeSnapshot({ queues }),
    });
    api.handle('queues.requestCall', () => ({
      ok: true,
      value: { ...IDLE_INSPECTION, mode: 'talking', callId: 'call-7', since: Date.now() },
    }));
    const vip = screen.getByRole('button', { name: /VIP/ });
    await user.click(vip);
    expect(vip).toHaveAttribute('aria-expanded', 'true');
    expect(api.callsOf('queues.watch').at(-1)).toEqual({ skillIds: [2] });
    expect(screen.getByText('Loading waiting calls…')).toBeInTheDocument();

    const calls = [
      {
        callId: 'call-7',
        skillId: 2,
        caller: '13900001111',
        enqueuedAt: Date.now() - 95_000,
        priority: 5,
      },
      {
        callId: 'call-8',
        skillId: 2,
        caller: '13900002222',
        enqueuedAt: Date.now() - 20_000,
        priority: 1,
      },
    ];
    act(() => api.emit('queues.changed', [queues[0]!, { ...queues[1]!, calls }]));
    const list = within(screen.getByRole('list', { name: 'Calls waiting in VIP' }));
    const firstCall = list.getAllByRole('listitem')[0] as HTMLElement;
    expect(firstCall).toHaveTextContent('13900001111waited 1:35 · priority 5');
    await user.click(
      within(firstCall).getByRole('button', { name: 'Take this call from 13900001111' }),
    );
    expect(api.callsOf('queues.requestCall')).toEqual([{ callId: 'call-7', skillId: 2 }]);

    await user.click(vip);
    expect(api.callsOf('queues.watch').at(-1)).toEqual({ skillIds: [] });
  });

  it('explains why a call cannot be taken while inspecting', async () => {
    const user = userEvent.setup();
    const inspection = {
      ...IDLE_INSPECTION,
      mode: 'listening' as const,
      targetWorkNo: '1001',
      since: 0,
    };
    const withCalls = [
      {
        ...queues[1]!,
        calls: [{ callId: 'c1', skillId: 2, caller: '1', enqueuedAt: null, priority: null }],
      },
    ];
    await renderApp({
      element: <QueuePanel collapsed={false} onToggleCollapsed={() => undefined} />,
      snapshot: makeSnapshot({ queues: withCalls, inspection }),
    });
    await user.click(screen.getByRole('button', { name: /VIP/ }));
    expect(screen.getByRole('button', { name: /Take this call/ })).toHaveAccessibleDescription(
      'End the current inspection first.',
    );
  });

  it('collapses to a rail that still shows how many wait', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    await renderApp({
      element: <QueuePanel collapsed onToggleCollapsed={onToggle} />,
      snapshot: makeSnapshot({ queues }),
    });
    const rail = screen.getByRole('button', { name: /Show queues/ });
    expect(rail).toHaveTextContent('2');
    await user.click(rail);
    expect(onToggle).toHaveBeenCalled();
  });
});
