/**
 * Coaching settings: how long records are kept (default 90 days) and what "this shift" is,
 * the sampler's rules, note templates, saved queries and scorecard forms (3–10 items, scores
 * 0–N). Saved as one `settings.update` of the coaching section, which main validates.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingSettings } from '../../../shared/coaching';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';
import { noteBytes, NOTE_MAX_BYTES } from './note-text';
import { FormEditor, newId, numberField, QueryEditor } from './coaching-settings-editors';
import { DialogFooter } from '../../ui/dialog-footer';

export function CoachingSettingsDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const saved = useAppState((state) => state.settings.coaching);
  const [draft, setDraft] = useState<CoachingSettings>(() => structuredClone(saved));
  const [saving, setSaving] = useState(false);
  const patch = (change: Partial<CoachingSettings>): void =>
    setDraft((current) => ({ ...current, ...change }));
  const sampler = draft.sampler;

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    const result = await bridge.invoke('settings.update', { coaching: draft });
    setSaving(false);
    if (!result.ok) return reportCommandError(store, result.error);
    store.pushToast({ level: 'success', text: { key: 'coaching.settings.saved' } });
    props.onClose();
  }

  return (
    <Dialog
      title={t('coaching.settings.title')}
      onClose={props.onClose}
      size="large"
      footer={
        <DialogFooter
          dismissLabel={t('common.cancel')}
          onDismiss={props.onClose}
          confirmLabel={t('coaching.settings.save')}
          blocked={saving}
          onConfirm={() => void save()}
        />
      }
    >
      <div className="settings-form coaching-settings">
        <fieldset className="settings-section">
          <legend>{t('coaching.settings.records')}</legend>
          {numberField(
            t('coaching.settings.retention'),
            draft.retentionDays,
            (retentionDays) => patch({ retentionDays }),
            t('coaching.settings.retentionHint'),
          )}
          {numberField(t('coaching.settings.shift'), draft.shiftHours, (shiftHours) =>
            patch({ shiftHours }),
          )}
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('coaching.settings.sampler')}</legend>
          {(['enabled', 'onePerAgentPerShift', 'autoJoin'] as const).map((flag) => (
            <label key={flag} className="check-field">
              <input
                type="checkbox"
                checked={sampler[flag]}
                onChange={(e) => patch({ sampler: { ...sampler, [flag]: e.target.checked } })}
              />
              <span>{t(`coaching.settings.samplerFlags.${flag}`)}</span>
            </label>
          ))}
          {numberField(
            t('coaching.settings.preferMinutes'),
            sampler.preferCallSeconds / 60,
            (minutes) =>
              patch({ sampler: { ...sampler, preferCallSeconds: Math.round(minutes * 60) } }),
          )}
          <FormField
            label={t('coaching.settings.samplerSkills')}
            hint={t('coaching.settings.samplerSkillsHint')}
          >
            {(control) => (
              <input
                {...control}
                value={sampler.skillIds.join(', ')}
                onChange={(e) =>
                  patch({
                    sampler: {
                      ...sampler,
                      skillIds: e.target.value
                        .split(/[\s,，]+/)
                        .filter(Boolean)
                        .map(Number)
                        .filter(Number.isInteger),
                    },
                  })
                }
              />
            )}
          </FormField>
          {numberField(t('coaching.settings.minGap'), sampler.minGapSeconds, (minGapSeconds) =>
            patch({ sampler: { ...sampler, minGapSeconds } }),
          )}
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('coaching.settings.templates')}</legend>
          {draft.noteTemplates.map((template, index) => (
            <div key={template.id} className="template-editor">
              <FormField label={t('coaching.settings.templateName', { n: index + 1 })}>
                {(control) => (
                  <input
                    {...control}
                    value={template.name}
                    onChange={(e) =>
                      patch({
                        noteTemplates: draft.noteTemplates.map((item) =>
                          item.id === template.id ? { ...item, name: e.target.value } : item,
                        ),
                      })
                    }
                  />
                )}
              </FormField>
              <FormField
                label={t('coaching.settings.templateText', { n: index + 1 })}
                error={
                  noteBytes(template.text) > NOTE_MAX_BYTES ? t('coaching.note.tooLong') : null
                }
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={template.text}
                    onChange={(e) =>
                      patch({
                        noteTemplates: draft.noteTemplates.map((item) =>
                          item.id === template.id ? { ...item, text: e.target.value } : item,
                        ),
                      })
                    }
                  />
                )}
              </FormField>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  patch({
                    noteTemplates: draft.noteTemplates.filter((item) => item.id !== template.id),
                  })
                }
              >
                {t('coaching.settings.removeTemplate', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              patch({
                noteTemplates: [...draft.noteTemplates, { id: newId('t'), name: '', text: '' }],
              })
            }
          >
            {t('coaching.settings.addTemplate')}
          </button>
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('coaching.settings.queries')}</legend>
          {draft.savedQueries.map((query) => (
            <QueryEditor
              key={query.id}
              query={query}
              onChange={(next) =>
                patch({
                  savedQueries: draft.savedQueries.map((item) =>
                    item.id === query.id ? next : item,
                  ),
                })
              }
              onRemove={() =>
                patch({ savedQueries: draft.savedQueries.filter((item) => item.id !== query.id) })
              }
            />
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              patch({
                savedQueries: [
                  ...draft.savedQueries,
                  {
                    id: newId('q'),
                    name: '',
                    states: ['rest'],
                    minMinutes: 10,
                    skillId: null,
                    group: null,
                  },
                ],
              })
            }
          >
            {t('coaching.settings.addQuery')}
          </button>
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('coaching.settings.forms')}</legend>
          {draft.scorecardForms.map((form) => (
            <FormEditor
              key={form.id}
              form={form}
              onChange={(next) =>
                patch({
                  scorecardForms: draft.scorecardForms.map((item) =>
                    item.id === form.id ? next : item,
                  ),
                })
              }
              onRemove={
                draft.scorecardForms.length > 1
                  ? () =>
                      patch({
                        scorecardForms: draft.scorecardForms.filter((item) => item.id !== form.id),
                      })
                  : null
              }
            />
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              patch({
                scorecardForms: [
                  ...draft.scorecardForms,
                  {
                    id: newId('form'),
                    name: '',
                    maxScore: 5,
                    items: [1, 2, 3].map(() => ({ id: newId('item'), label: '' })),
                  },
                ],
              })
            }
          >
            {t('coaching.settings.addForm')}
          </button>
        </fieldset>
      </div>
    </Dialog>
  );
}
