/**
 * What the coaching room keeps and asks, as SQL over the coaching database: state changes,
 * journalled actions (mapped to the agents they concern), notes with their receivers,
 * inspections, scorecards; the per-agent timeline; retention.
 */
import type {
  InspectionOrigin,
  InspectionRecord,
  Scorecard,
  TimelineEntry,
  TimelineFilter,
} from '../../../../shared/coaching';
import { COACHING_LIMITS } from '../../../../shared/coaching';
import type { JournalEntry } from '../../../../shared/domain';
import { AGENT_ID_PATTERN } from '../../../../shared/gateway-protocol/gateway-paths';
import type { CoachingDatabase, Row } from './coaching-database';

const DAY_MS = 86_400_000;
/** Newest state changes kept at most (older ones go first): the file stays small to write. */
export const STATE_ROWS_MAX = 300_000;

/** Rows per INSERT of state changes (5 parameters each, far below SQLite's limit of 999). */
const STATE_ROWS_PER_INSERT = 64;

/** The INSERT of `rows` state changes (the same text for the same count: its statement is kept). */
function insertStatesSql(rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO agent_states (work_no, state, since, exact, at) VALUES ${values}`;
}

export interface StateChange {
  workNo: string;
  state: string;
  since: number;
  exact: boolean;
  /** When it was seen (the roster delta that brought it). */
  at: number;
}

export interface NoteRecord {
  at: number;
  content: string;
  source: string;
  recipients: Array<{
    workNo: string;
    batch: number;
    outcome: 'ok' | 'failed';
    retcode: string | null;
    signedIn: boolean;
  }>;
}

/** Agents a journal entry concerns: its target's agent ids (a note names many). */
export function agentsOfJournalEntry(entry: Pick<JournalEntry, 'action' | 'target'>): string[] {
  if (entry.target === null || entry.action === 'request-call') return [];
  return entry.target.split(',').filter((part) => AGENT_ID_PATTERN.test(part));
}

export class CoachingStore {
  constructor(private readonly db: CoachingDatabase) {}

  recordStates(changes: readonly StateChange[]): void {
    if (changes.length === 0) return;
    this.db.transaction(() => {
      // Many rows per statement: a busy center's flush carries dozens of changes, and one
      // statement step per row was most of the cost of keeping them.
      for (let start = 0; start < changes.length; start += STATE_ROWS_PER_INSERT) {
        const end = Math.min(changes.length, start + STATE_ROWS_PER_INSERT);
        const params: Array<string | number> = [];
        for (let index = start; index < end; index += 1) {
          const change = changes[index] as StateChange;
          params.push(change.workNo, change.state, change.since, change.exact ? 1 : 0, change.at);
        }
        this.db.change(insertStatesSql(end - start), params);
      }
    });
  }

  /** One journal entry; a repeat of one already kept (journal re-import) changes nothing. */
  recordAction(entry: JournalEntry): void {
    const at = Date.parse(entry.at);
    if (!Number.isFinite(at)) return;
    this.db.transaction(() => {
      this.db.run(
        `INSERT OR IGNORE INTO actions
           (at, action, target, source, outcome, retcode, message, mode_before, mode_after, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          at,
          entry.action,
          entry.target,
          entry.source,
          entry.outcome,
          entry.retcode,
          entry.message,
          entry.modeBefore,
          entry.modeAfter,
          entry.durationMs,
        ],
      );
      const [row] = this.db.all<{ id: number }>(
        'SELECT id FROM actions WHERE at = ? AND action = ? AND target IS ? AND source = ? AND outcome = ?',
        [at, entry.action, entry.target, entry.source, entry.outcome],
      );
      if (!row) return;
      for (const workNo of agentsOfJournalEntry(entry))
        this.db.run('INSERT OR IGNORE INTO action_agents (action_id, work_no) VALUES (?, ?)', [
          row.id,
          workNo,
        ]);
    });
  }

  /** Time of the newest action kept (journal re-import starts after it). */
  newestActionAt(): number | null {
    const [row] = this.db.all<{ at: number | null }>('SELECT max(at) AS at FROM actions');
    return row?.at ?? null;
  }

  recordNote(note: NoteRecord): number {
    return this.db.transaction(() => {
      const id = this.db.run('INSERT INTO notes (at, content, source) VALUES (?, ?, ?)', [
        note.at,
        note.content,
        note.source,
      ]);
      for (const r of note.recipients)
        this.db.run(
          `INSERT OR REPLACE INTO note_recipients (note_id, work_no, batch, outcome, retcode, signed_in)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [id, r.workNo, r.batch, r.outcome, r.retcode, r.signedIn ? 1 : 0],
        );
      return id;
    });
  }

  startInspection(record: Omit<InspectionRecord, 'id' | 'endedAt'>): number {
    return this.db.run(
      'INSERT INTO inspections (work_no, call_id, mode, started_at, origin) VALUES (?, ?, ?, ?, ?)',
      [record.workNo, record.callId, record.mode, record.startedAt, record.origin],
    );
  }

  endInspection(id: number, endedAt: number): InspectionRecord | null {
    this.db.run('UPDATE inspections SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [
      endedAt,
      id,
    ]);
    return this.inspection(id);
  }

  inspection(id: number): InspectionRecord | null {
    const [row] = this.db.all('SELECT * FROM inspections WHERE id = ?', [id]);
    return row ? toInspection(row) : null;
  }

  /** Agents inspected (any origin) since `since`. */
  inspectedSince(since: number): Set<string> {
    const rows = this.db.all<{ work_no: string }>(
      'SELECT DISTINCT work_no FROM inspections WHERE started_at >= ?',
      [since],
    );
    return new Set(rows.map((row) => row.work_no));
  }

  saveScorecard(card: Omit<Scorecard, 'id'>): number {
    return this.db.run(
      `INSERT INTO scorecards
         (inspection_id, work_no, at, form_id, form_name, max_score, total, comment, items)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        card.inspectionId,
        card.workNo,
        card.at,
        card.formId,
        card.formName,
        card.maxScore,
        card.total,
        card.comment,
        JSON.stringify(card.items),
      ],
    );
  }

  /** Scorecards, newest first; of one agent when `workNo` is given. */
  listScorecards(workNo: string | null, from: number | null, limit = 10_000): Scorecard[] {
    return this.db
      .all(
        `SELECT * FROM scorecards WHERE (? IS NULL OR work_no = ?) AND at >= ?
         ORDER BY at DESC, id DESC LIMIT ?`,
        [workNo, workNo, from ?? 0, limit],
      )
      .map(toScorecard);
  }

  /** One agent's coaching file: every kind asked for, newest first, in one query. */
  timeline(filter: TimelineFilter): TimelineEntry[] {
    const parts: string[] = [];
    const params: Array<string | number> = [];
    const window = (column: string): string => `${column} >= ? AND ${column} <= ?`;
    const range = [filter.from ?? 0, filter.to ?? Number.MAX_SAFE_INTEGER];
    const add = (sql: string): void => {
      parts.push(sql);
      params.push(filter.workNo, ...range);
    };
    const kinds = new Set(filter.kinds);
    if (kinds.has('state'))
      add(`SELECT 'state' AS kind, at, state AS a, since AS b, exact AS c, NULL AS d, NULL AS e, NULL AS f
           FROM agent_states WHERE work_no = ? AND ${window('at')}`);
    // Every part names its columns: a UNION takes its names from whichever part comes first.
    if (kinds.has('action'))
      add(`SELECT 'action' AS kind, x.at AS at, x.action AS a, x.source AS b, x.outcome AS c,
             x.retcode AS d, x.message AS e, NULL AS f
           FROM actions x JOIN action_agents g ON g.action_id = x.id
           WHERE g.work_no = ? AND ${window('x.at')}`);
    if (kinds.has('note'))
      add(`SELECT 'note' AS kind, n.at AS at, n.content AS a, r.outcome AS b, r.signed_in AS c,
             NULL AS d, NULL AS e, NULL AS f
           FROM notes n JOIN note_recipients r ON r.note_id = n.id
           WHERE r.work_no = ? AND ${window('n.at')}`);
    if (kinds.has('inspection'))
      add(`SELECT 'inspection' AS kind, started_at AS at, mode AS a, ended_at AS b, call_id AS c,
             origin AS d, NULL AS e, NULL AS f
           FROM inspections WHERE work_no = ? AND ${window('started_at')}`);
    if (kinds.has('scorecard'))
      add(`SELECT 'scorecard' AS kind, at, form_name AS a, total AS b, max_score AS c,
             comment AS d, id AS e, NULL AS f
           FROM scorecards WHERE work_no = ? AND ${window('at')}`);
    if (parts.length === 0) return [];
    const rows = this.db.all(`${parts.join(' UNION ALL ')} ORDER BY at DESC LIMIT ?`, [
      ...params,
      filter.limit,
    ]);
    return rows.map(toTimelineEntry);
  }

  /** Delete what is older than the retention (state changes: 7 days at most); returns rows deleted. */
  purge(now: number, retentionDays: number): number {
    const cutoff = now - retentionDays * DAY_MS;
    const stateCutoff = now - Math.min(retentionDays, COACHING_LIMITS.stateRetentionDays) * DAY_MS;
    return this.db.transaction(() => {
      let deleted = 0;
      const count = (sql: string, params: Array<number>): void => {
        this.db.run(sql, params);
        deleted += Number(this.db.all<{ n: number }>('SELECT changes() AS n')[0]?.n ?? 0);
      };
      count('DELETE FROM agent_states WHERE at < ?', [stateCutoff]);
      count(
        `DELETE FROM agent_states WHERE id <= (SELECT id FROM agent_states ORDER BY id DESC LIMIT 1 OFFSET ?)`,
        [STATE_ROWS_MAX],
      );
      count('DELETE FROM action_agents WHERE action_id IN (SELECT id FROM actions WHERE at < ?)', [
        cutoff,
      ]);
      count('DELETE FROM actions WHERE at < ?', [cutoff]);
      count('DELETE FROM note_recipients WHERE note_id IN (SELECT id FROM notes WHERE at < ?)', [
        cutoff,
      ]);
      count('DELETE FROM notes WHERE at < ?', [cutoff]);
      count('DELETE FROM scorecards WHERE at < ?', [cutoff]);
      count('DELETE FROM inspections WHERE started_at < ?', [cutoff]);
      return deleted;
    });
  }
}

