/**
 * Editors of the coaching setup's lists: a scorecard form (name, highest score, 3–10 items)
 * and a saved query (states, minutes, skill, group), and the numeric field they share.
 */
import { useTranslation } from 'react-i18next';
import type { SavedQuery, ScorecardForm } from '../../../shared/coaching';
import { AGENT_STATES } from '../../../shared/domain';
import { FormField } from '../../ui/form-field';

export const newId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const toInt = (text: string): number => (/^\d{1,7}$/.test(text.trim()) ? Number(text) : Number.NaN);

export function numberField(
  label: string,
  value: number,
  onChange: (value: number) => void,
  hint?: string,
) {
  return (
    <FormField label={label} hint={hint} error={Number.isNaN(value) ? '—' : null}>
      {(control) => (
        <input
          {...control}
          inputMode="numeric"
          value={Number.isNaN(value) ? '' : String(value)}
          onChange={(e) => onChange(toInt(e.target.value))}
        />
      )}
    </FormField>
  );
}

export function FormEditor(props: {
  form: ScorecardForm;
  onChange: (form: ScorecardForm) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const setItem = (index: number, label: string): void =>
    props.onChange({
      ...form,
      items: form.items.map((item, i) => (i === index ? { ...item, label } : item)),
    });
  return (
    <fieldset className="settings-section form-editor">
      <legend>{form.name || t('coaching.settings.untitled')}</legend>
      <FormField label={t('coaching.settings.formName')}>
        {(control) => (
          <input
            {...control}
            value={form.name}
            onChange={(e) => props.onChange({ ...form, name: e.target.value })}
          />
        )}
      </FormField>
      {numberField(t('coaching.settings.maxScore'), form.maxScore, (maxScore) =>
        props.onChange({ ...form, maxScore }),
      )}
      <ol className="form-items">
        {form.items.map((item, index) => (
          <li key={item.id}>
            <FormField label={t('coaching.settings.item', { n: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  value={item.label}
                  onChange={(e) => setItem(index, e.target.value)}
                />
              )}
            </FormField>
            <button
              type="button"
              className="button button-quiet"
              aria-disabled={form.items.length <= 3 || undefined}
              onClick={() =>
                form.items.length > 3 &&
                props.onChange({ ...form, items: form.items.filter((_, i) => i !== index) })
              }
            >
              {t('coaching.settings.removeItem', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-disabled={form.items.length >= 10 || undefined}
          onClick={() =>
            form.items.length < 10 &&
            props.onChange({ ...form, items: [...form.items, { id: newId('item'), label: '' }] })
          }
        >
          {t('coaching.settings.addItem')}
        </button>
        {props.onRemove ? (
          <button type="button" className="button button-quiet" onClick={props.onRemove}>
            {t('coaching.settings.removeForm')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

export function QueryEditor(props: {
  query: SavedQuery;
  onChange: (query: SavedQuery) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { query } = props;
  return (
    <fieldset className="settings-section query-editor">
      <legend>{query.name || t('coaching.settings.untitled')}</legend>
      <FormField label={t('coaching.settings.queryName')}>
        {(control) => (
          <input
            {...control}
            value={query.name}
            onChange={(e) => props.onChange({ ...query, name: e.target.value })}
          />
        )}
      </FormField>
      <div className="radio-row" role="group" aria-label={t('coaching.settings.states')}>
        {AGENT_STATES.filter((state) => state !== 'unknown').map((state) => (
          <label key={state} className="check-field">
            <input
              type="checkbox"
              checked={query.states.includes(state)}
              onChange={() =>
                props.onChange({
                  ...query,
                  states: query.states.includes(state)
                    ? query.states.filter((s) => s !== state)
                    : [...query.states, state],
                })
              }
            />
            <span>{t(`agentState.${state}`)}</span>
          </label>
        ))}
      </div>
      {numberField(t('coaching.settings.minMinutes'), query.minMinutes, (minMinutes) =>
        props.onChange({ ...query, minMinutes }),
      )}
      <FormField label={t('coaching.settings.skill')} hint={t('coaching.settings.optional')}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={query.skillId === null ? '' : String(query.skillId)}
            onChange={(e) =>
              props.onChange({
                ...query,
                skillId: e.target.value.trim() === '' ? null : toInt(e.target.value),
              })
            }
          />
        )}
      </FormField>
      <FormField label={t('coaching.settings.group')} hint={t('coaching.settings.optional')}>
        {(control) => (
          <input
            {...control}
            value={query.group ?? ''}
            onChange={(e) => props.onChange({ ...query, group: e.target.value || null })}
          />
        )}
      </FormField>
      <button type="button" className="button button-quiet" onClick={props.onRemove}>
        {t('coaching.settings.removeQuery')}
      </button>
    </fieldset>
  );
}
