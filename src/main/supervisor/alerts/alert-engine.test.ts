import { describe, expect, it } from 'vitest';
import type { AlertKind, SkillQueueView } from '../../../shared/domain';
import { AlertEngine } from './alert-engine';
import { DeadlineHeap } from './deadline-heap';

const THRESHOLDS = {
  longCallSeconds: 600,
  longBusySeconds: 300,
  longWrapUpSeconds: 120,
  longQueueWaitSeconds: 60,
};

function engine(): { alerts: AlertEngine; rows: Map<string, AlertKind[]> } {
  const rows = new Map<string, AlertKind[]>();
  const alerts = new AlertEngine(THRESHOLDS, {
    onAgentAlerts: (workNo, kinds) => rows.set(workNo, kinds),
  });
  return { alerts, rows };
}

const queue = (
  skillId: number,
  waitingCount: number,
  longestWaitSince: number | null,
): SkillQueueView => ({
  skillId,
  name: `Skill ${skillId}`,
  waitingCount,
  longestWaitSince,
  calls: null,
  dataAt: 0,
});

describe('DeadlineHeap', () => {
  it('pops due deadlines in order and keeps the rest', () => {
    const heap = new DeadlineHeap<string>();
    for (const [at, item] of [
      [50, 'e'],
      [10, 'a'],
      [30, 'c'],
      [20, 'b'],
      [40, 'd'],
    ] as const)
      heap.push(at, item);
    const popped: string[] = [];
    for (let due = heap.popDue(35); due; due = heap.popDue(35)) popped.push(due.item);
    expect(popped).toEqual(['a', 'b', 'c']);
    expect(heap.size).toBe(2);
  });
});

describe('AlertEngine: agent rules', () => {
  it('raises a long call once, when the threshold passes', () => {
    const { alerts, rows } = engine();
    alerts.trackAgent('1001', 'talking', 0);
    alerts.tick(599_000);
    expect(alerts.takeChanges()).toBeNull();
    alerts.tick(600_000);
    const changes = alerts.takeChanges();
    expect(changes?.raised).toEqual([
      {
        id: 'long-call:1001',
        kind: 'long-call',
        target: '1001',
        raisedAt: 600_000,
        thresholdSeconds: 600,
      },
    ]);
    expect(rows.get('1001')).toEqual(['long-call']);
    alerts.tick(700_000);
    expect(alerts.takeChanges()).toBeNull();
    expect(alerts.list()).toHaveLength(1);
  });

  it('clears as soon as the state ends', () => {
    const { alerts, rows } = engine();
    alerts.trackAgent('1001', 'busy', 0);
    alerts.tick(300_000);
    alerts.takeChanges();
    alerts.trackAgent('1001', 'idle', 310_000);
    expect(alerts.takeChanges()?.cleared.map((view) => view.id)).toEqual(['long-busy:1001']);
    expect(rows.get('1001')).toEqual([]);
    expect(alerts.list()).toEqual([]);
  });

  it('does not raise for a state that ended before its deadline', () => {
    const { alerts } = engine();
    alerts.trackAgent('1001', 'wrap-up', 0);
    alerts.trackAgent('1001', 'idle', 60_000);
    alerts.trackAgent('1001', 'wrap-up', 100_000);
    alerts.tick(150_000);
    expect(alerts.takeChanges()).toBeNull();
    alerts.tick(220_000);
    expect(alerts.takeChanges()?.raised.map((view) => view.id)).toEqual(['long-wrap-up:1001']);
  });

  it('idle and rest never raise', () => {
    const { alerts } = engine();
    alerts.trackAgent('1001', 'idle', 0);
    alerts.trackAgent('1002', 'rest', 0);
    alerts.tick(10_000_000);
    expect(alerts.takeChanges()).toBeNull();
  });

  it('an earlier state start learned later moves the deadline', () => {
    const { alerts } = engine();
    alerts.trackAgent('1001', 'talking', 500_000);
    alerts.trackAgent('1001', 'talking', 0);
    alerts.tick(600_000);
    expect(alerts.takeChanges()?.raised).toHaveLength(1);
  });

  it('new thresholds keep alerts still over them and clear the rest', () => {
    const { alerts } = engine();
    alerts.trackAgent('1001', 'talking', 0);
    alerts.trackAgent('1002', 'talking', 300_000);
    alerts.tick(1_000_000);
    alerts.takeChanges();
    alerts.setThresholds({ ...THRESHOLDS, longCallSeconds: 800 }, 1_000_000);
    expect(alerts.takeChanges()?.cleared.map((view) => view.id)).toEqual(['long-call:1002']);
    alerts.tick(1_100_000);
    expect(alerts.takeChanges()?.raised.map((view) => view.id)).toEqual(['long-call:1002']);
  });

  it('stays cheap and bounded with 10,000 agents changing', () => {
    const { alerts } = engine();
    for (let i = 0; i < 10_000; i++) alerts.trackAgent(String(1000 + i), 'talking', 0);
    const started = performance.now();
    for (let second = 1; second <= 100; second++) {
      for (let i = 0; i < 170; i++)
        alerts.trackAgent(
          String(1000 + ((second * 170 + i) % 10_000)),
          second % 2 ? 'busy' : 'talking',
          second * 1000,
        );
      alerts.tick(second * 1000);
    }
    expect(performance.now() - started).toBeLessThan(500);
    alerts.tick(10_000_000);
    expect(alerts.list().length).toBe(10_000);
  });
});

