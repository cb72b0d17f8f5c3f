/**
 * Formatting of times and durations per language. Durations read as a clock (m:ss, h:mm:ss)
 * in both languages, which is how contact centers show call lengths; dates follow the locale.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/domain';
import type { LocalText } from '../store/app-state';

/** "0:07", "12:34", "1:02:03"; negative or unknown spans show as 0:00. */
export function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The time since `since` as a duration, or an em dash when unknown. */
export function formatElapsed(since: number | null | undefined, now: number): string {
  return since == null ? '—' : formatDuration(now - since);
}

/** A threshold in words: "90 s", "10 min", "1 h 30 min" (translated units). */
export function formatSpan(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('units.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) {
    return rest === 0
      ? t('units.minutes', { count: minutes })
      : `${t('units.minutes', { count: minutes })} ${t('units.seconds', { count: rest })}`;
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0
    ? t('units.hours', { count: hours })
    : `${t('units.hours', { count: hours })} ${t('units.minutes', { count: restMinutes })}`;
}

/** Date and time in the UI language, e.g. "12/03/2025, 14:05:09" or "2025/12/3 14:05:09". */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(
    date,
  );
}

/** Text for the user in the current language. */
export function resolveText(text: LocalText, t: TFunction, language: string): string {
  if ('key' in text) return t(text.key, text.params ?? {});
  return language.startsWith('zh') ? text.zh : text.en;
}
