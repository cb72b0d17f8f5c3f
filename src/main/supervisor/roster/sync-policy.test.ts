import { describe, expect, it } from 'vitest';
import { EventFlowMeter, percentile } from './event-flow-meter';
import {
  chooseInitialMode,
  computeSnapshotGapMs,
  computeSnapshotHoldMs,
  estimatePollCapacity,
  isStreamBehind,
  saturatedGapMs,
  shouldReturnToEvents,
} from './sync-policy';

/** Deterministic exponential gaps (Poisson arrivals) without Math.random. */
function poissonTimes(ratePerSecond: number, count: number, start: number): number[] {
  const times: number[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const u = ((i * 7919) % 1000) / 1000 + 0.0005;
    at += (-Math.log(u) / ratePerSecond) * 1000;
    times.push(at);
  }
  return times;
}

describe('EventFlowMeter', () => {
  it('measures rate and queueing lag net of a constant clock skew', () => {
    const meter = new EventFlowMeter(5_000);
    // Gateway clock 3 s behind ours; the first events were not queued, later ones 400 ms late.
    for (let i = 0; i < 50; i++)
      meter.record(1_000 + i * 20, 1_000 + i * 20 - 3_000 - (i >= 25 ? 400 : 0));
    const stats = meter.stats(2_000);
    expect(stats.events).toBe(50);
    expect(stats.queueLagP95Ms).toBe(400);
    expect(stats.rawLagP95Ms).toBe(3_400);
    expect(stats.eventsPerSecond).toBeCloseTo(50, 0);
  });

  it('tells back-to-back arrivals from random ones by their spacing', () => {
    const saturated = new EventFlowMeter(5_000);
    for (let i = 0; i < 100; i++) saturated.record(i * 50 + (i % 3), null);
    expect(saturated.stats(5_000).gapRatio).toBeLessThan(1.2);
    const relaxed = new EventFlowMeter(5_000);
    for (const at of poissonTimes(30, 100, 0)) relaxed.record(at, null);
    expect(relaxed.stats(4_000).gapRatio).toBeGreaterThan(4);
  });

  it('only counts the window', () => {
    const meter = new EventFlowMeter(1_000);
    meter.record(0, 0);
    meter.record(5_000, 4_990);
    expect(meter.stats(5_500).events).toBe(1);
  });

  it('percentile uses nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('sync policy', () => {
  it('capacity follows the round trip', () => {
    expect(estimatePollCapacity(0)).toBe(1000);
    expect(estimatePollCapacity(49)).toBe(20);
  });

  it('starts with events when the center is slow enough, snapshots otherwise', () => {
    // 2,000 agents × 1 change/min ≈ 33/s: fine on loopback, too much at 50 ms.
    expect(chooseInitialMode(33, 1)).toBe('events');
    expect(chooseInitialMode(33, 50)).toBe('snapshots');
    // 10,000 agents ≈ 167/s at 50 ms: snapshots.
    expect(chooseInitialMode(167, 50)).toBe('snapshots');
    expect(chooseInitialMode(0, 50)).toBe('events');
  });

  it('leaves the stream when lag exceeds the budget or arrivals are back to back', () => {
    const base = { events: 100, eventsPerSecond: 20, rawLagP95Ms: null, medianGapMs: 50 };
    expect(isStreamBehind({ ...base, queueLagP95Ms: 150, gapRatio: 1 }, 50)).toBe(false);
    expect(isStreamBehind({ ...base, queueLagP95Ms: 250, gapRatio: 8 }, 50)).toBe(true);
    expect(isStreamBehind({ ...base, queueLagP95Ms: null, gapRatio: 1.1 }, 50)).toBe(true);
    expect(isStreamBehind({ ...base, queueLagP95Ms: null, gapRatio: 6 }, 50)).toBe(false);
    expect(isStreamBehind({ ...base, events: 5, queueLagP95Ms: 5_000, gapRatio: 1 }, 50)).toBe(
      false,
    );
  });

  // Issue 10: without eventGenTime, a gateway that answers a held poll as soon as an event
  // arrives delivers evenly spaced changes evenly spaced. That is not a backlog unless the
  // spacing is the round trip of a request the gateway does not hold.
  it('without eventGenTime, takes evenly spaced arrivals for a backlog only at the round trip', () => {
    const even = { events: 40, eventsPerSecond: 6.7, rawLagP95Ms: null, queueLagP95Ms: null };
    // 6.7 changes/s, 150 ms apart, on loopback (2 ms) or 50 ms round trips: keeping up.
    expect(isStreamBehind({ ...even, gapRatio: 1, medianGapMs: 150 }, 2)).toBe(false);
    expect(isStreamBehind({ ...even, gapRatio: 1, medianGapMs: 150 }, 50)).toBe(false);
    // Back to back at the round trip: each poll found the next event queued.
    expect(isStreamBehind({ ...even, gapRatio: 1.1, medianGapMs: 3 }, 2)).toBe(true);
    expect(isStreamBehind({ ...even, gapRatio: 1.1, medianGapMs: 55 }, 50)).toBe(true);
    // No round trip measured yet: no judgement.
    expect(isStreamBehind({ ...even, gapRatio: 1, medianGapMs: 3 }, null)).toBe(false);
    expect(saturatedGapMs(50)).toBe(80);
  });

  it('returns to events only after the hold and when the rate fits', () => {
    expect(shouldReturnToEvents(2, 1, 10_000, 30_000)).toBe(false);
    expect(shouldReturnToEvents(2, 1, 30_000, 30_000)).toBe(true);
    expect(shouldReturnToEvents(167, 50, 300_000, 30_000)).toBe(false);
  });

  it('doubles the hold after relapses, capped', () => {
    expect([0, 1, 2, 10].map((relapses) => computeSnapshotHoldMs(relapses))).toEqual([
      30_000, 60_000, 120_000, 600_000,
    ]);
  });

  it('paces snapshots by their own duration', () => {
    expect(computeSnapshotGapMs(20)).toBe(100);
    expect(computeSnapshotGapMs(150)).toBe(150);
    expect(computeSnapshotGapMs(400)).toBe(400);
    expect(computeSnapshotGapMs(5_000)).toBe(1_000);
  });
});
