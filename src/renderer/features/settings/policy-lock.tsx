/**
 * Settings the administrator locked by policy: a field shows it is locked, by which policy key
 * and from where, and cannot be edited (main refuses a change anyway: the lock is enforced
 * there, this only explains it).
 */
import { useTranslation } from 'react-i18next';
import type { PolicyLock } from '../../../shared/policy';
import { useAppState } from '../../store/store-context';
import { Icon } from '../../ui/icons';

/** The lock of a settings path (`gateway.url`, `hotkeys.listen`, …), if any. */
export function usePolicyLocks(): (path: string) => PolicyLock | undefined {
  const locked = useAppState((state) => state.policy.locked);
  return (path) => locked[path];
}

/** "Locked by your administrator (GatewayUrl, HKLM\…)" beside a field. */
export function LockNote(props: { lock: PolicyLock; id?: string }) {
  const { t } = useTranslation();
  return (
    <span id={props.id} className="policy-lock" data-testid={`locked-${props.lock.key}`}>
      <Icon name="lock" />{' '}
      {t('settings.lockedBy', { key: props.lock.key, source: props.lock.source })}
    </span>
  );
}

/** A field's hint: the lock note when locked, else its usual hint. */
export function hintOrLock(lock: PolicyLock | undefined, hint: React.ReactNode): React.ReactNode {
  return lock ? <LockNote lock={lock} /> : hint;
}
