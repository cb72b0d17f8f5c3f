/**
 * Language choice, saved through settings so main (tray, notifications) follows too.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { LANGUAGES } from '../../i18n/i18n';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { reportCommandError } from '../inspection/run-action';

/** A compact language select that saves at once. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useStore();
  const language = useAppState((state) => state.settings.language);
  async function choose(next: Language): Promise<void> {
    const result = await bridge.invoke('settings.update', { language: next });
    if (result.ok) store.applyPartial({ settings: result.value });
    else reportCommandError(store, result.error);
  }
  return (
    <label className="inline-field language-picker">
      <span>{t('settings.language')}</span>
      <select value={language} onChange={(event) => void choose(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
