/**
 * How the supervisor looks at the agent list (search, filters, sort) and what the table and
 * the glance bar show of it. Shared so that the core can send a big list already in the
 * default view's order (see presorted-roster.ts).
 */
import type { AgentState, RosterFigures } from '../domain';

export type SortKey =
  'attention' | 'workNo' | 'name' | 'group' | 'state' | 'timeInState' | 'call' | 'inspectedBy';
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** How the supervisor looks at the agent list: search, filters and sort. */
export interface AgentView {
  search: string;
  /** Empty means every state. */
  states: readonly AgentState[];
  group: string | null;
  sort: SortOrder;
}

/** What the table and the glance bar show, derived from the rows and the view. */
export interface RosterSummary extends RosterFigures {
  /** Visible workNos in display order. */
  ids: readonly string[];
  /**
   * False while only the top of `ids` (a first screen, and the selected agent) is in order and
   * the rest is still being sorted (right after a whole new list arrived).
   */
  ordered: boolean;
}

/** Every agent, most urgent first: the view a window starts with. */
export const DEFAULT_VIEW: AgentView = {
  search: '',
  states: [],
  group: null,
  sort: { key: 'attention', direction: 'desc' },
};

/** Whether `view` shows every agent in the default order (nothing searched or filtered). */
export function isDefaultView(view: AgentView): boolean {
  return (
    view.search.trim() === '' &&
    view.states.length === 0 &&
    view.group === null &&
    view.sort.key === DEFAULT_VIEW.sort.key &&
    view.sort.direction === DEFAULT_VIEW.sort.direction
  );
}

/** An empty summary (before the first snapshot). */
export function createEmptySummary(): RosterSummary {
  return {
    ids: [],
    ordered: true,
    total: 0,
    groups: [],
    stateCounts: {
      'signed-out': 0,
      idle: 0,
      ringing: 0,
      talking: 0,
      busy: 0,
      'wrap-up': 0,
      rest: 0,
      unknown: 0,
    },
    longestCallWorkNo: null,
    callsOfUnknownLength: 0,
    alerted: 0,
    firstAlertWorkNo: null,
  };
}
