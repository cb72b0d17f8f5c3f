/**
 * What a benchmark figure yields and how the suite reports it: one row per measured figure,
 * a plain-text table for the console and BENCHMARKS.md, and the JSON file with the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MachineDescription } from './machine';
import { round } from './stats';

/** `context`: shown for what it explains, not judged against the target. */
export type Verdict = 'pass' | 'miss' | 'not measured' | 'context';

export interface FigureRow {
  /** Short id, e.g. `2a`. */
  id: string;
  figure: string;
  unit: string;
  /** Our value; NaN when it could not be measured (see `note`). */
  ours: number;
  /** The baseline's value in the same run, or null when the figure has none. */
  baseline: number | null;
  /** What the baseline is, in a few words. */
  baselineLabel: string;
  target: number;
  /** Whether the target applies to our value or to ours ÷ baseline. */
  targetOn: 'ours' | 'ratio';
  /** A second target on ours ÷ baseline that must hold as well (a figure judged on both). */
  ratioTarget?: number;
  /** Ours ÷ baseline when the figure computes it otherwise (e.g. a median of per-round ratios). */
  ratio?: number;
  /** Set for a row that is context, not a verdict (the target does not apply to it); says why. */
  context?: string;
  /** Everything else worth keeping (percentiles, sample counts, modes). */
  details: Record<string, unknown>;
  note?: string;
}

export interface ReportedRow extends Omit<FigureRow, 'ratio'> {
  ratio: number | null;
  verdict: Verdict;
}

export interface BenchReport {
  mode: 'quick' | 'full';
  machine: MachineDescription;
  durationSeconds: number;
  rows: ReportedRow[];
}

/** Ratio and verdict of a figure row. */
export function judgeRow(row: FigureRow): ReportedRow {
  const ratio =
    row.ratio ??
    (row.baseline !== null &&
    Number.isFinite(row.baseline) &&
    row.baseline > 0 &&
    Number.isFinite(row.ours)
      ? row.ours / row.baseline
      : null);
  const judged = row.targetOn === 'ratio' ? ratio : row.ours;
  let verdict: Verdict = 'not measured';
  if (row.context !== undefined) verdict = 'context';
  else if (judged !== null && Number.isFinite(judged)) {
    verdict = judged <= row.target ? 'pass' : 'miss';
    if (row.ratioTarget !== undefined)
      verdict =
        ratio === null || !Number.isFinite(ratio)
          ? 'not measured'
          : verdict === 'pass' && ratio <= row.ratioTarget
            ? 'pass'
            : 'miss';
  }
  return { ...row, ratio, verdict };
}

function formatNumber(value: number | null, unit = ''): string {
  if (value === null) return '—';
  if (value === Number.POSITIVE_INFINITY) return 'never';
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const text =
    abs >= 100
      ? value.toFixed(0)
      : abs >= 10
        ? value.toFixed(1)
        : abs >= 1
          ? value.toFixed(2)
          : value.toFixed(3);
  return unit ? `${text} ${unit}` : text;
}

/** The rows as a Markdown table (also readable on a console). */
export function formatTable(rows: readonly ReportedRow[]): string {
  const header = ['#', 'figure', 'ours', 'baseline', 'ratio', 'target', 'verdict'];
  const lines = rows.map((row) => [
    row.id,
    row.figure,
    formatNumber(row.ours, row.unit),
    row.baseline === null ? '—' : `${formatNumber(row.baseline, row.unit)} (${row.baselineLabel})`,
    row.ratio === null ? '—' : `${formatNumber(row.ratio)}×`,
    row.verdict === 'context'
      ? '—'
      : row.targetOn === 'ratio'
        ? `≤ ${row.target}×`
        : `≤ ${formatNumber(row.target, row.unit)}` +
          (row.ratioTarget === undefined ? '' : ` and ≤ ${row.ratioTarget}×`),
    row.verdict === 'miss' ? '**MISS**' : row.verdict,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

/** Notes of rows that have one, one line each. */
export function formatNotes(rows: readonly ReportedRow[]): string {
  return rows
    .filter((row) => row.note)
    .map((row) => `- ${row.id}: ${row.note}`)
    .join('\n');
}

/** Numbers rounded for the JSON file (NaN becomes null, which JSON can hold). */
function toJsonValue(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? round(value)
      : value === Number.POSITIVE_INFINITY
        ? 'Infinity'
        : null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, toJsonValue(inner)]),
    );
  }
  return value;
}

/** Write the report as JSON (creating the folder when needed). */
export function writeReport(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(toJsonValue(report), null, 2)}\n`);
}
