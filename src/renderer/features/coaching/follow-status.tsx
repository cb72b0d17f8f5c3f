/**
 * In the strip: following who, how many calls are left, and a way to stop (also a hotkey).
 */
import { useTranslation } from 'react-i18next';
import { useNow } from '../../store/clock';
import { useAppState, useBridge } from '../../store/store-context';
import { formatAccelerator } from '../../ui/format-accelerator';
import { useCoachingView } from './coaching-context';

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
