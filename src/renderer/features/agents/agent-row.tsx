/**
 * One agent row of the grid. Memoised and keyed by workNo: it re-renders only when its row
 * object changes, when it is (de)selected, or on the shared clock tick while on screen. The
 * table hands it its row and the clock's time, and its words come from the table's RowLabels,
 * so a row has no store subscription and no i18n hook of its own, and its icon and cells are
 * plain elements rather than components: a first screen mounts a few dozen rows at once.
 */
import { memo } from 'react';
import type { AgentRow, AlertKind } from '../../../shared/domain';
import { formatElapsed } from '../../i18n/format';
import { renderIcon } from '../../ui/icons';
import { STATE_ICON } from './agent-states';
import { useRowLabels, type RowLabels } from './row-labels';

export interface AgentRowProps {
  workNo: string;
  /** The agent's data; undefined once it left the list (until the order catches up). */
  row: AgentRow | undefined;
  /** The shared clock's time (ms), for the ticking durations. */
  now: number;
  /** Position in the visible list (0-based). */
  index: number;
  /** Offset from the top of the list, px. */
  offset: number;
  selected: boolean;
  /** The one row that takes Tab focus (roving tabindex). */
  tabbable: boolean;
  onPick: (workNo: string) => void;
}

const STATE_ALERTS: readonly AlertKind[] = ['long-busy', 'long-wrap-up'];

/** "≥ 12:03" for a lower bound (the start was not seen), else the duration. */
function formatSince(since: number | null, exact: boolean, now: number): string {
  return since !== null && !exact ? `≥ ${formatElapsed(since, now)}` : formatElapsed(since, now);
}

function renderCall(row: AgentRow, now: number, labels: RowLabels) {
  const call = row.call;
  if (!call) return '—';
  // A call whose start is unknown has lasted at least as long as the state it belongs to.
  const known = call.since !== null;
  return (
    <>
      <span
        className={known ? 'call-duration' : 'call-duration is-lower-bound'}
        title={known ? undefined : labels.atLeast}
      >
        {known ? formatElapsed(call.since, now) : formatSince(row.stateSince, false, now)}
      </span>
      {call.caller ? <span className="call-caller">{call.caller}</span> : null}
    </>
  );
}

function renderInspectedBy(row: AgentRow, labels: RowLabels) {
  const by = row.inspectedBy;
  // Empty cells hold a bare dash (the cell mutes it): one element less per row.
  if (!by) return '—';
  const mine = by.inspectorWorkNo === labels.myId;
  return (
    <span className={mine ? 'inspected-by is-me' : 'inspected-by'}>
      {renderIcon('headset')}
      {mine ? labels.you : by.inspectorWorkNo} · {labels.mode[by.mode]}
    </span>
  );
}

function renderCells(row: AgentRow, now: number, labels: RowLabels) {
  const stateAlert =
    row.alerts.length > 0 && row.alerts.some((kind) => STATE_ALERTS.includes(kind));
  const callAlert = row.alerts.includes('long-call');
  const callClass = !row.call
    ? 'cell cell-call is-empty'
    : callAlert
      ? 'cell cell-call is-over'
      : 'cell cell-call';
  const timeExact = row.stateSinceExact === true;
  const timeClass = `cell cell-time${stateAlert ? ' is-over' : ''}${row.stateSince !== null && !timeExact ? ' is-lower-bound' : ''}`;
  return (
    <>
      <div role="gridcell" className="cell cell-name" title={row.name}>
        {row.name}
      </div>
      <div role="gridcell" className="cell cell-group" title={row.groupName}>
        {row.groupName || '—'}
      </div>
      <div role="gridcell" className="cell cell-state">
        <span className={`state-badge state-${row.state}`}>
          {renderIcon(STATE_ICON[row.state])}
          <span>{labels.state[row.state]}</span>
        </span>
      </div>
      <div
        role="gridcell"
        className={timeClass}
        title={row.stateSince !== null && !timeExact ? labels.atLeast : undefined}
      >
        {formatSince(row.stateSince, timeExact, now)}
      </div>
      <div role="gridcell" className={callClass}>
        {renderCall(row, now, labels)}
      </div>
      <div
        role="gridcell"
        className={row.inspectedBy ? 'cell cell-inspected' : 'cell cell-inspected is-empty'}
      >
        {renderInspectedBy(row, labels)}
      </div>
    </>
  );
}

function AgentRowView(props: AgentRowProps) {
  const labels = useRowLabels();
  const { workNo, row, onPick } = props;
  const alerted = row !== undefined && row.alerts.length > 0;
  const className = props.selected
    ? alerted
      ? 'agent-row is-selected has-alert'
      : 'agent-row is-selected'
    : alerted
      ? 'agent-row has-alert'
      : 'agent-row';
  const alertText = alerted ? labels.describeAlerts(row.alerts) : '';

  return (
    <div
      role="row"
      id={`agent-row-${workNo}`}
      data-workno={workNo}
      className={className}
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      tabIndex={props.tabbable ? 0 : -1}
      style={{ transform: `translateY(${props.offset}px)` }}
      onClick={() => onPick(workNo)}
    >
      <div role="gridcell" className="cell cell-attention" title={alertText || undefined}>
        {alertText ? (
          <>
            {renderIcon('alert', 'alert-icon')}
            <span className="visually-hidden">{alertText}</span>
          </>
        ) : null}
      </div>
      <div role="gridcell" className="cell cell-workno">
        {workNo}
      </div>
      {row ? (
        renderCells(row, props.now, labels)
      ) : (
        <div role="gridcell" className="cell cell-gone muted">
          {labels.rowGone}
        </div>
      )}
    </div>
  );
}

/** Memoised row: unchanged rows skip rendering when the list around them changes. */
export const AgentRowMemo = memo(AgentRowView);
