/** How insight figures read: percentages, seconds as a clock, counts. */
import { formatDuration } from '../../i18n/format';

export const formatCount = (value: number): string => String(Math.round(value));
export const formatPercent = (value: number): string => `${Math.round(value * 100)}%`;
export const formatSeconds = (value: number): string => formatDuration(value * 1000);

/** Service level bands: at or over target is good, within 15 points is a warning. */
export const SERVICE_LEVEL_TARGET = 0.8;
export function serviceLevelTone(level: number | null): 'ok' | 'warn' | 'bad' | 'none' {
  if (level === null) return 'none';
  if (level >= SERVICE_LEVEL_TARGET) return 'ok';
  return level >= SERVICE_LEVEL_TARGET - 0.15 ? 'warn' : 'bad';
}
