/**
 * Audit journal exports: CSV (RFC 4180 quoting, CRLF, UTF-8 BOM for spreadsheet apps, and a
 * guard against formula injection) and JSON. Pure.
 */
import type { JournalEntry } from '../../../shared/domain';

const COLUMNS = [
  'at',
  'action',
  'target',
  'source',
  'modeBefore',
  'modeAfter',
  'outcome',
  'retcode',
  'message',
  'durationMs',
] as const satisfies readonly (keyof JournalEntry)[];

// Cells starting with these are run as formulas by spreadsheet apps (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: text that could start a formula gets a leading apostrophe; quoted when needed. */
export function formatCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim()
    ? `"${guarded.replace(/"/g, '""')}"`
    : guarded;
}

/** The journal as CSV text with a header row. */
export function formatJournalCsv(entries: readonly JournalEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of entries)
    lines.push(COLUMNS.map((column) => formatCsvCell(entry[column])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The journal as a pretty JSON array. */
export function formatJournalJson(entries: readonly JournalEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** A file name for an export, e.g. `cc-inspector-journal-2025-01-31.csv`. */
export function suggestExportName(format: 'csv' | 'json', now: number): string {
  return `cc-inspector-journal-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
