/**
 * From the row map and the supervisor's view (search, filters, sort) to what the table shows:
 * the ordered visible ids plus the glance figures (counts per state, longest call, alerts).
 * One pass over the rows that also writes the attention sort keys into typed arrays, then one
 * index sort on them (sort-order.ts): 10,000 rows take a few ms and allocate almost nothing
 * per row.
 */
import type { AgentRow, AlertThresholds } from '../domain';
import { createEmptySummary, type AgentView, type RosterSummary } from './agent-view';
import { NO_KEY, collator, sortFirstScreen, sortVisible } from './sort-order';

/** What "how urgent" is measured against: the time of the ordering and the thresholds. */
export interface UrgencyContext {
  now: number;
  thresholds: AlertThresholds;
}

/** How much of the order to work out now. */
export interface OrderDepth {
  /** Order only this many rows from the top now (the rest later); omitted = all of them. */
  firstRows?: number;
  /** An agent (the selected one) whose place must be right even then. */
  keepPlaceOf?: string | null;
}

/**
 * How far past its worst threshold an alerted agent is (1.5 = 50 % over), so a call 20 min long
 * against a 10 min limit ranks above a busy spell 20 min long against a 15 min limit.
 */
export function measureOverdue(row: AgentRow, context: UrgencyContext): number {
  let worst = 0;
  for (const kind of row.alerts) {
    const since = kind === 'long-call' ? row.call?.since : row.stateSince;
    const limit =
      kind === 'long-call'
        ? context.thresholds.longCallSeconds
        : kind === 'long-busy'
          ? context.thresholds.longBusySeconds
          : context.thresholds.longWrapUpSeconds;
    // An alert main raised counts even when its start time is unknown here.
    const ratio =
      since == null || kind === 'long-queue-wait' ? 1 : (context.now - since) / (limit * 1000);
    worst = Math.max(worst, ratio, Number.MIN_VALUE);
  }
  return worst;
}

/** Order the rows the view lets through, and count what the glance bar shows. */
export function deriveRoster(
  rows: ReadonlyMap<string, AgentRow> | readonly AgentRow[],
  view: AgentView,
  urgency: UrgencyContext,
  depth: OrderDepth = {},
): RosterSummary {
  // Arrays by index (no iterator objects on the cold first screen); maps by their values.
  const array: readonly AgentRow[] | null = Array.isArray(rows) ? rows : null;
  const map = array === null ? (rows as ReadonlyMap<string, AgentRow>) : null;
  const capacity = array !== null ? array.length : (map as ReadonlyMap<string, AgentRow>).size;
  const stateCounts = { ...createEmptySummary().stateCounts };
  const groups = new Set<string>();
  const needle = view.search.trim().toLowerCase();
  const states = view.states.length > 0 ? new Set(view.states) : null;
  const group = view.group;
  const keepPlaceOf = depth.keepPlaceOf ?? null;
  const visible = new Array<AgentRow>(capacity);
  const overdueKeys = new Float64Array(capacity);
  const callKeys = new Float64Array(capacity);
  const stateKeys = new Float64Array(capacity);
  let shown = 0;
  let total = 0;
  let alerted = 0;
  let callsOfUnknownLength = 0;
  let longestCall: AgentRow | null = null;
  let longestCallSince = Infinity;
  let firstAlert: AgentRow | null = null;
  let firstAlertOverdue = 0;
  let lastGroup = '';
  let pinned: number | null = null;

  const values = map !== null ? map.values() : [].values();
  for (let index = 0; index < capacity; index += 1) {
    const row = (array !== null ? array[index] : values.next().value) as AgentRow;
    total += 1;
    stateCounts[row.state] += 1;
    // Rows come grouped more often than not: skip the Set when the group repeats.
    if (row.groupName !== lastGroup) {
      lastGroup = row.groupName;
      if (lastGroup !== '') groups.add(lastGroup);
    }
    const callSince = row.call === null ? null : row.call.since;
    if (callSince !== null) {
      if (callSince < longestCallSince) {
        longestCall = row;
        longestCallSince = callSince;
      }
    } else if (row.state === 'talking') callsOfUnknownLength += 1;
    let overdue = 0;
    if (row.alerts.length > 0) {
      alerted += 1;
      overdue = measureOverdue(row, urgency);
      if (overdue > firstAlertOverdue) {
        firstAlert = row;
        firstAlertOverdue = overdue;
      }
    }
    if (states !== null && !states.has(row.state)) continue;
    if (group !== null && row.groupName !== group) continue;
    if (needle !== '' && !row.workNo.includes(needle) && !row.name.toLowerCase().includes(needle))
      continue;
    if (keepPlaceOf !== null && row.workNo === keepPlaceOf) pinned = shown;
    visible[shown] = row;
    overdueKeys[shown] = overdue;
    // A call of unknown start ranks by what is known of it: at least as long as its state.
    const callRank = callSince ?? (row.call !== null ? row.stateSince : null);
    callKeys[shown] = callRank === null ? NO_KEY : -callRank;
    stateKeys[shown] = row.stateSince === null ? NO_KEY : -row.stateSince;
    shown += 1;
  }

  visible.length = shown;
  const input = {
    rows: visible,
    overdue: overdueKeys.subarray(0, shown),
    callAge: callKeys.subarray(0, shown),
    stateAge: stateKeys.subarray(0, shown),
  };
  const partial = depth.firstRows !== undefined && depth.firstRows < shown;
  const order = partial
    ? sortFirstScreen(input, view.sort, depth.firstRows as number, pinned)
    : sortVisible(input, view.sort);
  const ids = new Array<string>(shown);
  for (let index = 0; index < shown; index += 1)
    ids[index] = (visible[order[index] as number] as AgentRow).workNo;
  return {
    ids,
    ordered: !partial,
    total,
    groups: [...groups].sort(collator.compare),
    stateCounts,
    longestCallWorkNo: longestCall?.workNo ?? null,
    callsOfUnknownLength,
    alerted,
    firstAlertWorkNo: firstAlert?.workNo ?? null,
  };
}
