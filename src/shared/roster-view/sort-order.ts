/**
 * Sorting the visible agents without per-row objects: the sort keys are written once into
 * typed arrays and an index array is sorted by them. 10,000 rows sort in a few ms even before
 * the JIT has warmed up (the first render), and leave almost nothing for the GC.
 */
import type { AgentRow, AgentState } from '../domain';
import type { SortKey, SortOrder } from './agent-view';

/** Display and sort order of agent states: the ones that need attention first. */
export const AGENT_STATE_ORDER: readonly AgentState[] = [
  'talking',
  'ringing',
  'busy',
  'wrap-up',
  'rest',
  'idle',
  'signed-out',
  'unknown',
];

const STATE_RANK: Readonly<Record<AgentState, number>> = Object.fromEntries(
  AGENT_STATE_ORDER.map((state, index) => [state, AGENT_STATE_ORDER.length - index]),
) as Record<AgentState, number>;

export const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Stands for "no value" in a key array; every real value is larger. */
export const NO_KEY = -Number.MAX_VALUE;

/**
 * The rows to order plus the attention keys the first pass already wrote (same positions as
 * `rows`; larger = more urgent, NO_KEY when unknown).
 */
export interface SortInput {
  rows: readonly AgentRow[];
  /** How far past its threshold each row is (0 when not alerted). */
  overdue: Float64Array;
  /** How long the current call is (as -start: larger = longer). */
  callAge: Float64Array;
  /** How long the agent is in its state (as -start). */
  stateAge: Float64Array;
}

/** workNo as a number for the tie-break; ids that are not numbers go last (kept stable). */
function readId(workNo: string): number {
  const id = Number(workNo);
  return Number.isFinite(id) ? id : Number.MAX_VALUE;
}

/** Ranks of strings in collator order, so sorting compares numbers, not strings. */
function rankStrings(values: ReadonlyArray<string | null>): Float64Array {
  const unique = [...new Set(values.filter((value): value is string => value !== null))].sort(
    collator.compare,
  );
  const rankOf = new Map<string, number>();
  let rank = 0;
  for (let index = 0; index < unique.length; index += 1) {
    // Strings the collator calls equal ("li na", "Li Na") share a rank: the agent id decides.
    if (index > 0 && collator.compare(unique[index - 1] as string, unique[index] as string) !== 0)
      rank += 1;
    rankOf.set(unique[index] as string, rank);
  }
  const ranks = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? null;
    ranks[index] = value === null ? NO_KEY : (rankOf.get(value) as number);
  }
  return ranks;
}

/**
 * One key per row for a column sort (NO_KEY when unknown). For "how long" columns a larger
 * value means longer, so `desc` always puts the most urgent row first.
 */
function readColumnKeys(
  rows: readonly AgentRow[],
  key: Exclude<SortOrder['key'], 'attention'>,
): Float64Array {
  const count = rows.length;
  if (key === 'name' || key === 'group' || key === 'inspectedBy') {
    const texts = new Array<string | null>(count);
    for (let index = 0; index < count; index += 1) {
      const row = rows[index] as AgentRow;
      texts[index] =
        key === 'name'
          ? row.name
          : key === 'group'
            ? row.groupName
            : (row.inspectedBy?.inspectorWorkNo ?? null);
    }
    return rankStrings(texts);
  }
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const row = rows[index] as AgentRow;
    if (key === 'workNo') keys[index] = readId(row.workNo);
    else if (key === 'state') keys[index] = STATE_RANK[row.state] ?? 0;
    else if (key === 'timeInState')
      keys[index] = row.stateSince === null ? NO_KEY : -row.stateSince;
    else {
      // A call of unknown start ranks by its lower bound: the time in its state.
      const since = row.call === null ? null : (row.call.since ?? row.stateSince);
      keys[index] = since === null ? NO_KEY : -since;
    }
  }
  return keys;
}

/** Compares two visible rows by position; negative when `left` goes first. */
type PositionComparator = (left: number, right: number) => number;

/**
 * The display order as a comparator over positions in `input.rows`. Attention order: most
 * overdue alert first, then the longest call, then the longest time in state; column order: by
 * the column, unknown values last whichever the direction. Ties go to the lower agent id.
 */
