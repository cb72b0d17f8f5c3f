/**
 * The tray's model, built from the core's state by a pure function. The tray is a native menu:
 * the gateway's strings in it (agent names, callers, call ids) are made safe to show there
 * (no control or bidi-override characters, capped length; see shared/display-text.ts).
 */
import type { AgentRow, ConnectionState, InspectionView } from '../../shared/domain';
import type { FollowView, NoteTemplate } from '../../shared/coaching';
import { toDisplayText } from '../../shared/display-text';
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
  return {
    connection,
    inspection: {
      ...inspection,
      callId: inspection.callId === null ? null : toDisplayText(inspection.callId),
    },
    focusAgent: focusAgent === null ? null : forTray(focusAgent),
    longestCalls: top.map(forTray),
  };
}

/** A copy of the row with the strings the tray may show made safe for a native menu. */
function forTray(row: Readonly<AgentRow>): AgentRow {
  const copy = copyRow(row);
  copy.name = toDisplayText(copy.name);
  copy.groupName = toDisplayText(copy.groupName);
  if (copy.call)
    copy.call = {
      ...copy.call,
      caller: copy.call.caller === null ? null : toDisplayText(copy.call.caller),
      callId: copy.call.callId === null ? null : toDisplayText(copy.call.callId),
    };
  return copy;
}

/**
 * The tray's coaching part: who is followed, and the note templates by name. A template's name
 * is a menu label (made safe like gateway text: a hand-edited settings file can hold anything);
 * its text is what gets sent, so it stays as written.
 */
export function buildTrayCoaching(
  follow: FollowView | null,
  templates: readonly NoteTemplate[],
): NonNullable<TrayModel['coaching']> {
  return {
    follow: follow === null ? null : { ...follow, workNo: toDisplayText(follow.workNo) },
    noteTemplates: templates.map(({ id, name, text }) => ({ id, name: toDisplayText(name), text })),
  };
}
