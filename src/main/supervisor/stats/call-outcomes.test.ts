/**
 * Observed answered / abandoned / ASA / service level from scripted queue lists (as
 * waitcallinfo returns them, Huawei cec_07_1271: `callid`, `begintime`) and roster answers,
 * including gaps (link lost, lists too far apart) and restarts (counters restored).
 */
import { describe, expect, it } from 'vitest';
import { CallOutcomes, figuresOf, MAX_HELD_ANSWERS, sumCounters } from './call-outcomes';

const T0 = 1_700_000_000_000;
const s = (seconds: number) => T0 + seconds * 1000;
const call = (callId: string, enqueuedSeconds: number) => ({
  callId,
  enqueuedAt: s(enqueuedSeconds),
});

function tracker() {
  return new CallOutcomes({ thresholdMs: 20_000, maxGapMs: 10_000, matchWindowMs: 4_000 });
}

describe('CallOutcomes', () => {
  it('a call leaving the list and an agent starting to ring meanwhile = answered, with its wait', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0), call('b', 1)], s(2));
    outcomes.observeQueue(7, [call('a', 0), call('b', 1)], s(4));
    outcomes.observeAnswer(null, null, s(5)); // a waited 5 s
    outcomes.observeQueue(7, [call('b', 1)], s(6));
    outcomes.observeQueue(7, [], s(30));
    // b left between 6 s and 30 s: a gap (24 s > 10 s), not counted.
    outcomes.settle(s(40));
    const counters = outcomes.counters(7);
    expect(counters).toMatchObject({ answered: 1, answeredWithin: 1, abandoned: 0, calls: 2 });
    expect(counters.waitSumMs).toBe(5_000);
    expect(counters.observedMs).toBe(4_000);
  });

  it('holds at most MAX_HELD_ANSWERS answers in a burst, forgetting the oldest first', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0)], s(1));
    outcomes.observeAnswer('a', null, s(1.5)); // the answer of call a, first of the burst
    // A burst within the match window (a resync): answers of agents without skill 7.
    for (let index = 0; index < MAX_HELD_ANSWERS + 5_000; index++)
      outcomes.observeAnswer(`other-${index}`, new Set([99]), s(1.6));
    expect(outcomes.heldAnswers).toBeLessThanOrEqual(MAX_HELD_ANSWERS);
    outcomes.observeQueue(7, [], s(2));
    outcomes.settle(s(10));
    // The answer of a was forgotten (the oldest), so a counts as abandoned, not answered.
    expect(outcomes.counters(7)).toMatchObject({ answered: 0, abandoned: 1 });
  });

  it('a call leaving with no agent answering within the window = abandoned; after T it counts against SL', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0), call('b', 10)], s(24));
    outcomes.observeQueue(7, [call('b', 10)], s(26)); // a left at ~25 s, nobody answered
    outcomes.settle(s(29));
    expect(outcomes.counters(7).abandoned).toBe(0); // still inside the match window
    outcomes.settle(s(31));
    expect(outcomes.counters(7)).toMatchObject({ abandoned: 1, abandonedAfter: 1 });
    outcomes.observeQueue(7, [], s(28)); // b left at ~27 s (17 s wait): abandoned before T
    outcomes.settle(s(40));
    expect(outcomes.counters(7)).toMatchObject({ abandoned: 2, abandonedAfter: 1 });
    const figures = figuresOf(outcomes.counters(7), 60_000);
    expect(figures.serviceLevel).toBe(0); // 0 within T ÷ (0 answered + 1 abandoned after T)
    expect(figures.asaSeconds).toBeNull();
  });

  it('matches by call id first, so an answer of another call is not taken', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0), call('b', 0)], s(28));
    outcomes.observeAnswer('b', null, s(29)); // b answered (id known): 29 s wait, over T
    outcomes.observeAnswer('zzz', null, s(29)); // some other call: must not match a
    outcomes.observeQueue(7, [], s(30));
    outcomes.settle(s(40));
    expect(outcomes.counters(7)).toMatchObject({ answered: 1, answeredWithin: 0, abandoned: 1 });
    expect(outcomes.counters(7).waitSumMs).toBe(29_000);
  });

  it('an answer by an agent known not to hold the skill is not matched', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0)], s(2));
    outcomes.observeAnswer(null, new Set([8]), s(3));
    outcomes.observeQueue(7, [], s(4));
    outcomes.settle(s(10));
    expect(outcomes.counters(7)).toMatchObject({ answered: 0, abandoned: 1 });
  });

  it('one answer answers one call: two calls leaving, one agent ringing = 1 answered, 1 abandoned', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0), call('b', 0)], s(2));
    outcomes.observeAnswer(null, new Set([7]), s(3));
    outcomes.observeQueue(7, [], s(4));
    outcomes.settle(s(10));
    expect(outcomes.counters(7)).toMatchObject({ answered: 1, abandoned: 1 });
  });

  it('after a gap (markGap: link lost) calls that vanished are not counted', () => {
    const outcomes = tracker();
    outcomes.observeQueue(7, [call('a', 0)], s(2));
    outcomes.markGap();
    outcomes.observeQueue(7, [], s(4));
    outcomes.settle(s(20));
    expect(outcomes.counters(7)).toMatchObject({ answered: 0, abandoned: 0, observedMs: 0 });
  });

  it('a restart keeps the counters; the first list after it only seeds', () => {
    const before = tracker();
    before.observeQueue(7, [call('a', 0)], s(2));
    before.observeAnswer(null, null, s(3));
    before.observeQueue(7, [], s(4));
    before.settle(s(10));
    const saved = before.allCounters();

    const after = tracker();
    after.restore(saved);
    after.observeQueue(7, [call('c', 100)], s(110)); // seeds only
    after.observeQueue(7, [], s(112)); // c left, no answer
    after.settle(s(120));
    expect(after.counters(7)).toMatchObject({ answered: 1, abandoned: 1, calls: 2 });
    expect(after.counters(7).observedMs).toBe(2_000 + 2_000);
  });

  it('service level and ASA over several skills, coverage as a share of the shift', () => {
    const outcomes = tracker();
    outcomes.observeQueue(1, [call('a', 0), call('b', 0)], s(2));
    outcomes.observeQueue(1, [call('a', 0), call('b', 0)], s(8));
    outcomes.observeAnswer('a', null, s(10));
    for (const at of [14, 20, 26]) outcomes.observeQueue(1, [call('b', 0)], s(at));
    outcomes.observeAnswer('b', null, s(30));
    outcomes.observeQueue(1, [], s(31));
    outcomes.observeQueue(2, [call('c', 0)], s(2));
    outcomes.observeAnswer('c', null, s(6));
    outcomes.observeQueue(2, [], s(7));
    outcomes.settle(s(60));
    const total = sumCounters([outcomes.counters(1), outcomes.counters(2)]);
    const figures = figuresOf(total, 100_000);
    expect(figures.answered).toBe(3);
    expect(figures.serviceLevel).toBeCloseTo(2 / 3);
    expect(figures.asaSeconds).toBeCloseTo((10 + 30 + 6) / 3);
    expect(figures.coverage.observedMs).toBe(29_000 + 5_000);
    expect(figures.coverage.ratio).toBeCloseTo(0.34);
    expect(outcomes.watchedSkills().sort()).toEqual([1, 2]);
  });
});
