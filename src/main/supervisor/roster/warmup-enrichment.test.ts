import { describe, expect, it } from 'vitest';
import type { AgentDetail } from '../../gateway/gateway-types';
import { AlertEngine } from '../alerts/alert-engine';
import { silentLogger } from '../../node/node-ports';
import { RosterStore, type RosterEntry } from './roster-store';
import { ManualClock } from '../../../../test/support/core/manual-clock';
import {
  WarmupEnrichment,
  WARMUP_STATE_PRIORITY,
  type WarmupEnrichmentBudget,
  type WarmupFetchOutcome,
} from './warmup-enrichment';

const entry = (workNo: string, status: string): RosterEntry => ({
  workNo,
  name: workNo,
  status,
  ctiStatus: null,
  groupName: null,
});

const detailOf = (workNo: string, status: string, currentStateSince: number): AgentDetail => ({
  workNo,
  name: workNo,
  status,
  ctiStatus: null,
  groupId: null,
  groupName: null,
  skills: [],
  callIds: [],
  phoneNumber: null,
  currentStateSince,
});

interface Asked {
  workNo: string;
  at: number;
  resolve(outcome: WarmupFetchOutcome): void;
}

/** A roster, a warm-up over it and a gateway whose answers the test releases (or answers at once). */
function setup(
  entries: RosterEntry[],
  budget: Partial<WarmupEnrichmentBudget> = {},
  answerAtOnce = true,
) {
  const clock = new ManualClock();
  const roster = new RosterStore();
  roster.replaceAll(entries, clock.now());
  const asked: Asked[] = [];
  const warmup = new WarmupEnrichment({
    clock,
    logger: silentLogger,
    budget,
    nextCandidate: (skip) => roster.nextInexact(WARMUP_STATE_PRIORITY, skip),
    fetch: (workNo) =>
      new Promise<WarmupFetchOutcome>((resolve) => {
        const answer = (outcome: WarmupFetchOutcome): void => {
          const row = roster.peek(workNo)!;
          if (outcome === 'done')
            roster.applyDetail(
              detailOf(workNo, statusOf(row.state), clock.now() - 60_000),
              (_id, name) => name,
              clock.now(),
            );
          resolve(outcome);
        };
        asked.push({ workNo, at: clock.now(), resolve: answer });
        if (answerAtOnce) answer('done');
      }),
  });
  return { clock, roster, warmup, asked };
}

function statusOf(state: string): string {
  return { talking: '7', busy: '3', 'wrap-up': '5', idle: '4' }[state] ?? '2';
}

