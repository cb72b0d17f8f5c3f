import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../shared/domain';
import { describeAlert, describeAlertBurst } from './alert-notices';

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

  it('words a shift budget in both languages', () => {
    const budget: AlertView = {
      id: 'rest-budget:1003',
      kind: 'rest-budget',
      target: '1003',
      raisedAt: 0,
      thresholdSeconds: 900,
    };
    expect(describeAlert(budget, 'en', { name: 'Bo' }, undefined)).toEqual({
      title: 'Rest over budget: agent 1003 (Bo)',
      body: 'Rest this shift is over 15 min.',
    });
    expect(describeAlert(budget, 'zh-CN', undefined, undefined).body).toBe(
      '本班次小休累计已超过 15 分钟。',
    );
  });
});
