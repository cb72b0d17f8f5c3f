import { describe, expect, it } from 'vitest';
import { buildQueueView } from './queue-watcher';

describe('buildQueueView', () => {
  const call = (callId: string, enqueuedAt: number | null) => ({
    callId,
    caller: `c-${callId}`,
    called: null,
    skillId: 3,
    skillName: null,
    enqueuedAt,
    priority: 0,
    callFeature: 0,
  });

  it('orders calls longest wait first and reports the longest wait', () => {
    const view = buildQueueView(
      3,
      'Billing',
      [call('b', 200), call('a', 100), call('x', null)],
      true,
      999,
    );
    expect(view).toMatchObject({
      skillId: 3,
      name: 'Billing',
      waitingCount: 3,
      longestWaitSince: 100,
      dataAt: 999,
    });
    expect(view.calls?.map((entry) => entry.callId)).toEqual(['a', 'b', 'x']);
  });

  it('leaves calls out of queues nobody expanded', () => {
    expect(buildQueueView(3, 'Billing', [call('a', 1)], false, 0).calls).toBeNull();
    expect(buildQueueView(3, 'Billing', [], false, 0)).toMatchObject({
      waitingCount: 0,
      longestWaitSince: null,
    });
  });
});
