// @vitest-environment node
import { makeAgent } from '../../../../test/support/renderer/fixtures';
import { createTypeAhead, findByPrefix, moveIndex } from './grid-navigation';

describe('moveIndex', () => {
  it('moves by one, by page and to the ends, staying inside the list', () => {
    expect(moveIndex('ArrowDown', 3, 10, 5)).toBe(4);
    expect(moveIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(moveIndex('PageDown', 3, 10, 5)).toBe(8);
    expect(moveIndex('PageDown', 8, 10, 5)).toBe(9);
    expect(moveIndex('PageUp', 3, 10, 5)).toBe(0);
    expect(moveIndex('Home', 5, 10, 5)).toBe(0);
    expect(moveIndex('End', 5, 10, 5)).toBe(9);
  });

  it('starts at the top when nothing is selected', () => {
    expect(moveIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(moveIndex('ArrowUp', -1, 10, 5)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveIndex('a', 1, 10, 5)).toBeNull();
    expect(moveIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('findByPrefix', () => {
  const rows = new Map([
    ['1001', makeAgent('1001', { name: 'Li Na' })],
    ['1002', makeAgent('1002', { name: 'Liu Yang' })],
    ['2001', makeAgent('2001', { name: 'Wang Fang' })],
    ['2002', makeAgent('2002', { name: 'Lin Tao' })],
  ]);
  const ids = [...rows.keys()];
  const read = (workNo: string) => rows.get(workNo);

  it('finds by the start of a name or an id after the current row, wrapping', () => {
    expect(findByPrefix(ids, read, -1, 'w')).toBe(2);
    expect(findByPrefix(ids, read, 2, '2')).toBe(3);
    expect(findByPrefix(ids, read, 3, '2')).toBe(2);
  });

  it('keeps the current row while a longer prefix still matches it', () => {
    expect(findByPrefix(ids, read, 1, 'liu')).toBe(1);
    expect(findByPrefix(ids, read, 0, 'lin')).toBe(3);
  });

  it('cycles through matches when the same letter is repeated', () => {
    expect(findByPrefix(ids, read, 0, 'll')).toBe(1);
    expect(findByPrefix(ids, read, 1, 'lll')).toBe(3);
  });

  it('returns -1 without a match', () => {
    expect(findByPrefix(ids, read, 0, 'x')).toBe(-1);
  });
});

describe('createTypeAhead', () => {
  it('collects letters until a pause', () => {
    let now = 0;
    const typeAhead = createTypeAhead(500, () => now);
    expect(typeAhead.push('l')).toBe('l');
    now = 200;
    expect(typeAhead.push('i')).toBe('li');
    now = 900;
    expect(typeAhead.push('w')).toBe('w');
  });
});
