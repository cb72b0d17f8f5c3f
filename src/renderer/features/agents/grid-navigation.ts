/**
 * Keyboard movement in the agent grid, as pure functions: arrows, Home/End, PageUp/PageDown,
 * and type-to-find (typing the start of an id or a name jumps to the next match).
 */
import type { AgentRow } from '../../../shared/domain';

/** The index a navigation key moves to, or null when the key is not a navigation key. */
export function moveIndex(
  key: string,
  current: number,
  count: number,
  pageSize: number,
): number | null {
  if (count === 0) return null;
  const clamp = (index: number): number => Math.min(count - 1, Math.max(0, index));
  const from = current < 0 ? -1 : current;
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from < 0 ? 0 : from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(from + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(from - Math.max(1, pageSize));
    default:
      return null;
  }
}

/**
 * The first row after `current` (wrapping) whose id or name starts with `prefix`. A prefix of
 * one repeated letter cycles through the matches of that letter, as in file lists.
 */
export function findByPrefix(
  ids: readonly string[],
  readRow: (workNo: string) => AgentRow | undefined,
  current: number,
  prefix: string,
): number {
  const needle = prefix.toLowerCase();
  const repeated = needle.length > 1 && [...needle].every((char) => char === needle[0]);
  const search = repeated ? needle.slice(0, 1) : needle;
  // A growing prefix may still match the current row; a fresh or repeated one moves on.
  const startOffset = needle.length > 1 && !repeated ? 0 : 1;
  const start = current < 0 ? 0 : current + startOffset;
  for (let step = 0; step < ids.length; step += 1) {
    const index = (start + step) % ids.length;
    const workNo = ids[index] as string;
    const row = readRow(workNo);
    if (
      workNo.startsWith(search) ||
      (row !== undefined && row.name.toLowerCase().startsWith(search))
    )
      return index;
  }
  return -1;
}

/** Collects typed characters into a prefix that resets after a pause. */
export function createTypeAhead(resetAfterMs = 800, now: () => number = Date.now) {
  let buffer = '';
  let lastAt = -Infinity;
  return {
    /** Add a character; returns the prefix typed so far. */
    push(char: string): string {
      const at = now();
      buffer = at - lastAt > resetAfterMs ? char : buffer + char;
      lastAt = at;
      return buffer;
    },
  };
}
