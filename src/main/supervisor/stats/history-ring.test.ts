/** The bounded 5 s history ring: order, wrap-around, gaps, series limits. */
import { describe, expect, it } from 'vitest';
import { HISTORY_FIELDS } from '../../../shared/insight';
import { CENTER_KEY, HISTORY_CAPACITY, HistoryRing } from './history-ring';

const row = (waiting: number) => HISTORY_FIELDS.map((_, index) => (index === 0 ? waiting : index));

describe('HistoryRing', () => {
  it('holds 12 hours at 5 s', () => {
    expect(HISTORY_CAPACITY).toBe(8_640);
  });

  it('keeps the newest samples once full, oldest first, and reads from a time on', () => {
    const ring = new HistoryRing(4);
    for (let i = 1; i <= 6; i++) ring.push(i * 5_000, new Map([[CENTER_KEY, row(i)]]));
    expect(ring.size).toBe(4);
    const all = ring.read(CENTER_KEY);
    expect(all.t).toEqual([15_000, 20_000, 25_000, 30_000]);
    expect(all.columns.waiting).toEqual([3, 4, 5, 6]);
    expect(ring.read(CENTER_KEY, 22_000).t).toEqual([25_000, 30_000]);
  });

  it('refuses a sample not newer than the last', () => {
    const ring = new HistoryRing(4);
    expect(ring.push(10, new Map([[CENTER_KEY, row(1)]]))).toBe(true);
    expect(ring.push(10, new Map([[CENTER_KEY, row(2)]]))).toBe(false);
    expect(ring.size).toBe(1);
  });

  it('a series missing from a sample (or null values) reads as null: a gap', () => {
    const ring = new HistoryRing(8);
    ring.push(
      1,
      new Map([
        [CENTER_KEY, row(1)],
        [3, row(9)],
      ]),
    );
    ring.push(2, new Map([[CENTER_KEY, row(2)]]));
    ring.push(3, new Map([[3, HISTORY_FIELDS.map(() => null)]]));
    expect(ring.read(3).columns.waiting).toEqual([9, null, null]);
    expect(ring.read(CENTER_KEY).columns.waiting).toEqual([1, 2, null]);
    // A series that appears late has nulls before it.
    ring.push(4, new Map([[5, row(4)]]));
    expect(ring.read(5).columns.waiting).toEqual([null, null, null, 4]);
    expect(ring.read(5).skillId).toBe(5);
    expect(ring.read(CENTER_KEY).skillId).toBeNull();
  });

  it('records at most maxSeries series', () => {
    const ring = new HistoryRing(4, 2);
    ring.push(
      1,
      new Map([
        [1, row(1)],
        [2, row(2)],
        [3, row(3)],
      ]),
    );
    expect(ring.keys()).toEqual([1, 2]);
  });
});
