/**
 * "Coaching ▾" at the end of the action bar: note, follow, rest, skills, release (apart, in the
 * alert colour: it ends a live call), the coaching file and the coaching setup, for the selected
 * agent. Items that cannot act now say why; the sampler's count of the shift sits under them.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../store/store-context';
import { MenuButton, type MenuItemSpec } from '../../ui/menu-button';
import { useCoachingView } from './coaching-context';
import type { CoachingDialogKey } from './coaching-dialog-keys';

export function CoachMenu(props: { onOpen: (dialog: CoachingDialogKey) => void }) {
  const { t } = useTranslation();
  const view = useCoachingView();
  const live = useAppState((state) => state.connection.phase === 'live');
  const agent = useAppState((state) =>
    state.selectedWorkNo ? (state.roster.rows.get(state.selectedWorkNo) ?? null) : null,
  );

  // Each reason builds on the one before: not live, then no agent, then signed out, then no call.
  const notLive = live ? null : t('reasons.notLive');
  const needsAgent = notLive ?? (agent ? null : t('coaching.bar.selectAgent'));
  const signedOut =
    needsAgent ?? (agent?.state === 'signed-out' ? t('coaching.bar.signedOut') : null);
  const noCall = signedOut ?? (agent?.state === 'talking' ? null : t('coaching.bar.noCall'));

  const open = (dialog: CoachingDialogKey) => () => props.onOpen(dialog);
  const items: MenuItemSpec[] = [
    {
      id: 'note',
      label: t('coaching.bar.note'),
      icon: 'journal',
      disabledReason: notLive,
      onSelect: open('note'),
    },
    {
      id: 'follow',
      label: t('coaching.bar.follow'),
      icon: 'headset',
      disabledReason: signedOut,
      onSelect: open('follow'),
    },
    {
      id: 'rest',
      label: t('coaching.bar.rest'),
      icon: 'rest',
      disabledReason: signedOut,
      onSelect: open('rest'),
    },
    {
      id: 'skills',
      label: t('coaching.bar.skills'),
      icon: 'queue',
      disabledReason: signedOut,
      onSelect: open('skills'),
    },
    {
      id: 'release',
      label: t('coaching.bar.release'),
      icon: 'cancel',
      tone: 'danger',
      startsSection: true,
      disabledReason: noCall,
      onSelect: open('release'),
    },
    {
      id: 'file',
      label: t('coaching.bar.file'),
      icon: 'clock',
      startsSection: true,
      disabledReason: view.fileAvailable ? null : t('coaching.bar.noFile'),
      onSelect: open('file'),
    },
    {
      id: 'coaching-settings',
      label: t('coaching.bar.settings'),
      icon: 'settings',
      disabledReason: null,
      onSelect: open('coaching-settings'),
    },
  ];
  const sampler = view.sampler;
  return (
    <MenuButton
      className="coach-menu"
      label={t('coaching.bar.label')}
      items={items}
      footer={
        sampler.enabled && !sampler.proposal
          ? t('coaching.sampler.none', { count: sampler.sampledThisShift })
          : undefined
      }
    />
  );
}
