/**
 * The two gateway settings about what goes over the wire: the plain-HTTP opt-in for lab
 * gateways (with what it costs, in words) and the largest answer accepted. Part of the gateway
 * section of the settings dialog.
 */
import { useTranslation } from 'react-i18next';
import { FormField } from '../../ui/form-field';
import type { SettingsForm } from './settings-validation';
import type { PolicyLock } from '../../../shared/policy';
import { LockNote } from './policy-lock';

export interface GatewayTransportFieldsProps {
  form: Pick<SettingsForm, 'allowInsecureHttp' | 'maxAnswerMiB'>;
  maxAnswerError: string | null;
  /** The administrator locked the plain-HTTP opt-in. */
  insecureLock?: PolicyLock;
  onChange: (patch: Partial<Pick<SettingsForm, 'allowInsecureHttp' | 'maxAnswerMiB'>>) => void;
}

/** The plain-HTTP opt-in and the answer size limit. */
export function GatewayTransportFields(props: GatewayTransportFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <label className="check-field">
        <input
          type="checkbox"
          checked={props.form.allowInsecureHttp}
          disabled={Boolean(props.insecureLock)}
          aria-describedby="allow-insecure-http-hint"
          onChange={(event) => props.onChange({ allowInsecureHttp: event.target.checked })}
        />
        <span>{t('settings.allowInsecureHttp')}</span>
      </label>
      <p id="allow-insecure-http-hint" className="field-hint">
        {t('settings.allowInsecureHttpHint')}
      </p>
      {props.insecureLock ? <LockNote lock={props.insecureLock} /> : null}
      <FormField
        label={t('settings.maxAnswerMiB')}
        error={props.maxAnswerError}
        hint={t('settings.maxAnswerMiBHint')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={props.form.maxAnswerMiB}
            onChange={(event) => props.onChange({ maxAnswerMiB: event.target.value })}
          />
        )}
      </FormField>
    </>
  );
}
