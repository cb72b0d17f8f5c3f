/**
 * Everything an agent row needs besides its own data — the words in the UI language, the alert
 * thresholds, who "you" are — worked out once per table instead of once per row. Rows read it
 * from a context, so a row costs no i18n hook and no extra store subscriptions.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENT_STATES, type AgentState, type AlertKind, type QcMode } from '../../../shared/domain';
import { useAppState } from '../../store/store-context';
import { describeAlerts } from './describe-alert';

export interface RowLabels {
  state: Readonly<Record<AgentState, string>>;
  mode: Readonly<Record<QcMode, string>>;
  you: string;
  rowGone: string;
  /** Tooltip of a "≥" time: a lower bound, the state began before the app could see it. */
  atLeast: string;
  /** The signed-in inspector's id, to mark "You" in the inspected-by column. */
  myId: string | null;
  /** A row's alerts in words with their thresholds ("Call longer than 10 min"). */
  describeAlerts(kinds: readonly AlertKind[]): string;
}

const QC_MODES: readonly QcMode[] = ['listen', 'insert', 'whisper'];

const RowLabelsContext = createContext<RowLabels | null>(null);

/** Provide the rows' labels; rebuilt only when the language, thresholds or inspector change. */
export function RowLabelsProvider(props: { children: ReactNode }) {
  // react-i18next hands out a new `t` when the language changes, so `t` keys the memo.
  const { t } = useTranslation();
  const thresholds = useAppState((state) => state.settings.alerts);
  const myId = useAppState((state) =>
    state.connection.phase === 'live' ? state.connection.inspectorId : null,
  );
  const labels = useMemo<RowLabels>(() => {
    const state = Object.fromEntries(
      AGENT_STATES.map((agentState) => [agentState, t(`agentState.${agentState}`)]),
    ) as Record<AgentState, string>;
    const mode = Object.fromEntries(
      QC_MODES.map((qcMode) => [qcMode, t(`qcMode.${qcMode}`)]),
    ) as Record<QcMode, string>;
    // Rows share a handful of alert combinations: each sentence is worded once (i18next's
    // plural and interpolation work cost ~1 ms a row on a cold first screen).
    const sentences = new Map<string, string>();
    return {
      state,
      mode,
      you: t('agents.you'),
      rowGone: t('agents.rowGone'),
      atLeast: t('agents.atLeast'),
      myId,
      describeAlerts(kinds) {
        const key = kinds.join(' ');
        let sentence = sentences.get(key);
        if (sentence === undefined) {
          sentence = describeAlerts(kinds, thresholds, t);
          sentences.set(key, sentence);
        }
        return sentence;
      },
    };
  }, [t, thresholds, myId]);
  return <RowLabelsContext.Provider value={labels}>{props.children}</RowLabelsContext.Provider>;
}

/** The labels of the table around this row. */
export function useRowLabels(): RowLabels {
  const labels = useContext(RowLabelsContext);
  if (!labels) throw new Error('useRowLabels needs a <RowLabelsProvider> above it');
  return labels;
}
