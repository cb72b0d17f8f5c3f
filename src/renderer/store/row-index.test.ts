// @vitest-environment node
import { makeAgent, makeAgents } from '../../../test/support/renderer/fixtures';
import { RowIndex } from './row-index';

describe('RowIndex (the store rows, a whole list indexed when needed)', () => {
  it('answers lookups at the top of an adopted list without indexing it', () => {
    const list = makeAgents(10_000);
    const rows = new RowIndex();
    rows.adopt(list);
    expect(rows.get('1001')).toBe(list[0]);
    expect(rows.get('1020')).toBe(list[19]);
    expect(rows.has('1001')).toBe(true);
    expect(rows.unsettled).toBe(true);
  });

  it('indexes the list for a lookup past its top, for its size and for iteration', () => {
    const list = makeAgents(10_000);
    const rows = new RowIndex();
    rows.adopt(list);
    expect(rows.get('11000')).toBe(list[9_999]);
    expect(rows.unsettled).toBe(false);
    expect(rows.get('99999')).toBeUndefined();

    rows.adopt(list.slice(0, 3));
    expect(rows.size).toBe(3);
    rows.adopt(list.slice(0, 3));
    expect([...rows.keys()]).toEqual(['1001', '1002', '1003']);
    rows.adopt(list.slice(0, 2));
    const seen: string[] = [];
    rows.forEach((row, workNo, map) => {
      expect(map).toBe(rows);
      seen.push(`${workNo}:${row.name}`);
    });
    expect(seen).toEqual(['1001:Agent 1001', '1002:Agent 1002']);
    expect([...rows].map(([workNo]) => workNo)).toEqual(['1001', '1002']);
    expect(Object.prototype.toString.call(rows)).toBe('[object RowIndex]');
  });

  it('says a short list lacks an agent without indexing, and a new list replaces the old', () => {
    const rows = new RowIndex();
    rows.adopt(makeAgents(3));
    expect(rows.get('5000')).toBeUndefined();
    expect(rows.unsettled).toBe(true);
    rows.adopt([makeAgent('7001')]);
    expect(rows.get('1001')).toBeUndefined();
    expect(rows.size).toBe(1);
  });

  it('applies changes on top of an adopted list as a Map would (set, delete, clear)', () => {
    const rows = new RowIndex();
    rows.adopt(makeAgents(3));
    const moved = makeAgent('1002', { state: 'talking' });
    rows.set('1002', moved);
    expect(rows.delete('1003')).toBe(true);
    expect(rows.delete('1003')).toBe(false);
    rows.set('2001', makeAgent('2001'));
    expect([...rows.values()].map((row) => `${row.workNo}:${row.state}`)).toEqual([
      '1001:idle',
      '1002:talking',
      '2001:idle',
    ]);
    rows.clear();
    expect(rows.size).toBe(0);
    expect(rows.get('1001')).toBeUndefined();
  });

  it('keeps the first row of an agent listed twice, before and after indexing', () => {
    const first = makeAgent('1001', { state: 'busy' });
    const rows = new RowIndex();
    rows.adopt([first, makeAgent('1002'), makeAgent('1001', { state: 'idle' })]);
    expect(rows.get('1001')).toBe(first);
    rows.settle();
    expect(rows.get('1001')).toBe(first);
    expect(rows.size).toBe(2);
  });
});
