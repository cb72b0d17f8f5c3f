/**
 * Insight settings: the service-level threshold, reason-code budgets per shift, and the
 * wallboard (skills, display, rotation). Checked with the contract's schema, saved through
 * `settings.update`.
 */
// First: zod is told not to compile with eval (the page's CSP) before a schema parses.
import '../../zod-setup';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightSettings } from '../../../shared/insight';
import { insightPatchSchema } from '../../../shared/ipc/contract-schemas';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';

const NUMBER_FIELDS = [
  'serviceLevelSeconds',
  'restBudgetMinutes',
  'busyBudgetMinutes',
  'wrapUpBudgetMinutes',
  'wallboardRotateSeconds',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const toNumber = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** Validate the typed values into an insight patch, or errors per field. */
export function validateInsightForm(
  numbers: Record<NumberField, string>,
  display: string,
  skills: number[],
): { ok: true; patch: Partial<InsightSettings> } | { ok: false; errors: Record<string, true> } {
  const patch = {
    ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, toNumber(numbers[field])])),
    wallboardDisplay: display.trim() === '' ? null : toNumber(display) - 1,
    wallboardSkillIds: skills,
  };
  const parsed = insightPatchSchema.safeParse(patch);
  if (parsed.success) return { ok: true, patch: parsed.data };
  return {
    ok: false,
    errors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), true])),
  };
}

export function InsightSettingsDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const settings = useAppState((state) => state.settings.insight);
  const queues = useAppState((state) => state.queues);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    () =>
      Object.fromEntries(NUMBER_FIELDS.map((field) => [field, String(settings[field])])) as Record<
        NumberField,
        string
      >,
  );
  const [display, setDisplay] = useState(
    settings.wallboardDisplay === null ? '' : String(settings.wallboardDisplay + 1),
  );
  const [skills, setSkills] = useState<number[]>(settings.wallboardSkillIds);
  const [errors, setErrors] = useState<Record<string, true>>({});

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const checked = validateInsightForm(numbers, display, skills);
    if (!checked.ok) return setErrors(checked.errors);
    const result = await bridge.invoke('settings.update', { insight: checked.patch });
    if (!result.ok) return reportCommandError(store, result.error);
    store.applyPartial({ settings: result.value });
    store.pushToast({ level: 'success', text: { key: 'settings.saved' } });
    props.onClose();
  }

  const field = (name: NumberField) => (
    <FormField
      key={name}
      label={t(`insight.settings.${name}`)}
      error={errors[name] ? t('insight.settings.invalid') : null}
    >
      {(control) => (
        <input
          {...control}
          inputMode="numeric"
          value={numbers[name]}
          onChange={(event) =>
            setNumbers((current) => ({ ...current, [name]: event.target.value }))
          }
        />
      )}
    </FormField>
  );
  return (
    <Dialog
      title={t('insight.settings.title')}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="insight-settings-form" className="button tone-primary">
            {t('settings.save')}
          </button>
        </>
      }
    >
      <form
        id="insight-settings-form"
        noValidate
        onSubmit={(event) => void save(event)}
        className="settings-form"
      >
        <fieldset className="settings-section">
          <legend>{t('insight.settings.figures')}</legend>
          {field('serviceLevelSeconds')}
          {field('restBudgetMinutes')}
          {field('busyBudgetMinutes')}
          {field('wrapUpBudgetMinutes')}
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('insight.settings.wallboard')}</legend>
          {field('wallboardRotateSeconds')}
          <FormField
            label={t('insight.settings.wallboardDisplay')}
            hint={t('insight.settings.wallboardDisplayHint')}
            error={errors.wallboardDisplay ? t('insight.settings.invalid') : null}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={display}
                onChange={(event) => setDisplay(event.target.value)}
              />
            )}
          </FormField>
          <fieldset className="insight-skill-choice">
            <legend>{t('insight.settings.wallboardSkills')}</legend>
            {queues.map((queue) => (
              <label key={queue.skillId}>
                <input
                  type="checkbox"
                  checked={skills.includes(queue.skillId)}
                  onChange={(event) =>
                    setSkills((current) =>
                      event.target.checked
                        ? [...current, queue.skillId]
                        : current.filter((id) => id !== queue.skillId),
                    )
                  }
                />{' '}
                {queue.name || t('queues.skill', { id: queue.skillId })}
              </label>
            ))}
          </fieldset>
        </fieldset>
      </form>
    </Dialog>
  );
}
