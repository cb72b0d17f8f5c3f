/**
 * Coaching notices under the action bar, shown only while there is something to act on: the
 * sampler's next call to hear ("Listen now") and the scorecard offered when an inspection ends.
 * With nothing to say the row is not there, so the agent table keeps the room.
 */
import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { ActionButton } from '../../ui/action-button';
import { reportCommandError } from '../inspection/run-action';
import { useCoachingView } from './coaching-context';
import type { CoachingDialogKey } from './coaching-dialog-keys';

export function CoachingNotices(props: { onOpen: (dialog: CoachingDialogKey) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const view = useCoachingView();
  const live = useAppState((state) => state.connection.phase === 'live');
  const idle = useAppState(
    (state) => state.inspection.mode === 'idle' && state.inspection.pending === null,
  );
  const proposal = view.sampler.enabled ? view.sampler.proposal : null;
  const due = view.scorecardDue;
  if (!proposal && !due) return null;
  return (
    <section className="coaching-notices" aria-label={t('coaching.bar.label')}>
      {proposal ? (
        <SamplerProposal
          workNo={proposal.workNo}
          since={proposal.since}
          reasons={proposal.reasons}
          blockedReason={idle ? (live ? null : t('reasons.notLive')) : t('coaching.sampler.busy')}
          onListen={async () => {
            const result = await bridge.invoke('coaching.sampleNext', {});
            if (!result.ok) reportCommandError(store, result.error);
          }}
        />
      ) : null}
      {due ? (
        <div className="coaching-note scorecard-due" role="status">
          <span>{t('coaching.scorecard.due', { agent: due.workNo })}</span>
          <button
            type="button"
            className="button tone-primary"
            onClick={() => props.onOpen('scorecard')}
          >
            {t('coaching.scorecard.scoreNow')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void bridge.invoke('coaching.dismissScorecard', {})}
          >
            {t('coaching.scorecard.dismiss')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function SamplerProposal(props: {
  workNo: string;
  since: number | null;
  reasons: readonly string[];
  blockedReason: string | null;
  onListen: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const row = useAppState((state) => state.roster.rows.get(props.workNo));
  return (
    <div className="coaching-note sampler-proposal" role="status">
      <span>
        {t('coaching.sampler.next', {
          agent: [props.workNo, row?.name].filter(Boolean).join(' '),
          length: formatElapsed(props.since ?? row?.stateSince ?? null, now),
        })}
        {props.reasons.length > 0
          ? ` · ${props.reasons.map((reason) => t(`coaching.sampler.reasons.${reason}`)).join(', ')}`
          : ''}
      </span>
      <ActionButton
        label={t('coaching.sampler.listenNow')}
        tone="primary"
        disabledReason={props.blockedReason}
        onPress={() => void props.onListen()}
      />
    </div>
  );
}
