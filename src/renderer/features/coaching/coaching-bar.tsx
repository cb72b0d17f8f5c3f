/**
 * The coaching row under the action bar: note, follow, rest, release, skills and the coaching
 * file for the selected agent; the sampler's next call to hear with "Listen now"; and the
 * scorecard offered when an inspection ends. Buttons stay focusable and say why not.
 */
import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../i18n/format';
import { useNow } from '../../store/clock';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { ActionButton } from '../../ui/action-button';
import { formatAccelerator } from '../../ui/format-accelerator';
import { reportCommandError } from '../inspection/run-action';
import { useCoachingView } from './coaching-context';
import type { CoachingDialogKey } from './coaching-dialogs';

export function CoachingBar(props: { onOpen: (dialog: CoachingDialogKey) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const view = useCoachingView();
  const now = useNow();
  const live = useAppState((state) => state.connection.phase === 'live');
  const agent = useAppState((state) =>
    state.selectedWorkNo ? (state.roster.rows.get(state.selectedWorkNo) ?? null) : null,
  );
  const idle = useAppState(
    (state) => state.inspection.mode === 'idle' && state.inspection.pending === null,
  );
  const proposalRow = useAppState((state) =>
    view.sampler.proposal ? state.roster.rows.get(view.sampler.proposal.workNo) : undefined,
  );

  const notLive = live ? null : t('reasons.notLive');
  const needsAgent = notLive ?? (agent ? null : t('coaching.bar.selectAgent'));
  const signedOut =
    needsAgent ?? (agent?.state === 'signed-out' ? t('coaching.bar.signedOut') : null);
  const noCall = signedOut ?? (agent?.state === 'talking' ? null : t('coaching.bar.noCall'));

  async function listenNow(): Promise<void> {
    const result = await bridge.invoke('coaching.sampleNext', {});
    if (!result.ok) reportCommandError(store, result.error);
  }

  const proposal = view.sampler.proposal;
  return (
    <section className="coaching-bar" aria-label={t('coaching.bar.label')}>
      <div className="action-group" role="group" aria-label={t('coaching.bar.label')}>
        <ActionButton
          label={t('coaching.bar.note')}
          icon="journal"
          disabledReason={notLive}
          onPress={() => props.onOpen('note')}
        />
        <ActionButton
          label={t('coaching.bar.follow')}
          icon="headset"
          disabledReason={signedOut}
          onPress={() => props.onOpen('follow')}
        />
        <ActionButton
          label={t('coaching.bar.rest')}
          icon="rest"
          disabledReason={signedOut}
          onPress={() => props.onOpen('rest')}
        />
        <ActionButton
          label={t('coaching.bar.release')}
          icon="cancel"
          tone="danger"
          disabledReason={noCall}
          onPress={() => props.onOpen('release')}
        />
        <ActionButton
          label={t('coaching.bar.skills')}
          icon="queue"
          disabledReason={signedOut}
          onPress={() => props.onOpen('skills')}
        />
        <ActionButton
          label={t('coaching.bar.file')}
          icon="clock"
          disabledReason={view.fileAvailable ? null : t('coaching.bar.noFile')}
          onPress={() => props.onOpen('file')}
        />
        <ActionButton
          label={t('coaching.bar.settings')}
          icon="settings"
          disabledReason={null}
          onPress={() => props.onOpen('coaching-settings')}
        />
      </div>
      {view.sampler.enabled ? (
        <div className="coaching-note sampler-proposal" role="status">
          {proposal ? (
            <>
              <span>
                {t('coaching.sampler.next', {
                  agent: [proposal.workNo, proposalRow?.name].filter(Boolean).join(' '),
                  length: formatElapsed(proposal.since ?? proposalRow?.stateSince ?? null, now),
                })}
                {proposal.reasons.length > 0
                  ? ` · ${proposal.reasons.map((reason) => t(`coaching.sampler.reasons.${reason}`)).join(', ')}`
                  : ''}
              </span>
              <ActionButton
                label={t('coaching.sampler.listenNow')}
                tone="primary"
                disabledReason={idle ? notLive : t('coaching.sampler.busy')}
                onPress={() => void listenNow()}
              />
            </>
          ) : (
            <span className="muted">
              {t('coaching.sampler.none', { count: view.sampler.sampledThisShift })}
            </span>
          )}
        </div>
      ) : null}
      {view.scorecardDue ? (
        <div className="coaching-note scorecard-due" role="status">
          <span>{t('coaching.scorecard.due', { agent: view.scorecardDue.workNo })}</span>
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

/** In the strip: following who, how many calls are left, and a way to stop (also a hotkey). */
export function FollowStatus() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const view = useCoachingView();
  const hotkey = useAppState((state) =>
    state.hotkeys.find((entry) => entry.action === 'stop-follow'),
  );
  const now = useNow();
  const follow = view.follow;
  if (!follow) return null;
  // Calls left when calls limit it, else the minutes left: one short line for a busy strip.
  const parts = [
    follow.callsLeft !== null
      ? t('coaching.follow.callsLeft', { count: follow.callsLeft })
      : follow.until !== null
        ? t('coaching.follow.minutesLeft', {
            count: Math.max(0, Math.ceil((follow.until - now) / 60_000)),
          })
        : null,
  ].filter(Boolean);
  return (
    <div className="follow-status" role="status" data-testid="follow-status">
      <span
        className={follow.listening ? 'follow-dot listening' : 'follow-dot'}
        aria-hidden="true"
      />
      <span>
        {t('coaching.follow.following', { agent: follow.workNo })}
        {parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void bridge.invoke('coaching.stopFollow', {})}
      >
        {t('coaching.follow.stop')}
        {hotkey?.status === 'registered' && hotkey.accelerator ? (
          <kbd className="hotkey">{formatAccelerator(hotkey.accelerator)}</kbd>
        ) : null}
      </button>
    </div>
  );
}
