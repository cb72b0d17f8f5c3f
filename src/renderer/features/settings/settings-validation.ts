/**
 * The settings form and its validation with the contract's patch schema (the one main checks
 * against) and the shared gateway address policy (plain HTTP only with the opt-in, never with a
 * pin or private CA). Errors are i18n keys per field path, e.g. `gateway.url`.
 */
// First: zod is told not to compile with eval (the page's CSP) before a schema parses.
import '../../zod-setup';
import { judgeGatewayAddress } from '../../../shared/gateway-address-policy';
import type { CommandArgs } from '../../../shared/ipc/contract';
import { settingsPatchSchema } from '../../../shared/ipc/contract-schemas';
import type {
  AlertThresholds,
  Language,
  Settings,
  Theme,
  UpdateChannel,
} from '../../../shared/domain';

export const THRESHOLD_FIELDS: ReadonlyArray<keyof AlertThresholds> = [
  'longCallSeconds',
  'longBusySeconds',
  'longWrapUpSeconds',
  'longQueueWaitSeconds',
];

export interface SettingsForm {
  gatewayUrl: string;
  inspectorId: string;
  phoneNumber: string;
  caPem: string | null;
  /** Empty: no pin. */
  pinSha256: string;
  /** Lab gateways only: plain http:// allowed (the strip then warns permanently). */
  allowInsecureHttp: boolean;
  /** As typed (validated to whole MiB). */
  maxAnswerMiB: string;
  /** As typed (validated to whole seconds). */
  alerts: Record<keyof AlertThresholds, string>;
  language: Language;
  theme: Theme;
  demoMode: boolean;
  confirmDestructive: boolean;
  updateChannel: UpdateChannel;
}

export type SettingsPatch = CommandArgs<'settings.update'>;
export type SettingsErrors = Record<string, string>;
export type SettingsValidation =
  { ok: true; patch: SettingsPatch } | { ok: false; errors: SettingsErrors };

/** The form as it starts from saved settings. */
export function createSettingsForm(settings: Settings): SettingsForm {
  return {
    gatewayUrl: settings.gateway.url,
    inspectorId: settings.gateway.inspectorId,
    phoneNumber: settings.gateway.phoneNumber,
    caPem: settings.gateway.caPem,
    pinSha256: settings.gateway.pinSha256 ?? '',
    allowInsecureHttp: settings.gateway.allowInsecureHttp,
    maxAnswerMiB: String(settings.gateway.maxAnswerMiB),
    alerts: {
      longCallSeconds: String(settings.alerts.longCallSeconds),
      longBusySeconds: String(settings.alerts.longBusySeconds),
      longWrapUpSeconds: String(settings.alerts.longWrapUpSeconds),
      longQueueWaitSeconds: String(settings.alerts.longQueueWaitSeconds),
    },
    language: settings.language,
    theme: settings.theme,
    demoMode: settings.demoMode,
    confirmDestructive: settings.confirmDestructive,
    updateChannel: settings.updates.channel,
  };
}

/** Whether a CA file's text is PEM certificates (what main accepts as caPem). */
export function looksLikePemCertificate(text: string): boolean {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text);
}

function parseSeconds(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Check the form and build the patch `settings.update` takes. */
export function validateSettings(form: SettingsForm): SettingsValidation {
  const errors: SettingsErrors = {};
  const alerts = Object.fromEntries(
    THRESHOLD_FIELDS.map((field) => [field, parseSeconds(form.alerts[field])]),
  ) as Record<keyof AlertThresholds, number>;
  const patch: SettingsPatch = {
    gateway: {
      url: form.gatewayUrl.trim(),
      inspectorId: form.inspectorId.trim(),
      phoneNumber: form.phoneNumber.trim(),
      caPem: form.caPem,
      pinSha256: form.pinSha256.trim() === '' ? null : form.pinSha256.replace(/\s+/g, ''),
      allowInsecureHttp: form.allowInsecureHttp,
      maxAnswerMiB: parseSeconds(form.maxAnswerMiB),
    },
    alerts,
    language: form.language,
    theme: form.theme,
    demoMode: form.demoMode,
    confirmDestructive: form.confirmDestructive,
    updates: { channel: form.updateChannel },
  };
  if (form.caPem !== null && !looksLikePemCertificate(form.caPem))
    errors['gateway.caPem'] = 'settings.errors.gateway.caPem';
  const url = patch.gateway?.url ?? '';
  if (url !== '') {
    const verdict = judgeGatewayAddress(url, {
      allowInsecureHttp: form.allowInsecureHttp,
      caPem: form.caPem,
      pinSha256: form.pinSha256,
    });
    if (!verdict.ok && verdict.reason !== 'not-a-url')
      errors['gateway.url'] =
        verdict.reason === 'insecure-http'
          ? 'settings.errors.gateway.insecureHttp'
          : 'settings.errors.gateway.httpWithTrust';
  }
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!errors[path]) errors[path] = `settings.errors.${path}`;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
}
