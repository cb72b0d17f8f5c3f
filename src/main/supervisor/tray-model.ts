/**
 * The tray's model, built from the core's state by a pure function.
 */
import type { AgentRow, ConnectionState, InspectionView } from '../../shared/domain';
import { copyRow } from './roster/roster-row';
import type { TrayModel } from './supervisor-api';

/** How many calls the tray lists. */
const TRAY_LONGEST_CALLS = 5;

/** Build the tray model: the focus agent and the longest calls (cheap top-k scan). */
export function buildTrayModel(
  connection: ConnectionState,
  inspection: InspectionView,
  focusAgent: AgentRow | null,
  talkingRows: Iterable<Readonly<AgentRow>>,
  now: number,
): TrayModel {
  const top: Readonly<AgentRow>[] = [];
  const started = (row: Readonly<AgentRow>): number => row.call?.since ?? row.stateSince ?? now;
  for (const row of talkingRows) {
    if (top.length < TRAY_LONGEST_CALLS) {
      top.push(row);
      top.sort((a, b) => started(a) - started(b));
    } else if (started(row) < started(top[top.length - 1]!)) {
      top[top.length - 1] = row;
      top.sort((a, b) => started(a) - started(b));
    }
  }
  return { connection, inspection, focusAgent, longestCalls: top.map(copyRow) };
}
