/**
 * Alert kinds in words with their threshold: "Call longer than 10 min".
 */
import type { TFunction } from 'i18next';
import type { AlertKind, AlertThresholds } from '../../../shared/domain';
import { formatSpan } from '../../i18n/format';

/** The setting behind each threshold alert (shift budgets carry their limit in the alert). */
const THRESHOLD_OF: Partial<Record<AlertKind, keyof AlertThresholds>> = {
  'long-call': 'longCallSeconds',
  'long-busy': 'longBusySeconds',
  'long-wrap-up': 'longWrapUpSeconds',
  'long-queue-wait': 'longQueueWaitSeconds',
};

/** One alert explained with the threshold it crossed. */
export function describeAlert(
  kind: AlertKind,
  thresholds: AlertThresholds,
  t: TFunction,
  seconds?: number,
): string {
  const key = THRESHOLD_OF[kind];
  return t(`alerts.${kind}`, { span: formatSpan(seconds ?? (key ? thresholds[key] : 0), t) });
}

/** All alerts of a row in one sentence, for the tooltip and the screen reader. */
export function describeAlerts(
  kinds: readonly AlertKind[],
  thresholds: AlertThresholds,
  t: TFunction,
): string {
  return kinds.map((kind) => describeAlert(kind, thresholds, t)).join('; ');
}