describe('WarmupEnrichment', () => {
  it('asks about talking agents first, then busy, then wrap-up, and never about idle ones', async () => {
    const { clock, roster, warmup, asked } = setup(
      [
        entry('1', '5'),
        entry('2', '4'),
        entry('3', '3'),
        entry('4', '7'),
        entry('5', '5'),
        entry('6', '7'),
      ],
      { maxRequestsPerSecond: 100 },
    );
    warmup.start();
    warmup.setLive(true);
    await clock.advance(1_000);
    expect(asked.map((call) => call.workNo)).toEqual(['4', '6', '3', '1', '5']);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'done', requests: 5 });
    expect(roster.peek('4')).toMatchObject({
      stateSinceExact: true,
      stateSince: asked[0]!.at - 60_000,
    });
    expect(roster.peek('2')?.stateSinceExact).toBe(false);
  });

  it('keeps to the rate: at most 2 requests started per second by default', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => entry(String(100 + i), '7'));
    const { clock, warmup, asked } = setup(rows);
    warmup.start();
    warmup.setLive(true);
    await clock.advance(2_000);
    // t = 0, 500, 1000, 1500, 2000
    expect(asked).toHaveLength(5);
    const gaps = asked.slice(1).map((call, i) => call.at - asked[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(warmup.diagnostics()).toMatchObject({ running: true, paused: false });
  });

  it('by default asks at most 240 agents per sign-in: 2/s over the 120 s window', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => entry(String(1000 + i), '7'));
    const { clock, warmup, asked } = setup(rows);
    expect(warmup.budget).toMatchObject({
      maxRequestsPerSecond: 2,
      windowMs: 120_000,
      maxRequests: 240,
    });
    warmup.start();
    warmup.setLive(true);
    await clock.advance(130_000);
    expect(asked).toHaveLength(240);
    expect(warmup.diagnostics().running).toBe(false);
  });

  it('keeps to the concurrency: a slow gateway gets no more than `concurrency` requests at once', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => entry(String(100 + i), '7'));
    const { clock, warmup, asked } = setup(
      rows,
      { concurrency: 2, maxRequestsPerSecond: 100 },
      false,
    );
    warmup.start();
    warmup.setLive(true);
    await clock.advance(5_000);
    expect(asked).toHaveLength(2);
    asked[0]!.resolve('done');
    await clock.advance(10);
    expect(asked).toHaveLength(3);
  });

  it('stops after the request budget', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => entry(String(100 + i), '3'));
    const { clock, warmup, asked } = setup(rows, { maxRequests: 4, maxRequestsPerSecond: 100 });
    warmup.start();
    warmup.setLive(true);
    await clock.advance(10_000);
    expect(asked).toHaveLength(4);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'budget', requests: 4 });
  });

  it('stops at the end of its window of live time; time not live does not count', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => entry(String(100 + i), '7'));
    const { clock, warmup, asked } = setup(rows, { windowMs: 2_000, maxRequestsPerSecond: 2 });
    warmup.start();
    await clock.advance(5_000);
    expect(asked).toHaveLength(0);
    expect(warmup.diagnostics()).toMatchObject({ running: true, paused: true });
    warmup.setLive(true);
    await clock.advance(1_200);
    expect(asked).toHaveLength(3);
    warmup.setLive(false);
    await clock.advance(60_000);
    expect(asked).toHaveLength(3);
    expect(warmup.diagnostics()).toMatchObject({ running: true, paused: true });
    warmup.setLive(true);
    await clock.advance(5_000);
    // 0.8 s of the window were left: two more at 2/s (at once, then 0.5 s later), then it ends.
    expect(asked).toHaveLength(5);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'window' });
  });

  it('cancels: no further requests, late answers are ignored', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => entry(String(100 + i), '7'));
    const { clock, warmup, asked } = setup(rows, { maxRequestsPerSecond: 100 }, false);
    warmup.start();
    warmup.setLive(true);
    await clock.advance(100);
    expect(asked).toHaveLength(1);
    warmup.cancel();
    asked[0]!.resolve('done');
    await clock.advance(10_000);
    expect(asked).toHaveLength(1);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'cancelled' });
    // A new session starts afresh.
    warmup.start();
    await clock.advance(10);
    expect(asked).toHaveLength(2);
  });

  it('asks again about an agent whose request did not reach the gateway', async () => {
    const { clock, warmup, asked } = setup(
      [entry('1', '7'), entry('2', '3')],
      { maxRequestsPerSecond: 100 },
      false,
    );
    warmup.start();
    warmup.setLive(true);
    await clock.advance(10);
    asked[0]!.resolve('retry');
    await clock.advance(10);
    expect(asked.map((call) => call.workNo)).toEqual(['1', '1']);
    asked[1]!.resolve('done');
    await clock.advance(10);
    asked[2]!.resolve('done');
    await clock.advance(10);
    expect(asked.map((call) => call.workNo)).toEqual(['1', '1', '2']);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'done', requests: 3 });
  });

  it('is off with a zero window (what a steady-state benchmark measures)', async () => {
    const { clock, warmup, asked } = setup([entry('1', '7')], { windowMs: 0 });
    warmup.start();
    warmup.setLive(true);
    await clock.advance(1_000);
    expect(asked).toHaveLength(0);
    expect(warmup.diagnostics()).toMatchObject({ running: false, endedBy: 'window' });
  });
});

describe('state-start warm-up and alerts', () => {
  const thresholds = {
    longCallSeconds: 600,
    longBusySeconds: 300,
    longWrapUpSeconds: 120,
    longQueueWaitSeconds: 60,
  };

  function wire() {
    const clock = new ManualClock();
    const engine = new AlertEngine(thresholds, { onAgentAlerts: () => undefined });
    const roster = new RosterStore({
      onStateChange: (workNo, state, since) => engine.trackAgent(workNo, state, since),
    });
    roster.replaceAll([entry('1001', '7')], clock.now());
    return { clock, engine, roster, t0: clock.now() };
  }

  it('without the real start, a long call is raised 600 s after the first sight — late, never early', () => {
    const { engine, t0 } = wire();
    engine.tick(t0 + 599_000);
    expect(engine.takeChanges()).toBeNull();
    engine.tick(t0 + 600_000);
    expect(engine.takeChanges()?.raised.map((alert) => alert.id)).toEqual(['long-call:1001']);
  });

  it('once the real start is known, the alert counts from it (raised once)', () => {
    const { engine, roster, t0 } = wire();
    engine.tick(t0 + 1_000);
    expect(engine.takeChanges()).toBeNull();
    roster.applyDetail(detailOf('1001', '7', t0 - 595_000), (_id, name) => name, t0 + 2_000);
    engine.tick(t0 + 4_000);
    expect(engine.takeChanges()).toBeNull();
    engine.tick(t0 + 5_000);
    expect(engine.takeChanges()?.raised.map((alert) => alert.id)).toEqual(['long-call:1001']);
    engine.tick(t0 + 700_000);
    expect(engine.takeChanges()).toBeNull();
  });
});
