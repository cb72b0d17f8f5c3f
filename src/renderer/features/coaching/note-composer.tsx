/**
 * The note composer: who gets it (the selected agent, the agents the table shows now, a group,
 * a saved query, or typed ids), a template to start from, the text with its byte counter
 * (1,023 bytes at most), how many requests it takes, and per batch who got it.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteRecipients, NoteSendResult } from '../../../shared/coaching';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { reportCommandError } from '../inspection/run-action';
import { batchesFor, noteBytes, NOTE_MAX_BYTES, parseAgentList } from './note-text';
import { DialogFooter } from '../../ui/dialog-footer';

type Mode = 'selected' | 'view' | 'group' | 'query' | 'ids';
const MODES: readonly Mode[] = ['selected', 'view', 'group', 'query', 'ids'];

interface Preview {
  workNos: string[];
  signedIn: number;
  batches: number;
}

export function NoteComposer(props: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const selected = useAppState((state) => state.selectedWorkNo);
  const visible = useAppState((state) => state.summary.ids);
  const groups = useAppState((state) => state.summary.groups);
  const coaching = useAppState((state) => state.settings.coaching);
  const [mode, setMode] = useState<Mode>(selected ? 'selected' : 'view');
  const [group, setGroup] = useState(groups[0] ?? '');
  const [queryId, setQueryId] = useState(coaching.savedQueries[0]?.id ?? '');
  const [idsText, setIdsText] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<NoteSendResult | null>(null);
  const counterId = useId();
  const legendId = useId();

  const typed = parseAgentList(idsText);
  const recipients: NoteRecipients | null =
    mode === 'selected'
      ? selected
        ? { kind: 'agents', workNos: [selected] }
        : null
      : mode === 'view'
        ? visible.length > 0
          ? { kind: 'agents', workNos: [...visible] }
          : null
        : mode === 'group'
          ? group
            ? { kind: 'group', group }
            : null
          : mode === 'query'
            ? queryId
              ? { kind: 'query', queryId }
              : null
            : typed.workNos.length > 0
              ? { kind: 'agents', workNos: typed.workNos }
              : null;
  const recipientsKey = JSON.stringify(recipients);

  useEffect(() => {
    let live = true;
    if (!recipients) return;
    const timer = setTimeout(() => {
      void bridge.invoke('coaching.previewRecipients', { recipients }).then((answer) => {
        if (live) setPreview(answer.ok ? answer.value : null);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // recipientsKey stands for recipients (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, recipientsKey]);

  // With nobody chosen, an earlier preview no longer applies.
  const shown = recipients ? preview : null;
  const bytes = noteBytes(text);
  const tooLong = bytes > NOTE_MAX_BYTES;
  const nobody = !shown || shown.workNos.length === 0;
  const blocked = tooLong ? t('coaching.note.tooLong') : nobody ? t('coaching.note.nobody') : null;

  async function send(): Promise<void> {
    if (!recipients || blocked || sending) return;
    setSending(true);
    const answer = await bridge.invoke('coaching.sendNote', { recipients, text });
    setSending(false);
    if (!answer.ok) {
      reportCommandError(store, answer.error);
      return;
    }
    setResult(answer.value);
    const failed = answer.value.batches.some((batch) => batch.outcome === 'failed');
    store.pushToast({
      level: failed ? 'warning' : 'success',
      text: {
        key: failed ? 'coaching.note.partly' : 'coaching.note.sent',
        params: { count: answer.value.recipients },
      },
    });
  }

  return (
    <Dialog
      title={t('coaching.note.title')}
      onClose={props.onClose}
      size="large"
      footer={
        <DialogFooter
          dismissLabel={t('common.close')}
          onDismiss={props.onClose}
          confirmLabel={sending ? t('coaching.note.sending') : t('coaching.note.send')}
          blocked={blocked !== null || sending}
          blockedReason={blocked ?? undefined}
          onConfirm={() => void send()}
        />
      }
    >
      <div className="note-composer" data-testid="note-composer">
        <fieldset className="settings-section" aria-labelledby={legendId}>
          <legend id={legendId}>{t('coaching.note.to')}</legend>
          <div className="radio-row">
            {MODES.map((option) => (
              <label key={option} className="check-field">
                <input
                  type="radio"
                  name="note-recipients"
                  checked={mode === option}
                  onChange={() => setMode(option)}
                />
                <span>
                  {t(`coaching.note.modes.${option}`, {
                    agent: selected ?? '—',
                    count: visible.length,
                  })}
                </span>
              </label>
            ))}
          </div>
          {mode === 'group' ? (
            <FormField label={t('coaching.note.group')}>
              {(control) => (
                <select {...control} value={group} onChange={(e) => setGroup(e.target.value)}>
                  {groups.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          {mode === 'query' ? (
            <FormField label={t('coaching.note.query')}>
              {(control) => (
                <select {...control} value={queryId} onChange={(e) => setQueryId(e.target.value)}>
                  {coaching.savedQueries.map((query) => (
                    <option key={query.id} value={query.id}>
                      {query.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          {mode === 'ids' ? (
            <FormField
              label={t('coaching.note.ids')}
              error={
                typed.invalid.length > 0
                  ? t('coaching.note.badIds', { ids: typed.invalid.join(', ') })
                  : null
              }
            >
              {(control) => (
                <input
                  {...control}
                  value={idsText}
                  placeholder="1001, 1002, 1003"
                  onChange={(e) => setIdsText(e.target.value)}
                />
              )}
            </FormField>
          ) : null}
          <p className="note-preview" role="status">
            {shown
              ? t('coaching.note.preview', {
                  count: shown.workNos.length,
                  signedIn: shown.signedIn,
                  batches: batchesFor(shown.workNos.length),
                })
              : t('coaching.note.nobody')}
          </p>
        </fieldset>
        <FormField label={t('coaching.note.template')}>
          {(control) => (
            <select
              {...control}
              value=""
              onChange={(e) => {
                const template = coaching.noteTemplates.find((item) => item.id === e.target.value);
                if (template) setText(template.text);
              }}
            >
              <option value="">{t('coaching.note.chooseTemplate')}</option>
              {coaching.noteTemplates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('coaching.note.text')}
          error={tooLong ? t('coaching.note.tooLong') : null}
        >
          {(control) => (
            <textarea
              {...control}
              aria-describedby={[control['aria-describedby'], counterId].filter(Boolean).join(' ')}
              rows={5}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </FormField>
        <p id={counterId} className={tooLong ? 'byte-counter over' : 'byte-counter'}>
          {t('coaching.note.bytes', { bytes, max: NOTE_MAX_BYTES })}
        </p>
        {result ? (
          <section aria-label={t('coaching.note.results')} className="note-results">
            <h3>{t('coaching.note.results')}</h3>
            <ul>
              {result.batches.map((batch) => (
                <li key={batch.index} className={`outcome-${batch.outcome}`}>
                  {batch.outcome === 'ok'
                    ? t('coaching.note.batchOk', {
                        index: batch.index + 1,
                        count: batch.workNos.length,
                        signedIn: batch.signedIn.length,
                      })
                    : t('coaching.note.batchFailed', {
                        index: batch.index + 1,
                        count: batch.workNos.length,
                        reason:
                          (i18n.language === 'zh-CN' ? batch.messageZh : batch.message) ??
                          batch.retcode ??
                          '',
                      })}
                  <span className="muted note-batch-ids">
                    {' '}
                    {batch.workNos.slice(0, 12).join(', ')}
                    {batch.workNos.length > 12 ? ' …' : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}
