/**
 * Settings: gateway and TLS trust, hotkeys, alert thresholds, language and theme, demo mode,
 * and whether destructive actions ask first. Checked in the form, saved through
 * `settings.update`; hotkeys apply at once through their own section.
 */
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandError } from '../../../shared/ipc/contract';
import type { Language, Theme } from '../../../shared/domain';
import { formatSpan } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/i18n';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { Dialog } from '../../ui/dialog';
import { FormField } from '../../ui/form-field';
import { Icon } from '../../ui/icons';
import { reportCommandError } from '../inspection/run-action';
import { GatewayTransportFields } from './gateway-transport-fields';
import { HotkeysSection } from './hotkeys-section';
import { MaintenanceSection } from './maintenance-section';
import { hintOrLock, usePolicyLocks } from './policy-lock';
import {
  createSettingsForm,
  looksLikePemCertificate,
  THRESHOLD_FIELDS,
  validateSettings,
  type SettingsErrors,
  type SettingsForm,
} from './settings-validation';
import { DialogFooter } from '../../ui/dialog-footer';

const CA_FILE_LIMIT = 65_536;
/** Where validation reports each form field (a prefix of its error paths). */
const ERROR_PATH_OF: Record<keyof SettingsForm, string> = {
  gatewayUrl: 'gateway.url',
  inspectorId: 'gateway.inspectorId',
  phoneNumber: 'gateway.phoneNumber',
  caPem: 'gateway.caPem',
  pinSha256: 'gateway.pinSha256',
  // The opt-in decides whether the address is acceptable: changing it clears that complaint.
  allowInsecureHttp: 'gateway.url',
  maxAnswerMiB: 'gateway.maxAnswerMiB',
  alerts: 'alerts.',
  language: 'language',
  theme: 'theme',
  demoMode: 'demoMode',
  confirmDestructive: 'confirmDestructive',
  updateChannel: 'updates.channel',
};
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The settings dialog. */
export function SettingsDialog(props: {
  onClose: () => void;
  /** Opens the coaching settings (templates, queries, scorecard forms, sampler, retention). */
  onOpenCoaching?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const settings = useAppState((state) => state.settings);
  const [form, setForm] = useState<SettingsForm>(() => createSettingsForm(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [failure, setFailure] = useState<CommandError | null>(null);
  const [caFileName, setCaFileName] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const lockOf = usePolicyLocks();

  const errorFor = (path: string): string | null =>
    errors[path] ? t(errors[path], { defaultValue: t('settings.errors.generic') }) : null;
  const patchForm = (patch: Partial<SettingsForm>): void => {
    setForm((current) => ({ ...current, ...patch }));
    // An edited field's old complaint no longer applies.
    const edited = Object.keys(patch).map((key) => ERROR_PATH_OF[key as keyof SettingsForm]);
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(
          ([path]) => !edited.some((prefix) => path.startsWith(prefix)),
        ),
      ),
    );
  };

  async function readCaFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = file.size > CA_FILE_LIMIT ? '' : await file.text();
    if (!looksLikePemCertificate(text)) {
      setErrors((current) => ({
        ...current,
        'gateway.caPem':
          file.size > CA_FILE_LIMIT
            ? 'settings.errors.caTooLarge'
            : 'settings.errors.gateway.caPem',
      }));
      return;
    }
    setCaFileName(file.name);
    patchForm({ caPem: text });
  }

  async function openLogsFolder(): Promise<void> {
    const result = await bridge.invoke('app.openLogsFolder', {});
    if (!result.ok) reportCommandError(store, result.error);
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const checked = validateSettings(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    const result = await bridge.invoke('settings.update', checked.patch);
    setSaving(false);
    if (!result.ok) {
      if (result.error.field) setErrors({ [result.error.field]: 'settings.errors.generic' });
      setFailure(result.error);
      return;
    }
    store.applyPartial({ settings: result.value });
    store.pushToast({ level: 'success', text: { key: 'settings.saved' } });
    props.onClose();
  }

  const zh = i18n.language.startsWith('zh');
  return (
    <Dialog
      title={t('settings.title')}
      onClose={props.onClose}
      size="large"
      footer={
        <DialogFooter
          dismissLabel={t('common.cancel')}
          onDismiss={props.onClose}
          confirmLabel={saving ? t('settings.saving') : t('settings.save')}
          blocked={saving}
          form="settings-form"
        />
      }
    >
      {failure ? (
        <div className="form-banner tone-bad" role="alert">
          <Icon name="alert" />
          <span>
            {zh ? failure.messageZh : failure.message}
            {failure.retcode ? ` (${t('common.retcode', { code: failure.retcode })})` : ''}
          </span>
        </div>
      ) : null}
      <form
        id="settings-form"
        ref={formRef}
        noValidate
        onSubmit={(event) => void save(event)}
        className="settings-form"
      >
        <fieldset className="settings-section">
          <legend>{t('settings.sections.gateway')}</legend>
          <FormField
            label={t('signIn.gatewayUrl')}
            error={errorFor('gateway.url')}
            hint={hintOrLock(lockOf('gateway.url'), undefined)}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                disabled={Boolean(lockOf('gateway.url'))}
                spellCheck={false}
                value={form.gatewayUrl}
                onChange={(event) => patchForm({ gatewayUrl: event.target.value })}
              />
            )}
          </FormField>
          <div className="form-row">
            <FormField label={t('signIn.inspectorId')} error={errorFor('gateway.inspectorId')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  value={form.inspectorId}
                  onChange={(event) => patchForm({ inspectorId: event.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('signIn.phoneNumber')} error={errorFor('gateway.phoneNumber')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="tel"
                  value={form.phoneNumber}
                  onChange={(event) => patchForm({ phoneNumber: event.target.value })}
                />
              )}
            </FormField>
          </div>
          <FormField
            label={t('settings.caFile')}
            error={errorFor('gateway.caPem')}
            hint={hintOrLock(
              lockOf('gateway.caPem'),
              form.caPem
                ? t('settings.caLoaded', { name: caFileName ?? t('settings.caSaved') })
                : t('settings.caHint'),
            )}
          >
            {(control) => (
              <div className="file-row">
                <input
                  {...control}
                  type="file"
                  disabled={Boolean(lockOf('gateway.caPem'))}
                  accept=".pem,.crt,.cer,text/plain"
                  onChange={(event) => void readCaFile(event)}
                />
                {form.caPem && !lockOf('gateway.caPem') ? (
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => patchForm({ caPem: null })}
                  >
                    {t('settings.caRemove')}
                  </button>
                ) : null}
              </div>
            )}
          </FormField>
          <FormField
            label={t('settings.pin')}
            error={errorFor('gateway.pinSha256')}
            hint={hintOrLock(lockOf('gateway.pinSha256'), t('settings.pinHint'))}
          >
            {(control) => (
              <input
                {...control}
                disabled={Boolean(lockOf('gateway.pinSha256'))}
                spellCheck={false}
                className="mono"
                value={form.pinSha256}
                onChange={(event) => patchForm({ pinSha256: event.target.value })}
              />
            )}
          </FormField>
          <GatewayTransportFields
            form={form}
            maxAnswerError={errorFor('gateway.maxAnswerMiB')}
            insecureLock={lockOf('gateway.allowInsecureHttp')}
            onChange={patchForm}
          />
        </fieldset>

        <fieldset className="settings-section">
          <legend>{t('settings.sections.alerts')}</legend>
          <div className="form-grid">
            {THRESHOLD_FIELDS.map((field) => {
              const seconds = Number(form.alerts[field]);
              const error = errorFor(`alerts.${field}`);
              return (
                <FormField
                  key={field}
                  label={t(`settings.thresholds.${field}`)}
                  error={error}
                  hint={hintOrLock(
                    lockOf(`alerts.${field}`),
                    !error && Number.isInteger(seconds) && seconds > 0
                      ? `= ${formatSpan(seconds, t)}`
                      : undefined,
                  )}
                >
                  {(control) => (
                    <input
                      {...control}
                      disabled={Boolean(lockOf(`alerts.${field}`))}
                      inputMode="numeric"
                      value={form.alerts[field]}
                      onChange={(event) =>
                        patchForm({ alerts: { ...form.alerts, [field]: event.target.value } })
                      }
                    />
                  )}
                </FormField>
              );
            })}
          </div>
        </fieldset>

        <fieldset className="settings-section">
          <legend>{t('settings.sections.general')}</legend>
          <div className="form-row">
            <FormField
              label={t('settings.language')}
              hint={hintOrLock(lockOf('language'), undefined)}
            >
              {(control) => (
                <select
                  {...control}
                  disabled={Boolean(lockOf('language'))}
                  value={form.language}
                  onChange={(event) => patchForm({ language: event.target.value as Language })}
                >
                  {LANGUAGES.map((code) => (
                    <option key={code} value={code} lang={code}>
                      {t(`languages.${code}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('settings.theme')}>
              {(control) => (
                <select
                  {...control}
                  value={form.theme}
                  onChange={(event) => patchForm({ theme: event.target.value as Theme })}
                >
                  {THEMES.map((theme) => (
                    <option key={theme} value={theme}>
                      {t(`settings.themes.${theme}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <label className="check-field">
            <input
              type="checkbox"
              checked={form.confirmDestructive}
              onChange={(event) => patchForm({ confirmDestructive: event.target.checked })}
            />
            <span>{t('settings.confirmDestructive')}</span>
          </label>
          <label className="check-field">
            <input
              type="checkbox"
              checked={form.demoMode}
              disabled={Boolean(lockOf('demoMode'))}
              onChange={(event) => patchForm({ demoMode: event.target.checked })}
            />
            <span>{t('settings.demoMode')}</span>
          </label>
          {hintOrLock(lockOf('demoMode'), null)}
        </fieldset>
        <MaintenanceSection
          channel={form.updateChannel}
          channelLock={lockOf('updates.channel')}
          onChannel={(updateChannel) => patchForm({ updateChannel })}
          onOpenLogs={() => void openLogsFolder()}
        />
        {props.onOpenCoaching ? (
          <fieldset className="settings-section">
            <legend>{t('coaching.settings.title')}</legend>
            <p className="field-hint">{t('coaching.settings.intro')}</p>
            <button type="button" className="button" onClick={props.onOpenCoaching}>
              {t('coaching.settings.open')}
            </button>
          </fieldset>
        ) : null}
      </form>
      <HotkeysSection />
    </Dialog>
  );
}
