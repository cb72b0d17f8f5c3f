import { describe, expect, it } from 'vitest';
import { RecoverySchedule } from './session-recovery';
import { REASON_STALLED, REASON_RESUMED } from './session-policy';
import { ManualClock } from '../../../../test/support/core/manual-clock';

describe('RecoverySchedule', () => {
  const steady = () => 0.5; // no jitter

  it('counts attempts on the backoff schedule and shows when the next one runs', async () => {
    const clock = new ManualClock();
    const schedule = new RecoverySchedule(clock, [100, 400], steady);
    const runs: number[] = [];
    schedule.start('link', REASON_STALLED);
    schedule.schedule(0, () => runs.push(schedule.beginAttempt()));
    expect(schedule.nextAttemptAt).toBe(clock.now());
    await clock.advance(0);
    expect(runs).toEqual([100]);
    expect(schedule.nextAttemptAt).toBeNull();
    expect(schedule.beginAttempt()).toBe(400);
    expect(schedule.beginAttempt()).toBe(400);
    expect(schedule.current).toMatchObject({ kind: 'link', attempt: 3, reason: REASON_STALLED });
  });

  it('escalating to a session recovery cancels the pending link attempt', async () => {
    const clock = new ManualClock();
    const schedule = new RecoverySchedule(clock, [100], steady);
    let ran = false;
    schedule.start('link', REASON_STALLED);
    schedule.schedule(100, () => (ran = true));
    schedule.escalateToSession();
    schedule.setReason(REASON_RESUMED);
    await clock.advance(500);
    expect(ran).toBe(false);
    expect(schedule.current).toMatchObject({ kind: 'session', reason: REASON_RESUMED });
  });

  it('ending clears the timer and says whether a recovery was under way', async () => {
    const clock = new ManualClock();
    const schedule = new RecoverySchedule(clock);
    expect(schedule.end()).toBe(false);
    schedule.start('session', REASON_STALLED);
    schedule.schedule(1_000, () => undefined);
    expect(schedule.end()).toBe(true);
    expect(clock.pendingDelays()).toEqual([]);
    expect([schedule.current, schedule.kind, schedule.nextAttemptAt]).toEqual([null, null, null]);
  });
});
