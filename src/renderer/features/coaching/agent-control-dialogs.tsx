/**
 * The coaching controls on the selected agent, each a small dialog: rest for a time with a
 * reason code (1–86,399 s, reason 1–255), release the agent's call (destructive: asked first,
 * focus on "Go back"), replace its skills, and follow its next calls.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandError, Result } from '../../../shared/ipc/contract';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';

export interface AgentDialogProps {
  workNo: string;
  onClose: () => void;
}

function useAgentLabel(workNo: string): string {
  const name = useAppState((state) => state.roster.rows.get(workNo)?.name ?? '');
  return [workNo, name].filter(Boolean).join(' ');
}

/** Run a command; a failure is shown, a success closes the dialog with a toast. */
function useSubmit(onClose: () => void) {
  const store = useStore();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async submit(
      run: () => Promise<Result<unknown>>,
      done: { key: string; params: Record<string, string | number> },
    ) {
      if (busy) return;
      setBusy(true);
      const result = await run();
      setBusy(false);
      if (!result.ok) {
        reportCommandError(store, result.error as CommandError);
        return;
      }
      store.pushToast({ level: 'success', text: done });
      onClose();
    },
  };
}

function ControlDialog(props: {
  title: string;
  onClose: () => void;
  confirmLabel: string;
  busy: boolean;
  blocked: string | null;
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  children: ReactNode;
  alert?: boolean;
}) {
  const { t } = useTranslation();
  const backRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      size="small"
      alert={props.alert}
      initialFocus={props.alert ? backRef : undefined}
      footer={
        <>
          <button ref={backRef} type="button" className="button" onClick={props.onClose}>
            {t('confirm.goBack')}
          </button>
          <button
            type="button"
            className={`button tone-${props.tone ?? 'primary'}`}
            aria-disabled={props.busy || props.blocked !== null || undefined}
            title={props.blocked ?? undefined}
            onClick={() => (props.blocked || props.busy ? undefined : props.onConfirm())}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}

const wholeIn = (text: string, min: number, max: number): number | null =>
  /^\d{1,6}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? Number(text) : null;

export function RestDialog(props: AgentDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const who = useAgentLabel(props.workNo);
  const [minutes, setMinutes] = useState('15');
  const [reason, setReason] = useState('1');
  const seconds = wholeIn(minutes, 1, 1_439) === null ? null : Number(minutes) * 60;
  const code = wholeIn(reason, 1, 255);
  const { busy, submit } = useSubmit(props.onClose);
  return (
    <ControlDialog
      title={t('coaching.rest.title', { agent: who })}
      onClose={props.onClose}
      confirmLabel={t('coaching.rest.confirm')}
      busy={busy}
      blocked={seconds === null || code === null ? t('coaching.rest.invalid') : null}
      onConfirm={() =>
        void submit(
          () =>
            bridge.invoke('coaching.forceRest', {
              workNo: props.workNo,
              seconds: seconds!,
              reason: code!,
            }),
          { key: 'coaching.rest.done', params: { agent: who, minutes } },
        )
      }
    >
      <p>{t('coaching.rest.body')}</p>
      <FormField
        label={t('coaching.rest.minutes')}
        error={seconds === null ? t('coaching.rest.minutesRange') : null}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('coaching.rest.reason')}
        error={code === null ? t('coaching.rest.reasonRange') : null}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
    </ControlDialog>
  );
}

export function ReleaseDialog(props: AgentDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const who = useAgentLabel(props.workNo);
  const bodyId = useId();
  const { busy, submit } = useSubmit(props.onClose);
  return (
    <ControlDialog
      title={t('coaching.release.title')}
      onClose={props.onClose}
      confirmLabel={t('coaching.release.confirm')}
      busy={busy}
      blocked={null}
      tone="danger"
      alert
      onConfirm={() =>
        void submit(() => bridge.invoke('coaching.forceRelease', { workNo: props.workNo }), {
          key: 'coaching.release.done',
          params: { agent: who },
        })
      }
    >
      <p id={bodyId}>{t('coaching.release.body', { agent: who })}</p>
    </ControlDialog>
  );
}

export function SkillsDialog(props: AgentDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const who = useAgentLabel(props.workNo);
  const queues = useAppState((state) => state.queues);
  const current = useAppState((state) => state.roster.rows.get(props.workNo)?.skills ?? []);
  const [chosen, setChosen] = useState<number[]>(() =>
    queues.filter((queue) => current.includes(queue.name)).map((queue) => queue.skillId),
  );
  const legendId = useId();
  const { busy, submit } = useSubmit(props.onClose);
  const toggle = (id: number): void =>
    setChosen((list) => (list.includes(id) ? list.filter((item) => item !== id) : [...list, id]));
  return (
    <ControlDialog
      title={t('coaching.skills.title', { agent: who })}
      onClose={props.onClose}
      confirmLabel={t('coaching.skills.confirm')}
      busy={busy}
      blocked={chosen.length === 0 ? t('coaching.skills.none') : null}
      onConfirm={() =>
        void submit(
          () =>
            bridge.invoke('coaching.adjustSkills', {
              workNo: props.workNo,
              skillIds: chosen,
            }),
          { key: 'coaching.skills.done', params: { agent: who, count: chosen.length } },
        )
      }
    >
      <fieldset className="settings-section skills-list" aria-labelledby={legendId}>
        <legend id={legendId}>{t('coaching.skills.legend')}</legend>
        {queues.length === 0 ? <p className="muted">{t('coaching.skills.noQueues')}</p> : null}
        {queues.map((queue) => (
          <label key={queue.skillId} className="check-field">
            <input
              type="checkbox"
              checked={chosen.includes(queue.skillId)}
              onChange={() => toggle(queue.skillId)}
            />
            <span>
              {queue.skillId} · {queue.name}
            </span>
          </label>
        ))}
      </fieldset>
    </ControlDialog>
  );
}

export function FollowDialog(props: AgentDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const who = useAgentLabel(props.workNo);
  const defaults = useAppState((state) => state.settings.coaching.follow);
  const [calls, setCalls] = useState(String(defaults.calls));
  const [minutes, setMinutes] = useState(String(defaults.minutes));
  const callCount = calls.trim() === '' ? null : wholeIn(calls, 1, 50);
  const minuteCount = minutes.trim() === '' ? null : wholeIn(minutes, 1, 480);
  const invalid =
    (calls.trim() !== '' && callCount === null) ||
    (minutes.trim() !== '' && minuteCount === null) ||
    (callCount === null && minuteCount === null);
  const { busy, submit } = useSubmit(props.onClose);
  return (
    <ControlDialog
      title={t('coaching.follow.title', { agent: who })}
      onClose={props.onClose}
      confirmLabel={t('coaching.follow.confirm')}
      busy={busy}
      blocked={invalid ? t('coaching.follow.invalid') : null}
      onConfirm={() =>
        void submit(
          () =>
            bridge.invoke('coaching.follow', {
              workNo: props.workNo,
              calls: callCount,
              minutes: minuteCount,
            }),
          { key: 'coaching.follow.done', params: { agent: who } },
        )
      }
    >
      <p>{t('coaching.follow.body')}</p>
      <FormField label={t('coaching.follow.calls')} hint={t('coaching.follow.emptyHint')}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={calls}
            onChange={(e) => setCalls(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('coaching.follow.minutes')} hint={t('coaching.follow.emptyHint')}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </FormField>
    </ControlDialog>
  );
}
