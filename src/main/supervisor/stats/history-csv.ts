/**
 * The shift's history as CSV: one row per sample and series (the center, then each skill),
 * ISO time, the series, and every history field; empty cells where nothing was known. Text
 * cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
 */
import { HISTORY_FIELDS } from '../../../shared/insight';
import { CENTER_KEY, type HistoryRing } from './history-ring';

const HEADER = ['time', 'scope', 'skill_id', 'skill_name', ...HISTORY_FIELDS];

/** The whole ring as CSV text (header first, CRLF line ends as RFC 4180 asks). */
export function formatHistoryCsv(ring: HistoryRing): { text: string; rows: number } {
  const lines = [HEADER.join(',')];
  for (const sample of ring.samples()) {
    const keys = [...sample.values.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const values = sample.values.get(key) ?? [];
      const center = key === CENTER_KEY;
      lines.push(
        [
          new Date(sample.at).toISOString(),
          center ? 'center' : 'skill',
          center ? '' : String(key),
          csvText(center ? '' : ring.nameOf(key)),
          ...values.map((value) => (value === null ? '' : String(value))),
        ].join(','),
      );
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}

/** A text cell: quoted when needed, formula-looking text defused. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A file name for the export: `cc-inspector-shift-2025-01-31T09-00.csv`. */
export function suggestHistoryName(now: number): string {
  return `cc-inspector-shift-${new Date(now).toISOString().slice(0, 16).replace(/:/g, '-')}.csv`;
}
