/**
 * One agent row of the grid. Memoised and keyed by workNo: it re-renders only when its own
 * row object changes, when it is (de)selected, or on the shared clock tick while on screen.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentRow, AlertKind } from '../../../shared/domain';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { useAppState } from '../../store/store-context';
import { Icon } from '../../ui/icons';
import { describeAlerts } from './describe-alert';
import { StateBadge } from './state-badge';

export interface AgentRowProps {
  workNo: string;
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

function InspectedByCell(props: { row: AgentRow; myId: string | null }) {
  const { t } = useTranslation();
  const by = props.row.inspectedBy;
  if (!by) return <span className="muted">—</span>;
  const who = by.inspectorWorkNo === props.myId ? t('agents.you') : by.inspectorWorkNo;
  return (
    <span className={by.inspectorWorkNo === props.myId ? 'inspected-by is-me' : 'inspected-by'}>
      <Icon name="headset" />
      {who} · {t(`qcMode.${by.mode}`)}
    </span>
  );
}

function AgentRowView(props: AgentRowProps) {
  const { t } = useTranslation();
  const row = useAppState((state) => state.roster.rows.get(props.workNo));
  const thresholds = useAppState((state) => state.settings.alerts);
  const myId = useAppState((state) => (state.connection.phase === 'live' ? state.connection.inspectorId : null));
  const now = useNow();
  const { workNo, onPick } = props;
  const className = ['agent-row', props.selected ? 'is-selected' : '', row && row.alerts.length > 0 ? 'has-alert' : '']
    .filter(Boolean)
    .join(' ');

  const alertText = row && row.alerts.length > 0 ? describeAlerts(row.alerts, thresholds, t) : '';
  const stateAlert = row?.alerts.some((kind) => STATE_ALERTS.includes(kind)) ?? false;
  const callAlert = row?.alerts.includes('long-call') ?? false;

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
            <Icon name="alert" className="alert-icon" />
            <span className="visually-hidden">{alertText}</span>
          </>
        ) : null}
      </div>
      <div role="gridcell" className="cell cell-workno">
        {workNo}
      </div>
      {row ? (
        <>
          <div role="gridcell" className="cell cell-name" title={row.name}>
            {row.name}
          </div>
          <div role="gridcell" className="cell cell-group" title={row.groupName}>
            {row.groupName || '—'}
          </div>
          <div role="gridcell" className="cell cell-state">
            <StateBadge state={row.state} />
          </div>
          <div role="gridcell" className={stateAlert ? 'cell cell-time is-over' : 'cell cell-time'}>
            {formatElapsed(row.stateSince, now)}
          </div>
          <div role="gridcell" className={callAlert ? 'cell cell-call is-over' : 'cell cell-call'}>
            {row.call ? (
              <>
                <span className="call-duration">{formatElapsed(row.call.since, now)}</span>
                {row.call.caller ? <span className="call-caller">{row.call.caller}</span> : null}
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </div>
          <div role="gridcell" className="cell cell-inspected">
            <InspectedByCell row={row} myId={myId} />
          </div>
        </>
      ) : (
        <div role="gridcell" className="cell cell-gone muted">
          {t('agents.rowGone')}
        </div>
      )}
    </div>
  );
}

/** Memoised row: unchanged rows skip rendering when the list around them changes. */
export const AgentRowMemo = memo(AgentRowView);
