/**
 * Sign-in: gateway address, inspector id, phone number, password (or the one remembered in the
 * OS keychain), "remember me", and a way into demo mode. Field mistakes are shown next to the
 * field before anything is sent; the gateway's refusals in plain words with their retcode.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandError } from '../../../shared/ipc/contract';
import { resolveText } from '../../i18n/format';
import type { LocalText } from '../../store/app-state';
import { useAppState, useBridge } from '../../store/store-context';
import { FormField } from '../../ui/form-field';
import { Icon } from '../../ui/icons';
import { LockNote } from '../settings/policy-lock';
import { LanguagePicker } from './language-picker';
import { validateSignIn, type SignInField, type SignInForm } from './sign-in-validation';

type FieldErrors = Partial<Record<SignInField, LocalText>>;

function ErrorBanner(props: { text: LocalText; retcode: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="form-banner tone-bad" role="alert">
      <Icon name="alert" />
      <span>
        {resolveText(props.text, t, i18n.language)}
        {props.retcode ? (
          <span className="code"> ({t('common.retcode', { code: props.retcode })})</span>
        ) : null}
      </span>
    </div>
  );
}

/** The sign-in screen. */
export function SignInScreen() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const settings = useAppState((state) => state.settings);
  const connection = useAppState((state) => state.connection);
  const passwordRemembered = useAppState((state) => state.passwordRemembered);
  const keychainAvailable = useAppState((state) => state.keychainAvailable);
  // The administrator may lock the gateway address and forbid demo mode (issue 16).
  const policy = useAppState((state) => state.policy);
  const gatewayLock = policy.locked['gateway.url'];
  const [form, setForm] = useState<SignInForm>({
    gatewayUrl: settings.gateway.url,
    inspectorId: settings.gateway.inspectorId,
    phoneNumber: settings.gateway.phoneNumber,
    password: '',
    remember: passwordRemembered,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // A remembered password belongs to the exact address (and trust) it was saved for: editing
  // the address, even only its scheme, means typing the password.
  const canUseRemembered =
    passwordRemembered &&
    form.inspectorId.trim() === settings.gateway.inspectorId &&
    form.gatewayUrl.trim() === settings.gateway.url;
  const signingIn = busy || connection.phase === 'signing-in';

  function update<K extends keyof SignInForm>(key: K, value: SignInForm[K]): void {
    setForm((current) => ({ ...current, [key]: value }));
    if (key in errors) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function focusFirstInvalid(): void {
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (signingIn) return;
    setFailure(null);
    const checked = validateSignIn(
      { ...form, remember: form.remember && keychainAvailable },
      canUseRemembered,
    );
    if (!checked.ok) {
      setErrors(
        Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, { key }])),
      );
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await bridge.invoke('session.signIn', checked.args);
    setBusy(false);
    if (result.ok) return;
    const field = result.error.field;
    if (field && ['gatewayUrl', 'inspectorId', 'phoneNumber', 'password'].includes(field)) {
      setErrors({ [field]: { en: result.error.message, zh: result.error.messageZh } });
      focusFirstInvalid();
    } else setFailure(result.error);
  }

  async function startDemo(): Promise<void> {
    setFailure(null);
    setBusy(true);
    const result = await bridge.invoke('session.startDemo', {});
    setBusy(false);
    if (!result.ok) setFailure(result.error);
  }

  const errorText = (field: SignInField): string | null => {
    const text = errors[field];
    return text ? resolveText(text, t, i18n.language) : null;
  };
  const shownFailure: { text: LocalText; retcode: string | null } | null = failure
    ? { text: { en: failure.message, zh: failure.messageZh }, retcode: failure.retcode }
    : connection.phase === 'failed'
      ? { text: { en: connection.reason, zh: connection.reasonZh }, retcode: connection.retcode }
      : null;

  return (
    <main className="sign-in-screen">
      <div className="sign-in-card">
        <div className="sign-in-head">
          <span className="brand-mark" aria-hidden="true" />
          <h1>{t('signIn.title')}</h1>
          <LanguagePicker />
        </div>
        <p className="muted">{t('signIn.intro')}</p>
        {shownFailure ? (
          <ErrorBanner text={shownFailure.text} retcode={shownFailure.retcode} />
        ) : null}
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-busy={signingIn}
        >
          <FormField
            label={t('signIn.gatewayUrl')}
            error={errorText('gatewayUrl')}
            hint={gatewayLock ? <LockNote lock={gatewayLock} /> : t('signIn.gatewayUrlHint')}
          >
            {(control) => (
              <input
                {...control}
                readOnly={Boolean(gatewayLock)}
                type="url"
                inputMode="url"
                autoComplete="url"
                spellCheck={false}
                value={form.gatewayUrl}
                onChange={(event) => update('gatewayUrl', event.target.value)}
              />
            )}
          </FormField>
          <div className="form-row">
            <FormField label={t('signIn.inspectorId')} error={errorText('inspectorId')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  autoComplete="username"
                  value={form.inspectorId}
                  onChange={(event) => update('inspectorId', event.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('signIn.phoneNumber')} error={errorText('phoneNumber')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="tel"
                  autoComplete="tel"
                  value={form.phoneNumber}
                  onChange={(event) => update('phoneNumber', event.target.value)}
                />
              )}
            </FormField>
          </div>
          <FormField
            label={t('signIn.password')}
            error={errorText('password')}
            hint={canUseRemembered ? t('signIn.passwordRememberedHint') : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                maxLength={32}
                placeholder={
                  canUseRemembered ? t('signIn.passwordRememberedPlaceholder') : undefined
                }
                value={form.password}
                onChange={(event) => update('password', event.target.value)}
              />
            )}
          </FormField>
          <label className="check-field">
            <input
              type="checkbox"
              checked={form.remember && keychainAvailable}
              disabled={!keychainAvailable}
              onChange={(event) => update('remember', event.target.checked)}
            />
            <span>{t('signIn.remember')}</span>
          </label>
          {!keychainAvailable ? <p className="field-hint">{t('signIn.noKeychain')}</p> : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button tone-primary button-large"
              aria-disabled={signingIn || undefined}
            >
              {signingIn ? t('signIn.signingIn') : t('signIn.submit')}
            </button>
            {policy.demoModeAllowed ? (
              <button
                type="button"
                className="link-button"
                onClick={() => void startDemo()}
                disabled={signingIn}
              >
                {t('signIn.demo')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
    </main>
  );
}