describe('AlertEngine: queue rule', () => {
  it('raises on the longest wait and clears when the queue drains', () => {
    const { alerts } = engine();
    alerts.updateQueues([queue(7, 2, 0), queue(8, 0, null)]);
    alerts.tick(59_000);
    expect(alerts.takeChanges()).toBeNull();
    alerts.tick(60_000);
    expect(alerts.takeChanges()?.raised).toEqual([
      {
        id: 'long-queue-wait:7',
        kind: 'long-queue-wait',
        target: '7',
        raisedAt: 60_000,
        thresholdSeconds: 60,
      },
    ]);
    alerts.tick(61_000);
    expect(alerts.takeChanges()).toBeNull();
    alerts.updateQueues([queue(7, 0, null)]);
    alerts.tick(62_000);
    expect(alerts.takeChanges()?.cleared.map((view) => view.id)).toEqual(['long-queue-wait:7']);
  });

  it('reset clears everything', () => {
    const { alerts } = engine();
    alerts.trackAgent('1001', 'busy', 0);
    alerts.updateQueues([queue(7, 1, 0)]);
    alerts.tick(400_000);
    alerts.takeChanges();
    alerts.reset();
    expect(alerts.takeChanges()?.cleared).toHaveLength(2);
    expect(alerts.list()).toEqual([]);
  });
});

describe('AlertEngine shift budgets', () => {
  it('raises a budget alert once, keeps it while reported, clears it when no longer over', () => {
    const { alerts, rows } = engine();
    const breach = { kind: 'rest-budget' as const, workNo: '1001', thresholdSeconds: 900 };
    alerts.setBudgetAlerts([breach], 5_000);
    expect(alerts.takeChanges()?.raised).toEqual([
      {
        id: 'rest-budget:1001',
        kind: 'rest-budget',
        target: '1001',
        raisedAt: 5_000,
        thresholdSeconds: 900,
      },
    ]);
    alerts.setBudgetAlerts([breach], 10_000);
    expect(alerts.takeChanges()).toBeNull();
    expect(alerts.list().map((view) => view.id)).toEqual(['rest-budget:1001']);
    // Budget alerts are not row markers (those follow the agent's current state).
    expect(rows.get('1001')).toBeUndefined();
    alerts.setBudgetAlerts([], 15_000);
    expect(alerts.takeChanges()?.cleared.map((view) => view.id)).toEqual(['rest-budget:1001']);
    alerts.setBudgetAlerts([breach], 20_000);
    alerts.reset();
    expect(alerts.list()).toEqual([]);
  });
});
