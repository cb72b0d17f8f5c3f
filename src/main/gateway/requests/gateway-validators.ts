/**
 * Argument checks the client runs before anything reaches the network. Each returns the value
 * in the form the client sends, or throws a GatewayError of kind `invalid-argument` that names
 * the field (never echoing a secret).
 */
import {
  AGENT_ID_PATTERN,
  GATEWAY_BASE_PATH,
  isAgentIdInRange,
  LIMITS,
  PHONE_NUMBER_PATTERN,
} from '../../../shared/gateway-protocol/gateway-paths';
import { GatewayError } from '../gateway-error';

/** Printable ASCII without whitespace, `/`, `\`, `?`, `#`, `%` (path- and header-safe). */
const CALL_ID_PATTERN = /^[\x21-\x7e]{1,64}$/;
const CALL_ID_FORBIDDEN = /[/\\?#%"<>`{}|^]/;

/** The `invalid-argument` GatewayError: refused before the network. */
export function invalidArgument(interfaceName: string, message: string): GatewayError {
  return new GatewayError({ kind: 'invalid-argument', interfaceName, message });
}

function refuse(field: string, interfaceName: string, reason: string): never {
  throw invalidArgument(interfaceName, `Invalid ${field}: ${reason}.`);
}

/** Agent ids for beginmonitor/endmonitor: validated, without repeats, in batches of ≤500. */
export function validateMonitorBatches(workNos: unknown, interfaceName: string): string[][] {
  if (!Array.isArray(workNos))
    throw invalidArgument(interfaceName, 'Invalid agent list: expected a list of agent ids.');
  const unique = [
    ...new Set(workNos.map((workNo: unknown) => validateWorkNo(workNo, 'agent id', interfaceName))),
  ];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += LIMITS.monitorBatch) {
    batches.push(unique.slice(start, start + LIMITS.monitorBatch));
  }
  return batches;
}

/** Skill ids for queryacdstat: validated, without repeats, in batches of ≤100 (cec_07_0411). */
export function validateSkillBatches(skillIds: unknown, interfaceName: string): number[][] {
  if (!Array.isArray(skillIds))
    throw invalidArgument(interfaceName, 'Invalid skill list: expected a list of skill ids.');
  const unique = [
    ...new Set(skillIds.map((id: unknown) => validateSkillId(id, 'skill id', interfaceName))),
  ];
  const batches: number[][] = [];
  for (let start = 0; start < unique.length; start += LIMITS.acdStatBatch) {
    batches.push(unique.slice(start, start + LIMITS.acdStatBatch));
  }
  return batches;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** An agent id (workNo): a digit string 101–999999. */
export function validateWorkNo(
  value: unknown,
  field = 'agent id',
  interfaceName = 'validate',
): string {
  if (typeof value !== 'string')
    refuse(field, interfaceName, `expected a digit string, got ${describeType(value)}`);
  if (!AGENT_ID_PATTERN.test(value))
    refuse(field, interfaceName, 'an agent id is 3 to 6 digits without a leading zero');
  if (!isAgentIdInRange(value)) {
    refuse(field, interfaceName, `an agent id is ${LIMITS.agentIdMin} to ${LIMITS.agentIdMax}`);
  }
  return value;
}

/** A skill queue id: a non-negative safe integer. */
export function validateSkillId(
  value: unknown,
  field = 'skill id',
  interfaceName = 'validate',
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    refuse(field, interfaceName, `expected a non-negative integer, got ${describeType(value)}`);
  }
  return value;
}

/** A call id that goes into a URL path: 1–64 printable characters, nothing that could escape. */
export function validateCallId(
  value: unknown,
  field = 'call id',
  interfaceName = 'validate',
): string {
  if (typeof value !== 'string')
    refuse(field, interfaceName, `expected text, got ${describeType(value)}`);
  if (value.length === 0) refuse(field, interfaceName, 'it is empty');
  if (value.length > 64) refuse(field, interfaceName, 'it is longer than 64 characters');
  if (!CALL_ID_PATTERN.test(value))
    refuse(field, interfaceName, 'it contains whitespace, control or non-ASCII characters');
  if (CALL_ID_FORBIDDEN.test(value))
    refuse(
      field,
      interfaceName,
      'it contains a character that is not allowed in a path (/ \\ ? # % and similar)',
    );
  if (value.includes('..')) refuse(field, interfaceName, 'it contains ".."');
  return value;
}

/** The sign-in password: text of at most 32 characters without control characters. */
export function validatePassword(value: unknown, interfaceName = 'login'): string {
  if (typeof value !== 'string')
    refuse('password', interfaceName, `expected text, got ${describeType(value)}`);
  if (value.length > LIMITS.passwordMaxLength)
    refuse('password', interfaceName, `it is longer than ${LIMITS.passwordMaxLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\x00-\x1f\x7f]/.test(value))
    refuse('password', interfaceName, 'it contains control characters');
  return value;
}

/** The inspector's phone number: 1–24 of digits, `*`, `#`, `+`. */
export function validatePhoneNumber(value: unknown, interfaceName = 'login'): string {
  if (typeof value !== 'string')
    refuse('phone number', interfaceName, `expected text, got ${describeType(value)}`);
  if (!PHONE_NUMBER_PATTERN.test(value))
    refuse('phone number', interfaceName, `use 1 to ${LIMITS.phoneMaxLength} digits, * # or +`);
  return value;
}

/** A positive time limit in milliseconds (at most one hour). */
export function validateTimeoutMs(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 3_600_000) {
    refuse(field, 'configure', 'expected a positive number of milliseconds up to one hour');
  }
  return value;
}

/**
 * The gateway address, normalised to end with `/agentgateway/resource/`. Accepts the bare
 * origin (`https://host:8043`), the origin with a trailing slash, or the full base path.
 */
export function normaliseBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    refuse('gateway address', 'configure', 'expected an http(s) URL');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    refuse('gateway address', 'configure', 'it is not a URL (e.g. https://gateway.example:8043)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse('gateway address', 'configure', 'only http and https are supported');
  if (url.username || url.password)
    refuse('gateway address', 'configure', 'it must not contain a user name or password');
  if (url.search || url.hash)
    refuse('gateway address', 'configure', 'it must not contain a query or fragment');
  let path = url.pathname.replace(/\/+$/, '');
  const base = GATEWAY_BASE_PATH.replace(/\/+$/, '');
  if (!path.endsWith(base)) path = `${path}${base}`;
  return `${url.origin}${path}/`;
}
