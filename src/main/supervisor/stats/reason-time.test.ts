/** Reason-code time per agent over the shift, from scripted roster state changes. */
import { describe, expect, it } from 'vitest';
import { ReasonTime } from './reason-time';

const T0 = 1_700_000_000_000;
const min = (minutes: number) => T0 + minutes * 60_000;
const BUDGETS = { rest: 15 * 60_000, busy: 0, 'wrap-up': 30 * 60_000 };

describe('ReasonTime', () => {
  it('adds up rest, busy and wrap-up episodes; open ones count up to now', () => {
    const time = new ReasonTime(min(0));
    time.track('1001', 'Ann', 'idle', min(0));
    time.track('1001', 'Ann', 'rest', min(10));
    time.track('1001', 'Ann', 'idle', min(20));
    time.track('1001', 'Ann', 'wrap-up', min(30));
    time.track('1001', 'Ann', 'rest', min(33));
    const [row] = time.list(min(40), BUDGETS);
    expect(row).toMatchObject({
      workNo: '1001',
      name: 'Ann',
      restMs: 17 * 60_000,
      wrapUpMs: 3 * 60_000,
      busyMs: 0,
    });
    // "Rest over 15 min this shift": over the rest budget; busy has no budget (0 = off).
    expect(row?.over).toEqual(['rest']);
  });

  it('never counts before the shift started, even from a lower-bound state start', () => {
    const time = new ReasonTime(min(60));
    time.track('1002', 'Bo', 'rest', min(0)); // seen resting since "at least" long before
    expect(time.list(min(65), BUDGETS)[0]?.restMs).toBe(5 * 60_000);
  });

  it('an earlier start learned later for the same episode moves it back', () => {
    const time = new ReasonTime(min(0));
    time.track('1003', 'Cy', 'busy', min(10));
    time.track('1003', 'Cy', 'busy', min(6));
    expect(time.list(min(12), BUDGETS)[0]?.busyMs).toBe(6 * 60_000);
  });

  it('keeps its time across a restart (save, restore) without counting the downtime', () => {
    const time = new ReasonTime(min(0));
    time.track('1004', 'Di', 'rest', min(0));
    const saved = time.save(min(10));
    const restarted = new ReasonTime(min(0));
    restarted.restore(saved);
    restarted.track('1004', 'Di', 'rest', min(30)); // seen again after the restart
    expect(restarted.list(min(32), BUDGETS)[0]?.restMs).toBe(12 * 60_000);
  });

  it('an agent leaving the roster closes its episode; a new shift forgets everyone', () => {
    const time = new ReasonTime(min(0));
    time.track('1005', 'Ed', 'wrap-up', min(0));
    time.forget('1005', min(5));
    expect(time.list(min(50), BUDGETS)[0]?.wrapUpMs).toBe(5 * 60_000);
    time.reset(min(60));
    expect(time.list(min(70), BUDGETS)).toEqual([]);
  });
});
