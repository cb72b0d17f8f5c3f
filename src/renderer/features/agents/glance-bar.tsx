/**
 * The "at a glance" strip above the table: the longest call and the agent in trouble, each one
 * click (or Enter) from being selected, and the count of agents per state, which doubles as
 * the state filter.
 */
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../shared/domain';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { AGENT_STATE_ORDER } from '../../../shared/roster-view/sort-order';
import { useAppState, useStore } from '../../store/store-context';
import { Icon } from '../../ui/icons';
import { STATE_ICON } from './agent-states';
import { describeAlerts } from './describe-alert';

function LongestCall() {
  const { t } = useTranslation();
  const store = useStore();
  const now = useNow();
  const row = useAppState((state) =>
    state.summary.longestCallWorkNo
      ? state.roster.rows.get(state.summary.longestCallWorkNo)
      : undefined,
  );
  const talking = useAppState((state) => state.summary.stateCounts.talking);
  const unknown = useAppState((state) => state.summary.callsOfUnknownLength);
  const arriving = useAppState((state) => state.roster.arriving !== null);
  const since = row?.call?.since ?? null;
  if (arriving) return <AgentsArrivingCard label={t('glance.longestCall')} />;
  if (!row || since === null) {
    // Agents already on a call when we signed in have no known start until it changes.
    return (
      <div className="glance-card">
        <span className="glance-label">{t('glance.longestCall')}</span>
        <span className="glance-empty">
          {talking > 0 ? t('glance.callLengthsUnknown', { count: talking }) : t('glance.noCalls')}
        </span>
      </div>
    );
  }
  const over = row.alerts.includes('long-call');
  return (
    <button
      type="button"
      className={over ? 'glance-card is-alert' : 'glance-card'}
      onClick={() => store.selectAgent(row.workNo)}
    >
      <span className="glance-label">
        {unknown > 0 ? t('glance.longestKnownCall') : t('glance.longestCall')}
      </span>
      <span className="glance-figure">{formatElapsed(since, now)}</span>
      <span className="glance-who">
        {row.workNo} {row.name}
      </span>
      <span className="glance-detail">
        {unknown > 0
          ? t('glance.moreOfUnknownLength', { count: unknown })
          : [row.groupName, row.call?.caller].filter(Boolean).join(' · ')}
      </span>
      <Icon name="chevron" className="glance-chevron" />
    </button>
  );
}

/** A card while the agents are on their way (the screen shows before them at start). */
function AgentsArrivingCard(props: { label: string }) {
  const { t } = useTranslation();
  return (
    <div className="glance-card" aria-busy="true">
      <span className="glance-label">{props.label}</span>
      <span className="glance-empty">{t('glance.agentsArriving')}</span>
    </div>
  );
}

function AgentInTrouble() {
  const { t } = useTranslation();
  const store = useStore();
  const alerted = useAppState((state) => state.summary.alerted);
  const thresholds = useAppState((state) => state.settings.alerts);
  const row = useAppState((state) =>
    state.summary.firstAlertWorkNo
      ? state.roster.rows.get(state.summary.firstAlertWorkNo)
      : undefined,
  );
  const arriving = useAppState((state) => state.roster.arriving !== null);
  // "No alerts" before the agents are even here would be a false all-clear.
  if (arriving) return <AgentsArrivingCard label={t('glance.needsAttention')} />;
  if (!row || row.alerts.length === 0) {
    return (
      <div className="glance-card">
        <span className="glance-label">{t('glance.needsAttention')}</span>
        <span className="glance-empty">
          <Icon name="check" /> {t('glance.allClear')}
        </span>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="glance-card is-alert"
      onClick={() => store.selectAgent(row.workNo)}
    >
      <span className="glance-label">{t('glance.needsAttention')}</span>
      <span className="glance-figure">
        <Icon name="alert" /> {alerted}
      </span>
      <span className="glance-who">
        {row.workNo} {row.name}
      </span>
      <span className="glance-detail">{describeAlerts(row.alerts, thresholds, t)}</span>
      <Icon name="chevron" className="glance-chevron" />
    </button>
  );
}

function StateChips() {
  const { t } = useTranslation();
  const store = useStore();
  const counts = useAppState((state) => state.summary.stateCounts);
  const arriving = useAppState((state) => state.roster.arriving !== null);
  const chosen = useAppState((state) => state.view.states);
  const toggle = (agentState: AgentState): void => {
    store.setView({
      states: chosen.includes(agentState)
        ? chosen.filter((s) => s !== agentState)
        : [...chosen, agentState],
    });
  };
  return (
    <div className="state-chips" role="group" aria-label={t('glance.filterByState')}>
      {AGENT_STATE_ORDER.filter((agentState) => agentState !== 'unknown' || counts.unknown > 0).map(
        (agentState) => (
          <button
            key={agentState}
            type="button"
            className={`state-chip state-${agentState}`}
            aria-pressed={chosen.includes(agentState)}
            onClick={() => toggle(agentState)}
          >
            <Icon name={STATE_ICON[agentState]} />
            <span className="chip-label">{t(`agentState.${agentState}`)}</span>{' '}
            <span className="chip-count">{arriving ? '—' : counts[agentState]}</span>
          </button>
        ),
      )}
    </div>
  );
}

/** Longest call, the agent in trouble, and counts per state. */
export function GlanceBar() {
  const { t } = useTranslation();
  return (
    <section className="glance-bar" aria-label={t('glance.label')}>
      <LongestCall />
      <AgentInTrouble />
      <StateChips />
    </section>
  );
}