function createComparator(input: SortInput, order: SortOrder): PositionComparator {
  const { rows } = input;
  // Ids are read only for ties (rare at the top of the list), and then kept.
  const ids = new Float64Array(rows.length).fill(Number.NaN);
  const readCachedId = (position: number): number => {
    let id = ids[position] as number;
    if (id !== id) {
      id = readId((rows[position] as AgentRow).workNo);
      ids[position] = id;
    }
    return id;
  };
  const byId = (left: number, right: number): number => readCachedId(left) - readCachedId(right);
  // `desc` = the larger key first.
  const flip = order.direction === 'desc' ? -1 : 1;

  if (order.key === 'attention') {
    const { overdue, callAge, stateAge } = input;
    return (left, right) => {
      let byKeys = 0;
      if (overdue[left] !== overdue[right])
        byKeys = (overdue[left] as number) < (overdue[right] as number) ? -1 : 1;
      else if (callAge[left] !== callAge[right])
        byKeys = (callAge[left] as number) < (callAge[right] as number) ? -1 : 1;
      else if (stateAge[left] !== stateAge[right])
        byKeys = (stateAge[left] as number) < (stateAge[right] as number) ? -1 : 1;
      return byKeys !== 0 ? byKeys * flip : byId(left, right);
    };
  }

  const keys = readColumnKeys(rows, order.key);
  return (left, right) => {
    const a = keys[left] as number;
    const b = keys[right] as number;
    if (a !== b) {
      // Unknown values go last whichever way the column is sorted.
      if (a === NO_KEY) return 1;
      if (b === NO_KEY) return -1;
      return (a < b ? -1 : 1) * flip;
    }
    return byId(left, right);
  };
}

/** The visible rows' positions in display order. */
export function sortVisible(input: SortInput, order: SortOrder): Uint32Array {
  const positions = new Uint32Array(input.rows.length);
  for (let index = 0; index < positions.length; index += 1) positions[index] = index;
  return positions.sort(createComparator(input, order));
}

/**
 * Only the first `firstCount` positions in display order, for a first screen that cannot show
 * more: one comparison per row against the worst of a small kept set instead of a full sort.
 * The rest follow in their input order, except `pinned` (a position, e.g. the selected agent),
 * which is put at its true place so what the screen scrolls to is right. Callers sort fully
 * later (sortVisible).
 */
export function sortFirstScreen(
  input: SortInput,
  order: SortOrder,
  firstCount: number,
  pinned: number | null,
): Uint32Array {
  const count = input.rows.length;
  if (count <= firstCount) return sortVisible(input, order);
  const compare = createComparator(input, order);
  // Keep up to twice `firstCount` candidates; when full, sort them and drop the worse half.
  let kept = new Uint32Array(firstCount * 2);
  let keptCount = 0;
  let worst = -1;
  for (let position = 0; position < count; position += 1) {
    if (worst >= 0 && compare(position, worst) >= 0) continue;
    if (keptCount === kept.length) {
      kept = kept.sort(compare);
      keptCount = firstCount;
      worst = kept[firstCount - 1] as number;
      if (compare(position, worst) >= 0) continue;
    }
    kept[keptCount] = position;
    keptCount += 1;
  }
  const first = kept.subarray(0, keptCount).sort(compare).subarray(0, firstCount);

  const result = new Uint32Array(count);
  const placed = new Uint8Array(count);
  result.set(first);
  for (const position of first) placed[position] = 1;
  let pinnedAt = -1;
  if (pinned !== null && pinned < count && placed[pinned] === 0) {
    pinnedAt = 0;
    for (let position = 0; position < count; position += 1)
      if (compare(position, pinned) < 0) pinnedAt += 1;
    placed[pinned] = 1;
  }
  let next = first.length;
  for (let position = 0; position < count; position += 1) {
    if (placed[position] === 1) continue;
    if (next === pinnedAt) next += 1;
    result[next] = position;
    next += 1;
  }
  if (pinnedAt >= 0) result[pinnedAt] = pinned as number;
  return result;
}

/** Text columns start A→Z; "how long" and urgency columns start with the most urgent. */
export function defaultDirection(key: SortKey): 'asc' | 'desc' {
  return key === 'workNo' || key === 'name' || key === 'group' || key === 'inspectedBy'
    ? 'asc'
    : 'desc';
}

/** The order after pressing `key`'s header: the same column again reverses, another starts fresh. */
export function toggledSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: defaultDirection(key) };
  return { key, direction: current.direction === 'desc' ? 'asc' : 'desc' };
}
