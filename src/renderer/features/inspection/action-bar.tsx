/**
 * The action bar: what the supervisor can do to the selected agent and to the current
 * inspection. Each button is enabled only when the state allows it, says why not on hover and
 * focus, and shows its global hotkey. The screen may end the bar with more (the coaching menu),
 * so every action on the selected agent sits on one row.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotkeyAction, HotkeyStatus, SupervisorAction } from '../../../shared/domain';
import { HOTKEY_ACTIONS } from '../../../shared/domain';
import { useAppState } from '../../store/store-context';
import { ActionButton } from '../../ui/action-button';
import { formatAccelerator } from '../../ui/format-accelerator';
import type { IconName } from '../../ui/icons';
import { StateBadge } from '../agents/state-badge';
import { checkAction, type ActionContext } from './action-rules';
import { ConfirmActionDialog } from './confirm-action-dialog';
import type { AgentAction } from './run-action';
import { useActionRunner } from './use-action-runner';

interface ActionSpec {
  action: AgentAction;
  icon?: IconName;
  tone?: 'primary' | 'danger';
  /** Acts on the selected agent (else on the current inspection). */
  onAgent: boolean;
}

const GROUPS: ReadonlyArray<{ labelKey: string; actions: readonly ActionSpec[] }> = [
  {
    labelKey: 'actions.groups.start',
    actions: [
      { action: 'listen', icon: 'headset', tone: 'primary', onAgent: true },
      { action: 'barge', icon: 'mic', onAgent: true },
      { action: 'whisper', icon: 'whisper', onAgent: true },
    ],
  },
  {
    labelKey: 'actions.groups.during',
    actions: [
      { action: 'switch', icon: 'switch', onAgent: false },
      { action: 'switch-to-listen', onAgent: false },
      { action: 'switch-to-barge', onAgent: false },
      { action: 'switch-to-whisper', onAgent: false },
      { action: 'intercept', icon: 'intercept', tone: 'danger', onAgent: false },
      { action: 'cancel', icon: 'cancel', onAgent: false },
    ],
  },
  {
    labelKey: 'actions.groups.agent',
    actions: [
      { action: 'force-busy', icon: 'busy', onAgent: true },
      { action: 'force-idle', icon: 'idle', onAgent: true },
      { action: 'force-sign-out', icon: 'signed-out', tone: 'danger', onAgent: true },
    ],
  },
];

function findHotkey(statuses: readonly HotkeyStatus[], action: SupervisorAction): string | null {
  if (!(HOTKEY_ACTIONS as readonly string[]).includes(action)) return null;
  const status = statuses.find((entry) => entry.action === (action as HotkeyAction));
  return status?.status === 'registered' && status.accelerator
    ? formatAccelerator(status.accelerator)
    : null;
}

/** Buttons for every supervisor action, with availability, reasons and hotkeys. */
export function ActionBar(props: { end?: ReactNode }) {
  const { t } = useTranslation();
  const connection = useAppState((state) => state.connection);
  const inspection = useAppState((state) => state.inspection);
  const hotkeys = useAppState((state) => state.hotkeys);
  const agent = useAppState((state) =>
    state.selectedWorkNo ? (state.roster.rows.get(state.selectedWorkNo) ?? null) : null,
  );
  const selectedWorkNo = useAppState((state) => state.selectedWorkNo);
  const rows = useAppState((state) => state.roster.rows);
  const runner = useActionRunner();
  const context: ActionContext = { connection, inspection, agent };

  return (
    <section
      className={props.end ? 'action-bar has-end' : 'action-bar'}
      aria-label={t('actions.label')}
    >
      <div className="action-target">
        <span className="visually-hidden">{t('actions.selected')}</span>
        {agent ? (
          <>
            <strong className="action-target-name">
              {agent.workNo} {agent.name}
            </strong>
            <StateBadge state={agent.state} />
          </>
        ) : (
          <span className="muted">{selectedWorkNo ?? t('actions.noneSelected')}</span>
        )}
      </div>
      {GROUPS.map((group) => (
        <div
          key={group.labelKey}
          className="action-group"
          role="group"
          aria-label={t(group.labelKey)}
        >
          {group.actions.map((spec) => {
            const availability = checkAction(spec.action, context);
            const reason = availability.allowed
              ? null
              : t(
                  `reasons.${availability.reason.key}`,
                  translateParams(availability.reason.params, t),
                );
            return (
              <ActionButton
                key={spec.action}
                label={t(`actions.${spec.action}`)}
                icon={spec.icon}
                tone={spec.tone}
                disabledReason={
                  runner.inFlight !== null && reason === null
                    ? t('reasons.pending', { action: t(`actions.${runner.inFlight}`) })
                    : reason
                }
                busy={runner.inFlight === spec.action}
                hotkey={findHotkey(hotkeys, spec.action)}
                hotkeyLabel={t('actions.hotkey')}
                onPress={() =>
                  runner.request(
                    spec.action,
                    spec.onAgent ? (agent?.workNo ?? null) : inspection.targetWorkNo,
                  )
                }
              />
            );
          })}
        </div>
      ))}
      {props.end ? <div className="action-bar-end">{props.end}</div> : null}
      {runner.confirmation ? (
        <ConfirmActionDialog
          confirmation={runner.confirmation}
          agentName={
            runner.confirmation.workNo ? (rows.get(runner.confirmation.workNo)?.name ?? null) : null
          }
          onConfirm={runner.confirm}
          onCancel={runner.dismiss}
        />
      ) : null}
    </section>
  );
}

/** Reason values that are themselves words to translate (an action or a mode). */
function translateParams(
  params: Record<string, string> | undefined,
  t: (key: string) => string,
): Record<string, string> {
  if (!params) return {};
  const out: Record<string, string> = { ...params };
  if (params.action) out.action = t(`actions.${params.action}`);
  if (params.mode) out.mode = t(`inspectorMode.${params.mode}`);
  return out;
}
