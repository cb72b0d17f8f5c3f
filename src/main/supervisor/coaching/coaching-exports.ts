/**
 * Scorecards from a form and the supervisor's scores (checked against the form), and the
 * exports of scorecards and of an agent's coaching file as CSV (the journal's rules: RFC 4180,
 * CRLF, BOM, formula guard) or JSON. Pure.
 */
import type {
  Scorecard,
  ScorecardForm,
  ScorecardInput,
  TimelineEntry,
} from '../../../shared/coaching';
import { formatCsvCell } from '../journal/journal-export';

/** Why a scorecard does not fit its form; null when it fits. */
export function checkScorecard(form: ScorecardForm, input: ScorecardInput): string | null {
  const ids = input.scores.map((score) => score.itemId);
  if (ids.length !== form.items.length || new Set(ids).size !== ids.length)
    return `the form "${form.name}" has ${form.items.length} items; score each one once`;
  for (const score of input.scores) {
    if (!form.items.some((item) => item.id === score.itemId))
      return `the form "${form.name}" has no item "${score.itemId}"`;
    if (score.score < 0 || score.score > form.maxScore)
      return `a score is from 0 to ${form.maxScore} on the form "${form.name}"`;
  }
  return null;
}

/** The scorecard as kept: item labels copied from the form, so a later form edit changes nothing. */
export function buildScorecard(
  form: ScorecardForm,
  input: ScorecardInput,
  at: number,
): Omit<Scorecard, 'id'> {
  const items = form.items.map((item) => {
    const score = input.scores.find((candidate) => candidate.itemId === item.id)!;
    return { label: item.label, score: score.score, comment: score.comment.trim() };
  });
  return {
    inspectionId: input.inspectionId,
    workNo: input.workNo,
    at,
    formId: form.id,
    formName: form.name,
    maxScore: form.maxScore,
    total: items.reduce((sum, item) => sum + item.score, 0),
    comment: input.comment.trim(),
    items,
  };
}

function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const lines = [header.join(','), ...rows.map((row) => row.map(formatCsvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Scorecards as CSV: one row per item, so a spreadsheet can sum or pivot them. */
export function formatScorecardsCsv(cards: readonly Scorecard[]): string {
  const rows = cards.flatMap((card) =>
    card.items.map((item, index) => [
      card.id,
      iso(card.at),
      card.workNo,
      card.inspectionId,
      card.formName,
      index + 1,
      item.label,
      item.score,
      card.maxScore,
      item.comment,
      card.total,
      card.comment,
    ]),
  );
  return toCsv(
    [
      'scorecard',
      'at',
      'agent',
      'inspection',
      'form',
      'item',
      'label',
      'score',
      'maxScore',
      'itemComment',
      'total',
      'comment',
    ],
    rows,
  );
}

export function formatScorecardsJson(cards: readonly Scorecard[]): string {
  return `${JSON.stringify(
    cards.map((card) => ({ ...card, at: iso(card.at) })),
    null,
    2,
  )}\n`;
}

/** One line of text per timeline entry (what, and the details that matter for it). */
function describeEntry(entry: TimelineEntry): [string, string, string | null] {
  switch (entry.kind) {
    case 'state':
      return [entry.state, entry.exact ? 'exact' : 'observed', iso(entry.since)];
    case 'action':
      return [entry.action, `${entry.outcome} (${entry.source})`, entry.retcode ?? entry.message];
    case 'note':
      return [entry.content, entry.outcome, entry.signedIn ? 'signed in' : 'not signed in'];
    case 'inspection':
      return [entry.mode, entry.origin, iso(entry.endedAt)];
    case 'scorecard':
      return [entry.formName, `${entry.total}`, entry.comment];
  }
}

export function formatTimelineCsv(workNo: string, entries: readonly TimelineEntry[]): string {
  return toCsv(
    ['at', 'agent', 'kind', 'what', 'result', 'detail'],
    entries.map((entry) => [iso(entry.at), workNo, entry.kind, ...describeEntry(entry)]),
  );
}

export function formatTimelineJson(workNo: string, entries: readonly TimelineEntry[]): string {
  return `${JSON.stringify(
    { agent: workNo, entries: entries.map((entry) => ({ ...entry, at: iso(entry.at) })) },
    null,
    2,
  )}\n`;
}

/** `cc-inspector-coaching-1001-2025-06-02.csv`, `cc-inspector-scorecards-2025-06-02.json`. */
export function suggestCoachingExportName(
  what: 'coaching' | 'scorecards',
  workNo: string | null,
  format: 'csv' | 'json',
  now: number,
): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `cc-inspector-${what}${workNo ? `-${workNo}` : ''}-${day}.${format}`;
}
