/**
 * Fault settings: defaults, validation of a patch (from code or the admin endpoint) and the
 * compact command-line form "latency=50,jitter=10,5xx=0.1,malformed=0.05,drop=0.01,errors=0.1".
 */
import type { FaultSettings } from '../simulator-types';

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  retcodeErrorRate: 0,
  http5xxRate: 0,
  malformedRate: 0,
  dropRate: 0,
  stalled: false,
});

const MAX_DELAY_MS = 600_000;

type NumericFault = Exclude<keyof FaultSettings, 'stalled'>;
const RATE_FIELDS: readonly NumericFault[] = [
  'retcodeErrorRate',
  'http5xxRate',
  'malformedRate',
  'dropRate',
];
const DELAY_FIELDS: readonly NumericFault[] = ['latencyMs', 'jitterMs'];

/** Spec-string keys (short and long forms) to settings fields. */
const SPEC_KEYS: Record<string, keyof FaultSettings> = {
  latency: 'latencyMs',
  latencyms: 'latencyMs',
  jitter: 'jitterMs',
  jitterms: 'jitterMs',
  errors: 'retcodeErrorRate',
  retcodeerrorrate: 'retcodeErrorRate',
  '5xx': 'http5xxRate',
  http5xxrate: 'http5xxRate',
  malformed: 'malformedRate',
  malformedrate: 'malformedRate',
  drop: 'dropRate',
  droprate: 'dropRate',
  stall: 'stalled',
  stalled: 'stalled',
};

/** Check one field value; returns the typed value or throws a clear Error. */
function validateFaultValue(field: keyof FaultSettings, value: unknown): number | boolean {
  if (field === 'stalled') {
    if (typeof value !== 'boolean')
      throw new Error(`Fault 'stalled' must be true or false, got ${JSON.stringify(value)}.`);
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Fault '${field}' must be a finite number, got ${JSON.stringify(value)}.`);
  }
  if (RATE_FIELDS.includes(field) && (value < 0 || value > 1)) {
    throw new Error(`Fault '${field}' is a rate between 0 and 1, got ${value}.`);
  }
  if (DELAY_FIELDS.includes(field) && (value < 0 || value > MAX_DELAY_MS)) {
    throw new Error(`Fault '${field}' is a delay between 0 and ${MAX_DELAY_MS} ms, got ${value}.`);
  }
  return value;
}

/** Validate an untrusted patch object (unknown keys and wrong types are errors). */
export function validateFaultPatch(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('Fault settings must be a JSON object.');
  }
  const patch: Partial<Record<keyof FaultSettings, number | boolean>> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in NO_FAULTS))
      throw new Error(
        `Unknown fault setting '${key}' (known: ${Object.keys(NO_FAULTS).join(', ')}).`,
      );
    const field = key as keyof FaultSettings;
    patch[field] = validateFaultValue(field, value);
  }
  return patch as Partial<FaultSettings>;
}

/** Turn one spec-string value into a number or boolean for its field. */
function parseSpecValue(field: keyof FaultSettings, raw: string): number | boolean {
  if (field === 'stalled') {
    if (raw === 'true' || raw === '1' || raw === 'on') return true;
    if (raw === 'false' || raw === '0' || raw === 'off') return false;
    throw new Error(`Fault 'stalled' must be true/false, got '${raw}'.`);
  }
  if (!/^\d+(\.\d+)?$/.test(raw))
    throw new Error(`Fault '${field}' needs a non-negative number, got '${raw}'.`);
  return validateFaultValue(field, Number(raw));
}

/**
 * Parse "latency=50,jitter=10,5xx=0.1,malformed=0.05,drop=0.01,errors=0.1[,stalled=true]".
 * Throws an Error naming the bad part.
 */
export function parseFaultSpec(spec: string): Partial<FaultSettings> {
  const patch: Partial<Record<keyof FaultSettings, number | boolean>> = {};
  const trimmed = spec.trim();
  if (trimmed === '') return {};
  for (const part of trimmed.split(',')) {
    const pair = part.trim();
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new Error(`Bad fault '${pair}': expected name=value (e.g. latency=50).`);
    const key = pair.slice(0, equals).trim().toLowerCase();
    const field = SPEC_KEYS[key];
    if (!field)
      throw new Error(
        `Unknown fault '${key}' (known: latency, jitter, errors, 5xx, malformed, drop, stalled).`,
      );
    if (field in patch) throw new Error(`Fault '${key}' is given twice.`);
    patch[field] = parseSpecValue(field, pair.slice(equals + 1).trim());
  }
  return patch as Partial<FaultSettings>;
}