function toInspection(row: Row): InspectionRecord {
  return {
    id: Number(row.id),
    workNo: String(row.work_no),
    callId: row.call_id === null ? null : String(row.call_id),
    mode: String(row.mode),
    startedAt: Number(row.started_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    origin: String(row.origin) as InspectionOrigin,
  };
}

function toScorecard(row: Row): Scorecard {
  let items: Scorecard['items'] = [];
  try {
    items = JSON.parse(String(row.items)) as Scorecard['items'];
  } catch {
    // A damaged items column still leaves the total and the comment.
  }
  return {
    id: Number(row.id),
    inspectionId: row.inspection_id === null ? null : Number(row.inspection_id),
    workNo: String(row.work_no),
    at: Number(row.at),
    formId: String(row.form_id),
    formName: String(row.form_name),
    maxScore: Number(row.max_score),
    total: Number(row.total),
    comment: String(row.comment),
    items,
  };
}

const text = (value: unknown): string | null => (value === null ? null : String(value));

function toTimelineEntry(row: Row): TimelineEntry {
  const at = Number(row.at);
  switch (row.kind) {
    case 'state':
      return { kind: 'state', at, state: String(row.a), since: Number(row.b), exact: row.c === 1 };
    case 'action':
      return {
        kind: 'action',
        at,
        action: String(row.a),
        source: String(row.b),
        outcome: String(row.c),
        retcode: text(row.d),
        message: text(row.e),
      };
    case 'note':
      return {
        kind: 'note',
        at,
        content: String(row.a),
        outcome: String(row.b),
        signedIn: row.c === 1,
      };
    case 'inspection':
      return {
        kind: 'inspection',
        at,
        mode: String(row.a),
        endedAt: row.b === null ? null : Number(row.b),
        callId: text(row.c),
        origin: String(row.d) as InspectionOrigin,
      };
    default:
      return {
        kind: 'scorecard',
        at,
        formName: String(row.a),
        total: Number(row.b),
        maxScore: Number(row.c),
        comment: String(row.d),
        id: Number(row.e),
      };
  }
}
