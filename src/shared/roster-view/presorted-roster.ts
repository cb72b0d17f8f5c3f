/**
 * A big list sent in the default view's order. The core orders it (code that runs all day, warm)
 * and adds the glance figures; a window in the default view then paints its first screen
 * straight from the list, without first walking 10,000 rows on code that never ran (the
 * decision: docs/decisions/renderer.md, "presorted big lists").
 */
import type { AgentRow, AlertThresholds, RosterFigures, RosterSnapshot } from '../domain';
import { DEFAULT_VIEW, isDefaultView, type AgentView, type RosterSummary } from './agent-view';
import { deriveRoster } from './derive-roster';

/** From this many agents on, a roster snapshot comes presorted. */
export const PRESORT_MIN_ROWS = 2000;

/** The glance figures of a summary or a presorted list, and nothing else. */
function figuresOf(from: RosterFigures): RosterFigures {
  return {
    total: from.total,
    groups: from.groups,
    stateCounts: from.stateCounts,
    longestCallWorkNo: from.longestCallWorkNo,
    callsOfUnknownLength: from.callsOfUnknownLength,
    alerted: from.alerted,
    firstAlertWorkNo: from.firstAlertWorkNo,
  };
}

/** A roster snapshot of `list` at `rosterVersion`: presorted as of `at` when the list is big. */
export function composeRosterSnapshot(
  list: readonly AgentRow[],
  rosterVersion: number,
  at: number,
  thresholds: AlertThresholds,
): RosterSnapshot {
  if (list.length < PRESORT_MIN_ROWS) return { roster: [...list], rosterVersion };
  const summary = deriveRoster(list, DEFAULT_VIEW, { now: at, thresholds });
  const byWorkNo = new Map<string, AgentRow>();
  for (const row of list) byWorkNo.set(row.workNo, row);
  return {
    roster: summary.ids.map((workNo) => byWorkNo.get(workNo) as AgentRow),
    rosterVersion,
    presorted: { ...figuresOf(summary), at, thresholds: { ...thresholds } },
  };
}

/** The limits the urgency order measures against (the queue-wait alert is not a row's). */
function orderSameWay(left: AlertThresholds, right: AlertThresholds): boolean {
  return (
    left.longCallSeconds === right.longCallSeconds &&
    left.longBusySeconds === right.longBusySeconds &&
    left.longWrapUpSeconds === right.longWrapUpSeconds
  );
}

/**
 * What a window in `view`, alerting at `thresholds`, shows of a snapshot straight from its
 * presorted order; null when it must order the list itself (no presorted order, another view,
 * other limits, or figures that do not match the list).
 */
export function takePresortedSummary(
  snapshot: RosterSnapshot,
  view: AgentView,
  thresholds: AlertThresholds,
): RosterSummary | null {
  const presorted = snapshot.presorted;
  const list = snapshot.roster;
  if (
    presorted === undefined ||
    presorted.total !== list.length ||
    !isDefaultView(view) ||
    !orderSameWay(presorted.thresholds, thresholds)
  )
    return null;
  // An index loop: the window's code is still cold here.
  const ids = new Array<string>(list.length);
  for (let index = 0; index < list.length; index += 1)
    ids[index] = (list[index] as AgentRow).workNo;
  return { ...figuresOf(presorted), ids, ordered: true };
}
