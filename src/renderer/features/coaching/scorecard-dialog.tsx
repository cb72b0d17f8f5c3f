/**
 * The scorecard offered when an inspection ends: a form from the settings (3–10 items), a
 * score 0–N per item as a radio group (arrow keys move), a comment per item and overall.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionRecord } from '../../../shared/coaching';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';

interface ItemScore {
  score: number | null;
  comment: string;
}

function ScoreItem(props: {
  label: string;
  maxScore: number;
  value: ItemScore;
  onChange: (value: ItemScore) => void;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <fieldset className="score-item" aria-labelledby={legendId}>
      <legend id={legendId}>{props.label}</legend>
      <div className="score-scale">
        {Array.from({ length: props.maxScore + 1 }, (_, score) => (
          <label key={score} className="score-option">
            <input
              type="radio"
              name={legendId}
              checked={props.value.score === score}
              onChange={() => props.onChange({ ...props.value, score })}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      <FormField label={t('coaching.scorecard.itemComment')}>
        {(control) => (
          <input
            {...control}
            value={props.value.comment}
            onChange={(e) => props.onChange({ ...props.value, comment: e.target.value })}
          />
        )}
      </FormField>
    </fieldset>
  );
}

export function ScorecardDialog(props: {
  inspection: InspectionRecord | null;
  workNo: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const forms = useAppState((state) => state.settings.coaching.scorecardForms);
  const name = useAppState((state) => state.roster.rows.get(props.workNo)?.name ?? '');
  const [formId, setFormId] = useState(forms[0]?.id ?? '');
  const form = forms.find((candidate) => candidate.id === formId) ?? forms[0];
  const [scores, setScores] = useState<Record<string, ItemScore>>({});
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  if (!form) return null;
  const itemOf = (id: string): ItemScore => scores[id] ?? { score: null, comment: '' };
  const missing = form.items.filter((item) => itemOf(item.id).score === null).length;
  const total = form.items.reduce((sum, item) => sum + (itemOf(item.id).score ?? 0), 0);

  async function save(): Promise<void> {
    if (!form || missing > 0 || saving) return;
    setSaving(true);
    const result = await bridge.invoke('coaching.saveScorecard', {
      inspectionId: props.inspection && props.inspection.id > 0 ? props.inspection.id : null,
      workNo: props.workNo,
      formId: form.id,
      scores: form.items.map((item) => ({
        itemId: item.id,
        score: itemOf(item.id).score ?? 0,
        comment: itemOf(item.id).comment,
      })),
      comment,
    });
    setSaving(false);
    if (!result.ok) return reportCommandError(store, result.error);
    store.pushToast({
      level: 'success',
      text: {
        key: 'coaching.scorecard.saved',
        params: { total: result.value.total, max: result.value.maxScore * form.items.length },
      },
    });
    props.onClose();
  }

  return (
    <Dialog
      title={t('coaching.scorecard.title', {
        agent: [props.workNo, name].filter(Boolean).join(' '),
      })}
      onClose={props.onClose}
      size="large"
      footer={
        <>
          <span className="scorecard-total" role="status">
            {t('coaching.scorecard.total', { total, max: form.maxScore * form.items.length })}
          </span>
          <button type="button" className="button" onClick={props.onClose}>
            {t('coaching.scorecard.later')}
          </button>
          <button
            type="button"
            className="button tone-primary"
            aria-disabled={missing > 0 || saving || undefined}
            title={missing > 0 ? t('coaching.scorecard.missing', { count: missing }) : undefined}
            onClick={() => void save()}
          >
            {t('coaching.scorecard.save')}
          </button>
        </>
      }
    >
      <div className="scorecard" data-testid="scorecard">
        {props.inspection ? (
          <p className="muted">
            {t(`coaching.scorecard.about.${props.inspection.origin}`, {
              mode: t(`inspectorMode.${props.inspection.mode}`, {
                defaultValue: props.inspection.mode,
              }),
            })}
          </p>
        ) : null}
        {forms.length > 1 ? (
          <FormField label={t('coaching.scorecard.form')}>
            {(control) => (
              <select {...control} value={form.id} onChange={(e) => setFormId(e.target.value)}>
                {forms.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <p className="scorecard-form-name">{form.name}</p>
        )}
        {form.items.map((item) => (
          <ScoreItem
            key={`${form.id}-${item.id}`}
            label={item.label}
            maxScore={form.maxScore}
            value={itemOf(item.id)}
            onChange={(value) => setScores((current) => ({ ...current, [item.id]: value }))}
          />
        ))}
        <FormField label={t('coaching.scorecard.comment')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  );
}
