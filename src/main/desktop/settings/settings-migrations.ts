/**
 * Settings migrations, keyed by the schemaVersion they upgrade FROM. Each takes the parsed
 * document of that version and returns the next version's document. A file is migrated step
 * by step up to the current version before it is validated.
 */
import { SETTINGS_SCHEMA_VERSION } from '../../../shared/settings-defaults';

type JsonObject = Record<string, unknown>;
export type SettingsMigration = (document: JsonObject) => JsonObject;

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SETTINGS_MIGRATIONS: Readonly<Record<number, SettingsMigration>> = {
  // Version 0: files written by pre-release builds, before the field existed. Same layout.
  0: (document) => ({ ...document, schemaVersion: 1 }),
  // Version 1 → 2: the gateway gains the plain-HTTP opt-in (off: an http address saved before
  // is refused until the person opts in) and the answer size cap.
  1: (document) => ({
    ...document,
    schemaVersion: 2,
    gateway: isPlainObject(document.gateway)
      ? { allowInsecureHttp: false, maxAnswerMiB: 8, ...document.gateway }
      : document.gateway,
  }),
  // Sections added without a step of their own — `insight` (issue 11), `coaching` and the
  // `stop-follow` hotkey (issue 12) — are whole new keys: the store fills them from the
  // defaults after migrating (fillMissingDefaults), so a v2 file written before them loads too.
};

export type MigrationOutcome =
  | { kind: 'current'; document: JsonObject }
  | { kind: 'migrated'; document: JsonObject; from: number }
  | { kind: 'newer'; version: number }
  | { kind: 'unmigratable'; version: number; reason: string };

/** Bring a parsed settings document up to `target` (default: the current schemaVersion). */
export function migrateSettingsDocument(
  document: JsonObject,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
  target: number = SETTINGS_SCHEMA_VERSION,
): MigrationOutcome {
  const declared = document.schemaVersion;
  const from = declared === undefined ? 0 : declared;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { kind: 'unmigratable', version: NaN, reason: 'schemaVersion is not a whole number' };
  }
  if (from > target) return { kind: 'newer', version: from };
  let current = document;
  for (let version = from; version < target; version += 1) {
    const step = migrations[version];
    if (!step)
      return { kind: 'unmigratable', version, reason: `no migration from version ${version}` };
    const next = step(structuredClone(current));
    if (!isPlainObject(next) || next.schemaVersion !== version + 1) {
      return {
        kind: 'unmigratable',
        version,
        reason: `migration from version ${version} did not produce version ${version + 1}`,
      };
    }
    current = next;
  }
  return from === target
    ? { kind: 'current', document: current }
    : { kind: 'migrated', document: current, from };
}

/**
 * `document` with every key it lacks taken from `defaults`, recursively into plain objects.
 * Present values (even wrong ones) are kept, so validation still sees them.
 */
export function fillMissingDefaults(document: JsonObject, defaults: JsonObject): JsonObject {
  const filled: JsonObject = { ...document };
  for (const [key, fallback] of Object.entries(defaults)) {
    const present = filled[key];
    if (present === undefined) filled[key] = structuredClone(fallback);
    else if (isPlainObject(present) && isPlainObject(fallback))
      filled[key] = fillMissingDefaults(present, fallback);
  }
  return filled;
}
