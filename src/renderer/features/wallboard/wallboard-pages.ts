/**
 * Which skills the wallboard shows and how they are paged: the chosen skills (or all), in the
 * order chosen, so many to a page that the tiles stay readable from 5 m at 1920×1080.
 */
import type { SkillFigures } from '../../../shared/insight';

/** Tiles per page: 3 × 2 at full HD keeps figures ~120 px tall (about 1.5 cm at 5 m per 1 arcmin). */
export const TILES_PER_PAGE = 6;

/** The skills to show, in the chosen order; every skill when none is chosen. */
export function chooseSkills(
  skills: readonly SkillFigures[],
  chosen: readonly number[],
): SkillFigures[] {
  if (chosen.length === 0) return [...skills];
  const byId = new Map(skills.map((skill) => [skill.skillId, skill]));
  return chosen.map((id) => byId.get(id)).filter((skill): skill is SkillFigures => !!skill);
}

/** The page shown `elapsedMs` after the wallboard started, rotating every `rotateMs`. */
export function pageAt(elapsedMs: number, rotateMs: number, pageCount: number): number {
  if (pageCount <= 1) return 0;
  return Math.floor(Math.max(0, elapsedMs) / Math.max(1_000, rotateMs)) % pageCount;
}

/** Split into pages of `size`. */
export function paginate<T>(items: readonly T[], size = TILES_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}
