/**
 * Typed readers for fields of gateway JSON. A wrong type becomes a GatewayError of kind
 * `malformed` that says which field was wrong and what it held (its type, never its value).
 * The location is kept in a reusable cursor so a 10,000-row list decodes without building a
 * path string per field.
 */
import { GatewayError } from '../gateway-error';

export type JsonRecord = Record<string, unknown>;

/**
 * Bounds on what one answer may hold, besides the transport's byte cap: a list longer than the
 * biggest contact center (agent ids stop at 999999, real sites far below) or a text field longer
 * than any name, number or id is a broken or hostile gateway, refused as `malformed` before it
 * reaches the roster, the tray or a notification.
 */
export const DECODE_LIMITS = Object.freeze({ listItems: 100_000, textLength: 1024 });

/** Where a reader is: `result`, or `result[index]` while walking a list. */
export interface FieldCursor {
  readonly interfaceName: string;
  readonly path: string;
  /** -1 outside lists. */
  index: number;
}

export function createCursor(interfaceName: string, path: string): FieldCursor {
  return { interfaceName, path, index: -1 };
}

function locate(cursor: FieldCursor, key?: string): string {
  const base = cursor.index >= 0 ? `${cursor.path}[${cursor.index}]` : cursor.path;
  return key === undefined ? base : `${base}.${key}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'string' && value.length > DECODE_LIMITS.textLength)
    return `text of ${value.length} characters`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Throws the `malformed` error for a field. */
export function rejectField(
  cursor: FieldCursor,
  key: string | undefined,
  expected: string,
  value: unknown,
): never {
  throw new GatewayError({
    kind: 'malformed',
    interfaceName: cursor.interfaceName,
    message: `The gateway's answer to ${cursor.interfaceName} is malformed: ${locate(cursor, key)} should be ${expected} but is ${describeType(value)}.`,
  });
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or a malformed error. */
export function expectRecord(value: unknown, cursor: FieldCursor, key?: string): JsonRecord {
  if (!isRecord(value)) rejectField(cursor, key, 'an object', value);
  return value;
}

/** The value as a list; `null` counts as an empty list (how Java serialises an absent list). */
export function expectList(value: unknown, cursor: FieldCursor, key?: string): readonly unknown[] {
  if (value === null) return [];
  if (!Array.isArray(value)) rejectField(cursor, key, 'a list', value);
  if (value.length > DECODE_LIMITS.listItems)
    rejectField(cursor, key, `a list of at most ${DECODE_LIMITS.listItems} items`, value);
  return value;
}

type FieldReader<T> = (record: JsonRecord, key: string, cursor: FieldCursor) => T;

/** What the gateway sends for "no value": absent, null or ''. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The optional form of a reader: a blank field reads as null, anything else as `read` says. */
function optional<T>(read: FieldReader<T>): FieldReader<T | null> {
  return (record, key, cursor) => (isBlank(record[key]) ? null : read(record, key, cursor));
}

/** A required text field. */
function readString(record: JsonRecord, key: string, cursor: FieldCursor): string {
  const value = record[key];
  if (typeof value !== 'string') rejectField(cursor, key, 'text', value);
  if (value.length > DECODE_LIMITS.textLength) rejectField(cursor, key, SHORT_TEXT, value);
  return value;
}

const SHORT_TEXT = `text of at most ${DECODE_LIMITS.textLength} characters`;

/**
 * A code or identifier the gateway sends as a string (`status`, `workno`). An integer is
 * accepted and turned into its decimal string, since some gateway builds send numbers.
 */
export function readCode(record: JsonRecord, key: string, cursor: FieldCursor): string {
  const value = record[key];
  if (typeof value === 'string')
    return value.length > DECODE_LIMITS.textLength
      ? rejectField(cursor, key, SHORT_TEXT, value)
      : value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return rejectField(cursor, key, 'a code (text or integer)', value);
}

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A required number, sent as a number or as numeric text (`"1471585949806"`). */
export function readNumber(record: JsonRecord, key: string, cursor: FieldCursor): number {
  const value = record[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  return rejectField(cursor, key, 'a number', value);
}

/** A flag sent as a boolean or as `"true"` / `"false"`. */
function readBoolean(record: JsonRecord, key: string, cursor: FieldCursor): boolean {
  const value = record[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return rejectField(cursor, key, 'true or false', value);
}

/** An optional text field: absent, null or '' → null. */
export const readOptionalString: FieldReader<string | null> = optional(readString);

/** Like readCode, but absent, null or '' → null. */
export const readOptionalCode: FieldReader<string | null> = optional(readCode);

/** Like readNumber, but absent, null or '' → null. */
export const readOptionalNumber: FieldReader<number | null> = optional(readNumber);

/** A boolean flag (or its text); absent, null or '' → null. */
export const readOptionalBoolean: FieldReader<boolean | null> = optional(readBoolean);

/** Throws the `malformed` error when the envelope has no `result` at all. */
export function requireResult(result: unknown, cursor: FieldCursor): unknown {
  if (result === undefined) rejectField(cursor, undefined, 'present', result);
  return result;
}

/**
 * Decodes a list whose items are objects, one row each; the cursor points at the row being
 * read, so an error names `path[index].field`. `null` is an empty list.
 */
export function decodeRecordList<T>(
  value: unknown,
  cursor: FieldCursor,
  decodeRow: (item: JsonRecord, cursor: FieldCursor) => T,
): T[] {
  const items = expectList(value, cursor);
  const rows = new Array<T>(items.length);
  for (let index = 0; index < items.length; index++) {
    cursor.index = index;
    rows[index] = decodeRow(expectRecord(items[index], cursor), cursor);
  }
  cursor.index = -1;
  return rows;
}

/** A `result` that must be present and is a list of rows (the list interfaces). */
export function decodeResultList<T>(
  result: unknown,
  interfaceName: string,
  decodeRow: (item: JsonRecord, cursor: FieldCursor) => T,
): T[] {
  const cursor = createCursor(interfaceName, 'result');
  return decodeRecordList(requireResult(result, cursor), cursor, decodeRow);
}

/** The first key of `keys` present in the record (for fields whose spelling varies). */
export function pickKey(record: JsonRecord, keys: readonly string[]): string {
  for (const key of keys) if (record[key] !== undefined) return key;
  return keys[0] ?? '';
}
