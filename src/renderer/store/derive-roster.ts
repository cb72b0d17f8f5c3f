/**
 * From the row map and the supervisor's view (search, filters, sort) to what the table shows:
 * the ordered visible ids plus the glance figures (counts per state, longest call, alerts).
 * One pass over the rows and one sort on precomputed keys, so 10,000 rows take a few ms.
 */
import type { AgentRow, AgentState, AlertThresholds } from '../../shared/domain';
import type { AgentView, RosterSummary, SortKey } from './app-state';
import { createEmptySummary } from './app-state';

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

const stateRank = new Map(AGENT_STATE_ORDER.map((state, index) => [state, AGENT_STATE_ORDER.length - index]));
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type SortValue = number | string | null;

/**
 * The value a row sorts by; for "how long" columns a larger value means longer, so `desc`
 * always puts the most urgent row first. null sorts last in both directions.
 */
function readSortValue(row: AgentRow, key: Exclude<SortKey, 'attention'>): SortValue {
  switch (key) {
    case 'workNo':
      return Number(row.workNo);
    case 'name':
      return row.name;
    case 'group':
      return row.groupName;
    case 'state':
      return stateRank.get(row.state) ?? 0;
    case 'timeInState':
      return row.stateSince === null ? null : -row.stateSince;
    case 'call':
      return row.call?.since == null ? null : -row.call.since;
    case 'inspectedBy':
      return row.inspectedBy ? row.inspectedBy.inspectorWorkNo : null;
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) - (b as number);
}

/** What "how urgent" is measured against: the time of the ordering and the thresholds. */
export interface UrgencyContext {
  now: number;
  thresholds: AlertThresholds;
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
      kind === 'long-call' ? context.thresholds.longCallSeconds : kind === 'long-busy' ? context.thresholds.longBusySeconds : context.thresholds.longWrapUpSeconds;
    // An alert main raised counts even when its start time is unknown here.
    const ratio = since == null || kind === 'long-queue-wait' ? 1 : (context.now - since) / (limit * 1000);
    worst = Math.max(worst, ratio, Number.MIN_VALUE);
  }
  return worst;
}

function matchesView(row: AgentRow, view: AgentView, needle: string): boolean {
  if (view.states.length > 0 && !view.states.includes(row.state)) return false;
  if (view.group !== null && row.groupName !== view.group) return false;
  if (needle === '') return true;
  return row.workNo.includes(needle) || row.name.toLowerCase().includes(needle);
}

interface SortEntry {
  row: AgentRow;
  /** workNo as a number: the tie-breaker. */
  id: number;
  value: SortValue;
  /** Urgency keys (attention sort): how overdue, call length, time in state; larger first. */
  overdue: number;
  callAge: number;
  stateAge: number;
}

function compareAttention(left: SortEntry, right: SortEntry): number {
  if (left.overdue !== right.overdue) return left.overdue > right.overdue ? -1 : 1;
  if (left.callAge !== right.callAge) return left.callAge > right.callAge ? -1 : 1;
  if (left.stateAge !== right.stateAge) return left.stateAge > right.stateAge ? -1 : 1;
  return 0;
}

/** Order the rows the view lets through, and count what the glance bar shows. */
export function deriveRoster(rows: Iterable<AgentRow>, view: AgentView, urgency: UrgencyContext): RosterSummary {
  const summary = createEmptySummary();
  const stateCounts = { ...summary.stateCounts };
  const groups = new Set<string>();
  const needle = view.search.trim().toLowerCase();
  const { key, direction } = view.sort;
  const sign = direction === 'desc' ? -1 : 1;
  const visible: SortEntry[] = [];
  let total = 0;
  let alerted = 0;
  let callsOfUnknownLength = 0;
  let longestCall: AgentRow | null = null;
  let firstAlert: AgentRow | null = null;
  let firstAlertOverdue = 0;

  for (const row of rows) {
    total += 1;
    stateCounts[row.state] += 1;
    if (row.groupName !== '') groups.add(row.groupName);
    const callSince = row.call?.since ?? null;
    if (callSince !== null && (longestCall === null || callSince < (longestCall.call?.since ?? Infinity))) longestCall = row;
    else if (callSince === null && row.state === 'talking') callsOfUnknownLength += 1;
    let overdue = 0;
    if (row.alerts.length > 0) {
      alerted += 1;
      overdue = measureOverdue(row, urgency);
      if (overdue > firstAlertOverdue) {
        firstAlert = row;
        firstAlertOverdue = overdue;
      }
    }
    if (!matchesView(row, view, needle)) continue;
    visible.push({
      row,
      id: Number(row.workNo),
      value: key === 'attention' ? null : readSortValue(row, key),
      overdue,
      callAge: callSince === null ? -Infinity : -callSince,
      stateAge: row.stateSince === null ? -Infinity : -row.stateSince,
    });
  }

  visible.sort((left, right) => {
    let order: number;
    if (key === 'attention') order = sign === -1 ? compareAttention(left, right) : -compareAttention(left, right);
    else if (left.value === null || right.value === null) {
      // Unknown values go last whichever way the column is sorted.
      order = left.value === right.value ? 0 : left.value === null ? 1 : -1;
    } else order = sign * compareValues(left.value, right.value);
    return order !== 0 ? order : left.id - right.id;
  });
  return {
    ids: visible.map((entry) => entry.row.workNo),
    total,
    groups: [...groups].sort(collator.compare),
    stateCounts,
    longestCallWorkNo: longestCall?.workNo ?? null,
    callsOfUnknownLength,
    alerted,
    firstAlertWorkNo: firstAlert?.workNo ?? null,
  };
}
