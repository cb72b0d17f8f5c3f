/** Which skills the wallboard shows, its pages, and the rotation. */
import { describe, expect, it } from 'vitest';
import type { SkillFigures } from '../../../shared/insight';
import { chooseSkills, pageAt, paginate, TILES_PER_PAGE } from './wallboard-pages';

const skill = (skillId: number) => ({ skillId, name: `S${skillId}` }) as SkillFigures;

describe('wallboard pages', () => {
  it('shows the chosen skills in the chosen order, or all when none is chosen', () => {
    const all = [1, 2, 3].map(skill);
    expect(chooseSkills(all, []).map((entry) => entry.skillId)).toEqual([1, 2, 3]);
    expect(chooseSkills(all, [3, 9, 1]).map((entry) => entry.skillId)).toEqual([3, 1]);
  });

  it('puts six tiles on a page and always has one page', () => {
    expect(TILES_PER_PAGE).toBe(6);
    expect(paginate([1, 2, 3, 4, 5, 6, 7]).map((page) => page.length)).toEqual([6, 1]);
    expect(paginate([])).toEqual([[]]);
  });

  it('rotates every rotateMs, and not at all with one page', () => {
    expect([0, 14_999, 15_000, 30_000, 45_000].map((at) => pageAt(at, 15_000, 3))).toEqual([
      0, 0, 1, 2, 0,
    ]);
    expect(pageAt(99_000, 15_000, 1)).toBe(0);
  });
});
