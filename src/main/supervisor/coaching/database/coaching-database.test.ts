/**
 * The coaching database on a real file: schema migrations (a version-1 file is brought to the
 * current schema with its rows), atomic writes after a change, retention, and the damaged-file
 * path (kept aside byte for byte, a new database started with every row still readable).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCoachingFolder } from '../../../../../test/support/core/coaching-folder';
import { silentLogger } from '../../../node/node-ports';
import type { JournalEntry } from '../../../../shared/domain';
import { CoachingDatabase } from './coaching-database';
import { MIGRATIONS, SCHEMA_VERSION } from './coaching-schema';
import { CoachingStore, STATE_ROWS_MAX } from './coaching-store';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2, 9, 0, 0);
const folder = useCoachingFolder('cc-coaching-db-', NOW);

const open = () =>
  new CoachingDatabase({
    engine: folder.engine,
    filePath: folder.file,
    clock: folder.clock,
    logger: silentLogger,
  });
const aside = () => fs.readdirSync(folder.dir).filter((name) => name.includes('.corrupt-'));

function entry(at: number, action: JournalEntry['action'], target: string | null): JournalEntry {
  return {
    at: new Date(at).toISOString(),
    action,
    target,
    source: 'window',
    modeBefore: 'idle',
    modeAfter: 'idle',
    outcome: 'ok',
    retcode: null,
    message: null,
    durationMs: 12,
  };
}

/** A file at schema version 1 with one row per table, built with the first migration only. */
function writeVersionOneFile(): void {
  const db = new folder.engine.Database();
  db.run(MIGRATIONS[0]!.sql);
  db.run('PRAGMA user_version = 1');
  db.run(
    "INSERT INTO inspections (work_no, call_id, mode, started_at, ended_at) VALUES ('1001', 'c-1', 'listening', ?, ?)",
    [NOW - 60_000, NOW],
  );
  db.run(
    "INSERT INTO agent_states (work_no, state, since, exact, at) VALUES ('1001', 'talking', ?, 1, ?)",
    [NOW - 90_000, NOW - 90_000],
  );
  fs.writeFileSync(folder.file, db.export());
  db.close();
}

