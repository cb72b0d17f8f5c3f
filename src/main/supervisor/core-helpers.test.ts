import { describe, expect, it } from 'vitest';
import type { AgentRow, AlertView } from '../../shared/domain';
import { describeAlert, describeAlertBurst } from './alert-notices';
import { buildQueueView } from './queue-watcher';
import { buildTrayModel } from './tray-model';

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

describe('buildTrayModel', () => {
  const row = (workNo: string, since: number): AgentRow => ({
    workNo,
    name: workNo,
    groupName: '',
    skills: [],
    state: 'talking',
    stateSince: since,
    call: { callId: null, caller: null, since },
    inspectedBy: null,
    dataAt: 0,
    alerts: [],
  });

  it('lists the five longest calls, longest first', () => {
    const rows = [5, 1, 9, 3, 7, 2, 8].map((since) => row(String(1000 + since), since));
    const model = buildTrayModel(
      { phase: 'signed-out' },
      {
        mode: 'idle',
        targetWorkNo: null,
        callId: null,
        since: null,
        pending: null,
        lastTargetWorkNo: null,
      },
      null,
      rows,
      100,
    );
    expect(model.longestCalls.map((entry) => entry.stateSince)).toEqual([1, 2, 3, 5, 7]);
  });
});

describe('alert notices', () => {
  const alert: AlertView = {
    id: 'long-call:1002',
    kind: 'long-call',
    target: '1002',
    raisedAt: 0,
    thresholdSeconds: 600,
  };

  it('speaks the supervisor’s language', () => {
    expect(describeAlert(alert, 'en', { name: 'Alice' }, undefined)).toEqual({
      title: 'Long call: agent 1002 (Alice)',
      body: 'On a call for more than 10 min.',
    });
    expect(describeAlert(alert, 'zh-CN', { name: '王芳' }, undefined).title).toBe(
      '通话过长：座席 1002（王芳）',
    );
    const queue: AlertView = {
      id: 'long-queue-wait:7',
      kind: 'long-queue-wait',
      target: '7',
      raisedAt: 0,
      thresholdSeconds: 90,
    };
    expect(describeAlert(queue, 'en', undefined, 'VIP')).toEqual({
      title: 'Long wait in queue VIP',
      body: 'A caller has waited more than 90 s.',
    });
    expect(describeAlertBurst(12, 'en').title).toBe('12 new alerts');
  });
});
