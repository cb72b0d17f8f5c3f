/**
 * SettingsStore implementations for Node (CLI, tests, benchmarks): in memory, or a JSON file
 * written atomically. A corrupt file is moved aside and the store starts from defaults with a
 * notice. Secrets never go in here (the Settings type holds none).
 */
import { readInsightSettings } from '../../shared/insight-settings';
import fs from 'node:fs';
import path from 'node:path';
import type { Notice, Settings } from '../../shared/domain';
import type { SettingsStore } from '../supervisor/ports';
import {
  createDefaultSettings,
  DEFAULT_MAX_ANSWER_MIB,
  MAX_ANSWER_MIB_RANGE,
} from '../../shared/settings-defaults';
import { coachingSettingsSchema } from '../../shared/coaching-schemas';
import { errorMessage } from '../supervisor/error-text';

/** Settings kept in memory (optionally starting from a patch of the defaults). */
export function createMemorySettingsStore(
  initial: Partial<Settings> = {},
): SettingsStore & { current(): Settings } {
  let settings = normaliseSettings({ ...createDefaultSettings(), ...initial });
  return {
    load: () => ({ settings: structuredClone(settings), notices: [] }),
    save: (next) => {
      settings = structuredClone(next);
    },
    current: () => structuredClone(settings),
  };
}

/** The gateway section that signs in as `inspector` at `gateway` (e.g. a running simulator). */
export function gatewaySettingsFor(
  gateway: { baseUrl: string; caPem: string | null },
  inspector: { agentId: string; phoneNumber: string },
): Settings['gateway'] {
  return {
    url: gateway.baseUrl,
    inspectorId: inspector.agentId,
    phoneNumber: inspector.phoneNumber,
    caPem: gateway.caPem,
    pinSha256: null,
    allowInsecureHttp: false,
    maxAnswerMiB: DEFAULT_MAX_ANSWER_MIB,
  };
}

/** Settings in a JSON file; bad content is kept aside as `<file>.corrupt-<time>`. */
export function createJsonFileSettingsStore(
  filePath: string,
  now: () => number = Date.now,
): SettingsStore {
  return {
    load() {
      let text: string;
      try {
        text = fs.readFileSync(filePath, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT')
          return { settings: createDefaultSettings(), notices: [] };
        return { settings: createDefaultSettings(), notices: [unreadableNotice(error)] };
      }
      try {
        const parsed: unknown = JSON.parse(text);
        // Version 1 lacks only fields normaliseSettings fills with their defaults.
        if (!isRecord(parsed) || (parsed.schemaVersion !== 1 && parsed.schemaVersion !== 2))
          throw new Error('not a settings object of schema version 1 or 2');
        return { settings: normaliseSettings(parsed), notices: [] };
      } catch {
        const aside = `${filePath}.corrupt-${now()}`;
        try {
          fs.renameSync(filePath, aside);
        } catch {
          // Could not move it: defaults still apply; the next save overwrites the bad file.
        }
        return {
          settings: createDefaultSettings(),
          notices: [corruptNotice(path.basename(aside))],
        };
      }
    },
    save(settings) {
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temporary, filePath);
    },
  };
}

/** Fill missing or mistyped fields with defaults (a hand-edited file loses nothing valid). */
function normaliseSettings(input: Record<string, unknown>): Settings {
  const defaults = createDefaultSettings();
  const gateway = isRecord(input.gateway) ? input.gateway : {};
  const alerts = isRecord(input.alerts) ? input.alerts : {};
  const hotkeys = isRecord(input.hotkeys) ? input.hotkeys : {};
  const text = (value: unknown, fallback: string): string =>
    typeof value === 'string' ? value : fallback;
  const textOrNull = (value: unknown): string | null =>
    typeof value === 'string' && value !== '' ? value : null;
  const seconds = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 5 && value <= 86_400
      ? value
      : fallback;
  return {
    schemaVersion: defaults.schemaVersion,
    gateway: {
      url: text(gateway.url, ''),
      inspectorId: text(gateway.inspectorId, ''),
      phoneNumber: text(gateway.phoneNumber, ''),
      caPem: textOrNull(gateway.caPem),
      pinSha256: textOrNull(gateway.pinSha256),
      allowInsecureHttp: gateway.allowInsecureHttp === true,
      maxAnswerMiB:
        typeof gateway.maxAnswerMiB === 'number' &&
        Number.isInteger(gateway.maxAnswerMiB) &&
        gateway.maxAnswerMiB >= MAX_ANSWER_MIB_RANGE.min &&
        gateway.maxAnswerMiB <= MAX_ANSWER_MIB_RANGE.max
          ? gateway.maxAnswerMiB
          : defaults.gateway.maxAnswerMiB,
    },
    // A binding the file lacks gets its default; an explicit null (cleared by the user) stays.
    hotkeys: Object.fromEntries(
      Object.entries(defaults.hotkeys).map(([action, fallback]) => [
        action,
        action in hotkeys ? textOrNull(hotkeys[action]) : fallback,
      ]),
    ) as Settings['hotkeys'],
    alerts: {
      longCallSeconds: seconds(alerts.longCallSeconds, defaults.alerts.longCallSeconds),
      longBusySeconds: seconds(alerts.longBusySeconds, defaults.alerts.longBusySeconds),
      longWrapUpSeconds: seconds(alerts.longWrapUpSeconds, defaults.alerts.longWrapUpSeconds),
      longQueueWaitSeconds: seconds(
        alerts.longQueueWaitSeconds,
        defaults.alerts.longQueueWaitSeconds,
      ),
    },
    language:
      input.language === 'en' || input.language === 'zh-CN' ? input.language : defaults.language,
    theme:
      input.theme === 'system' || input.theme === 'light' || input.theme === 'dark'
        ? input.theme
        : defaults.theme,
    demoMode: typeof input.demoMode === 'boolean' ? input.demoMode : defaults.demoMode,
    confirmDestructive:
      typeof input.confirmDestructive === 'boolean'
        ? input.confirmDestructive
        : defaults.confirmDestructive,
    coaching: normaliseCoaching(input.coaching, defaults.coaching),
    insight: readInsightSettings(input.insight),
  };
}

/** Each coaching field that is valid is kept; a missing or broken one gets its default. */
function normaliseCoaching(value: unknown, defaults: Settings['coaching']): Settings['coaching'] {
  if (!isRecord(value)) return defaults;
  const whole = coachingSettingsSchema.safeParse({ ...defaults, ...value });
  if (whole.success) return whole.data;
  const repaired: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof Settings['coaching']>) {
    const field = coachingSettingsSchema.shape[key].safeParse(value[key]);
    if (field.success) repaired[key] = field.data;
  }
  return repaired as unknown as Settings['coaching'];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function corruptNotice(asideName: string): Notice {
  return {
    level: 'warning',
    message: `The settings file was damaged; it was kept as ${asideName} and defaults are in use.`,
    messageZh: `设置文件已损坏，已另存为 ${asideName}，当前使用默认设置。`,
    retcode: null,
  };
}

function unreadableNotice(error: unknown): Notice {
  const detail = errorMessage(error);
  return {
    level: 'warning',
    message: `The settings file could not be read (${detail}); defaults are in use.`,
    messageZh: '无法读取设置文件，当前使用默认设置。',
    retcode: null,
  };
}