describe('coaching database', () => {
  it('creates the current schema in a new file and writes it a moment after a change', async () => {
    const db = open();
    expect(db.version).toBe(SCHEMA_VERSION);
    new CoachingStore(db).recordAction(entry(NOW, 'listen', '1001'));
    expect(fs.existsSync(folder.file)).toBe(false);
    await folder.clock.advance(1_000);
    expect(fs.existsSync(folder.file)).toBe(true);
    const reopened = open();
    expect(new CoachingStore(reopened).newestActionAt()).toBe(NOW);
    db.close();
    reopened.close();
    expect(fs.readdirSync(folder.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('migrates a version-1 file step by step and keeps its rows (origin defaults to manual)', () => {
    writeVersionOneFile();
    const db = open();
    expect(db.version).toBe(SCHEMA_VERSION);
    const store = new CoachingStore(db);
    expect(store.inspection(1)).toEqual({
      id: 1,
      workNo: '1001',
      callId: 'c-1',
      mode: 'listening',
      startedAt: NOW - 60_000,
      endedAt: NOW,
      origin: 'manual',
    });
    expect(
      store.timeline({ workNo: '1001', kinds: ['state'], from: null, to: null, limit: 10 }),
    ).toEqual([
      { kind: 'state', at: NOW - 90_000, state: 'talking', since: NOW - 90_000, exact: true },
    ]);
    // Version 3: a state row is an append (no per-agent index to keep up); the other tables
    // keep theirs.
    const indexesOf = (table: string): string[] =>
      db
        .all<{ name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
          [table],
        )
        .map((row) => row.name);
    expect(indexesOf('agent_states')).toEqual([]);
    expect(indexesOf('scorecards')).toEqual(['scorecards_by_agent']);
    expect(aside()).toEqual([]);
    db.close();
    expect(open().version).toBe(SCHEMA_VERSION);
  });

  it('keeps a file that is not a database aside byte for byte and starts a new one', () => {
    fs.writeFileSync(folder.file, 'definitely not sqlite');
    const db = open();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(aside()).toHaveLength(1);
    expect(fs.readFileSync(path.join(folder.dir, aside()[0]!), 'utf8')).toBe(
      'definitely not sqlite',
    );
    expect(db.notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining(aside()[0]!),
        messageZh: expect.stringContaining('辅导档案数据库'),
      }),
    ]);
    // The file on disk is the new database now, not the damaged one.
    db.close();
    expect(open().notices).toEqual([]);
  });

  it('recovers every row of the undamaged tables from a file with a damaged page', () => {
    const db = open();
    const store = new CoachingStore(db);
    for (let i = 0; i < 40; i += 1) store.recordAction(entry(NOW - i * 1_000, 'listen', '1001'));
    store.recordNote({
      at: NOW,
      content: '请准时休息',
      source: 'window',
      recipients: [{ workNo: '1001', batch: 0, outcome: 'ok', retcode: null, signedIn: true }],
    });
    // Many state rows, so their table spans pages of its own.
    store.recordStates(
      Array.from({ length: 2_000 }, (_, i) => ({
        workNo: String(1001 + (i % 50)),
        state: 'idle',
        since: NOW - i,
        exact: true,
        at: NOW,
      })),
    );
    db.close();
    const bytes = fs.readFileSync(folder.file);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite one page near the end of the file (state rows, written last) with garbage.
    const page = Math.floor(bytes.length / pageSize) - 3;
    bytes.fill(0xa5, page * pageSize, (page + 1) * pageSize);
    fs.writeFileSync(folder.file, bytes);

    const recovered = open();
    expect(aside()).toHaveLength(1);
    expect(recovered.notices[0]?.message).toMatch(/could not be used \(the file is damaged/);
    const kept = new CoachingStore(recovered);
    expect(
      kept.timeline({
        workNo: '1001',
        kinds: ['action', 'note'],
        from: null,
        to: null,
        limit: 100,
      }),
    ).toHaveLength(41);
    const states = recovered.all<{ n: number }>('SELECT count(*) AS n FROM agent_states')[0]!.n;
    expect(states).toBeGreaterThan(1_000);
    expect(states).toBeLessThan(2_000);
    recovered.close();
  });

  it('keeps a file from a newer version aside instead of misreading it', () => {
    const db = new folder.engine.Database();
    db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    fs.writeFileSync(folder.file, db.export());
    const opened = open();
    expect(opened.notices[0]?.message).toContain('newer version');
    expect(aside()).toHaveLength(1);
    opened.close();
  });

  it('retention: deletes actions, notes, inspections and scorecards older than the setting, states after 7 days', () => {
    const db = open();
    const store = new CoachingStore(db);
    store.recordAction(entry(NOW - 91 * DAY, 'listen', '1001'));
    store.recordAction(entry(NOW - 89 * DAY, 'barge', '1001'));
    store.recordStates([
      { workNo: '1001', state: 'rest', since: NOW - 8 * DAY, exact: true, at: NOW - 8 * DAY },
    ]);
    store.recordStates([
      { workNo: '1001', state: 'idle', since: NOW - 6 * DAY, exact: true, at: NOW - 6 * DAY },
    ]);
    const inspection = store.startInspection({
      workNo: '1001',
      callId: null,
      mode: 'listening',
      startedAt: NOW - 95 * DAY,
      origin: 'manual',
    });
    store.saveScorecard({
      inspectionId: inspection,
      workNo: '1001',
      at: NOW - 95 * DAY,
      formId: 'f',
      formName: 'Form',
      maxScore: 5,
      total: 10,
      comment: '',
      items: [],
    });
    // The old action and its agent link, the old state, inspection and scorecard.
    expect(store.purge(NOW, 90)).toBe(5);
    const left = store.timeline({
      workNo: '1001',
      kinds: ['state', 'action', 'inspection', 'scorecard'],
      from: null,
      to: null,
      limit: 100,
    });
    expect(left.map((item) => item.kind)).toEqual(['state', 'action']);
    db.close();
  });

  it(`keeps at most ${STATE_ROWS_MAX.toLocaleString('en')} state rows, dropping the oldest`, () => {
    const db = open();
    db.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${STATE_ROWS_MAX + 5})
       INSERT INTO agent_states (work_no, state, since, exact, at) SELECT '1001', 'idle', i, 1, ? FROM n`,
      [NOW],
    );
    new CoachingStore(db).purge(NOW, 90);
    const [row] = db.all<{ n: number; first: number }>(
      'SELECT count(*) AS n, min(since) AS first FROM agent_states',
    );
    expect(row).toEqual({ n: STATE_ROWS_MAX, first: 6 });
    db.close();
  });

  it('names the timeline columns whichever kinds are asked for (a UNION takes the first part’s names)', () => {
    const db = open();
    const store = new CoachingStore(db);
    store.recordAction(entry(NOW, 'force-rest', '1001'));
    store.recordNote({
      at: NOW + 1,
      content: 'hi',
      source: 'tray',
      recipients: [{ workNo: '1001', batch: 0, outcome: 'ok', retcode: null, signedIn: false }],
    });
    const only = (kinds: Array<'action' | 'note'>) =>
      store.timeline({ workNo: '1001', kinds, from: null, to: null, limit: 10 }).map((e) => e.kind);
    expect(only(['note'])).toEqual(['note']);
    expect(only(['action'])).toEqual(['action']);
    expect(only(['action', 'note'])).toEqual(['note', 'action']);
    db.close();
  });

  it('writes each journalled action once however often it arrives (journal re-import)', () => {
    const db = open();
    const store = new CoachingStore(db);
    const note = entry(NOW, 'note', '1001,1002,1003');
    store.recordAction(note);
    store.recordAction(note);
    expect(db.all('SELECT * FROM actions')).toHaveLength(1);
    expect(
      db
        .all<{ work_no: string }>('SELECT work_no FROM action_agents ORDER BY work_no')
        .map((row) => row.work_no),
    ).toEqual(['1001', '1002', '1003']);
    db.close();
  });

  it('a change made while the file is being written is in the next write, never lost', async () => {
    const db = open();
    const store = new CoachingStore(db);
    for (let i = 0; i < 200; i += 1) {
      store.recordAction(entry(NOW + i, 'listen', String(1001 + (i % 7))));
      if (i % 17 === 0) db.persistNow();
      if (i % 5 === 0) await folder.clock.advance(300);
    }
    db.close();
    expect(open().all('SELECT id FROM actions')).toHaveLength(200);
  });
});
