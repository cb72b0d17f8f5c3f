/**
 * The coaching file's database: SQLite (sql.js, WebAssembly: no native module to rebuild for
 * Electron) held in memory and written to one file atomically — temporary file, fsync, rename —
 * a moment after each change and on close. Opening migrates the schema; a file that is damaged,
 * not a database or from a newer version is kept aside untouched and a new one started, with
 * every row that can still be read carried over (docs/decisions/coaching.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BindParams, Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import type { Notice } from '../../../../shared/domain';
import type { Clock, Logger } from '../../ports';
import { errorMessage } from '../../error-text';
import { MIGRATIONS, SCHEMA_VERSION } from './coaching-schema';
import { salvageRows } from './coaching-salvage';

export type Row = Record<string, SqlValue>;

export interface CoachingDatabaseOptions {
  engine: SqlJsStatic;
  /** The file; null keeps the database in memory only. */
  filePath: string | null;
  clock: Clock;
  logger: Logger;
  /** Write this long after the last change (default 1 s)… */
  persistDelayMs?: number;
  /** …but at the latest this long after the first unsaved change (default 5 s). */
  persistMaxDelayMs?: number;
}

/** Why an existing file was not used. */
type Refusal = { reason: string; reasonZh: string };

export class CoachingDatabase {
  /** Notices from opening (a damaged file kept aside). */
  readonly notices: Notice[] = [];
  private readonly db: Database;
  private dirtySince: number | null = null;
  private timer: unknown = null;
  private closed = false;
  /** Inside transaction(): changes are marked dirty once, at the commit. */
  private inTransaction = false;
  /**
   * Prepared statements by SQL text: the roster writes a row per agent state change, and
   * compiling the same INSERT (plus `last_insert_rowid()`) every time was most of its cost.
   */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly options: CoachingDatabaseOptions) {
    this.db = this.openOrStartClean();
  }

  /** Rows of a query as plain objects. */
  all<T extends Row = Row>(sql: string, params: BindParams = []): T[] {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      const rows: T[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as T);
      return rows;
    } finally {
      statement.free();
    }
  }

  /** Run a change; the file is written shortly after. */
  change(sql: string, params: BindParams = []): void {
    this.statement(sql).run(params);
    if (!this.inTransaction) this.markDirty();
  }

  /** Run a change; the file is written shortly after. Returns the last inserted row id. */
  run(sql: string, params: BindParams = []): number {
    this.change(sql, params);
    const lastId = this.statement('SELECT last_insert_rowid()');
    try {
      return lastId.step() ? Number(lastId.get()[0] ?? 0) : 0;
    } finally {
      lastId.reset();
    }
  }

  /** Several changes that land together or not at all. */
  transaction<T>(work: () => T): T {
    // A transaction inside one joins it (SQLite has no nested BEGIN).
    if (this.inTransaction) return work();
    this.db.run('BEGIN');
    this.inTransaction = true;
    try {
      const result = work();
      this.inTransaction = false;
      this.db.run('COMMIT');
      this.markDirty();
      return result;
    } catch (error) {
      this.inTransaction = false;
      this.db.run('ROLLBACK');
      throw error;
    }
  }

  /** The prepared statement of `sql` (kept for the next time; freed on close). */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // The SQL texts are the store's constants; the bound keeps a mistake from growing it.
      if (this.statements.size >= 128) this.freeStatements();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private freeStatements(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
  }

  /** The schema version of the open database. */
  get version(): number {
    return Number(this.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  /** Write the file now (no-op in memory or when nothing changed). Returns false on failure. */
  persistNow(): boolean {
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.dirtySince === null || this.options.filePath === null) {
      this.dirtySince = null;
      return true;
    }
    try {
      writeAtomically(this.options.filePath, this.db.export());
      this.dirtySince = null;
      return true;
    } catch (error) {
      // Kept dirty: the next change (or close) tries again; nothing in memory is lost.
      this.options.logger.error('coaching database could not be written', {
        error: errorMessage(error),
      });
      return false;
    }
  }

  /** Write what is pending and release the database. */
  close(): void {
    if (this.closed) return;
    this.persistNow();
    this.closed = true;
    this.freeStatements();
    this.db.close();
  }

  private markDirty(): void {
    if (this.closed || this.options.filePath === null) return;
    const { clock } = this.options;
    const now = clock.now();
    this.dirtySince ??= now;
    const delay = this.options.persistDelayMs ?? 1_000;
    const latest = this.dirtySince + (this.options.persistMaxDelayMs ?? 5_000);
    clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(
      () => this.persistNow(),
      Math.max(0, Math.min(delay, latest - now)),
    );
  }

  private openOrStartClean(): Database {
    const { engine, filePath } = this.options;
    const bytes = filePath === null ? null : readIfPresent(filePath);
    if (bytes === null) return this.migrate(new engine.Database());
    let existing: Database | null = null;
    let refusal: Refusal | null;
    try {
      existing = new engine.Database(bytes);
      refusal = checkUsable(existing);
    } catch (error) {
      refusal = {
        reason: `the file is damaged or not a database: ${errorMessage(error)}`,
        reasonZh: `文件已损坏或不是数据库：${errorMessage(error)}`,
      };
    }
    if (existing && refusal === null) {
      try {
        return this.migrate(existing);
      } catch (error) {
        refusal = {
          reason: `migration failed: ${errorMessage(error)}`,
          reasonZh: `迁移失败：${errorMessage(error)}`,
        };
      }
    }
    return this.startClean(filePath as string, bytes, existing, refusal as Refusal);
  }

  /** Keep the unusable file aside, start a new database and carry over what can be read. */
  private startClean(
    filePath: string,
    bytes: Uint8Array,
    existing: Database | null,
    refusal: Refusal,
  ): Database {
    const aside = keepAside(filePath, bytes, this.options.clock.now());
    const fresh = this.migrate(new this.options.engine.Database());
    const recovered = existing ? salvageRows(existing, fresh) : 0;
    existing?.close();
    this.options.logger.warn('coaching database kept aside', {
      aside: path.basename(aside),
      reason: refusal.reason,
      recovered,
    });
    this.notices.push({
      level: 'warning',
      message: `The coaching file database could not be used (${refusal.reason}). It was kept as ${path.basename(aside)}; a new one was started with the ${recovered} records that could be read.`,
      messageZh: `辅导档案数据库无法使用（${refusal.reasonZh}）。原文件已保留为 ${path.basename(aside)}；已新建数据库，并恢复了可读取的 ${recovered} 条记录。`,
      retcode: null,
    });
    this.dirtySince = this.options.clock.now();
    // Written at once: the file on disk must not stay the damaged one.
    try {
      writeAtomically(filePath, fresh.export());
      this.dirtySince = null;
    } catch (error) {
      this.options.logger.error('coaching database could not be written', {
        error: errorMessage(error),
      });
    }
    return fresh;
  }

  private migrate(db: Database): Database {
    db.run('PRAGMA foreign_keys = OFF');
    // The database lives in memory and reaches the disk only as a whole (export, then an
    // atomic file replace), so a rollback journal in sql.js's in-memory file system protects
    // nothing; kept in memory, a commit no longer copies pages into a journal file.
    db.run('PRAGMA journal_mode = MEMORY');
    const from = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
    for (const step of MIGRATIONS) {
      if (step.version <= from) continue;
      db.run('BEGIN');
      try {
        db.run(step.sql);
        db.run(`PRAGMA user_version = ${step.version}`);
        db.run('COMMIT');
      } catch (error) {
        db.run('ROLLBACK');
        throw error;
      }
      if (this.options.filePath !== null) this.dirtySince ??= this.options.clock.now();
    }
    return db;
  }
}

/** Null when the database can be used as it is; else why not. */
function checkUsable(db: Database): Refusal | null {
  const check = db.exec('PRAGMA quick_check')[0]?.values.map((row) => String(row[0])) ?? [];
  if (check.length !== 1 || check[0] !== 'ok')
    return {
      reason: `the file is damaged (${check.slice(0, 2).join('; ') || 'no answer'})`,
      reasonZh: '文件已损坏',
    };
  const version = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  if (version > SCHEMA_VERSION)
    return {
      reason: `it was written by a newer version of CC Inspector (schema ${version})`,
      reasonZh: `它由更新版本的 CC Inspector 写入（架构 ${version}）`,
    };
  return null;
}

function readIfPresent(filePath: string): Uint8Array | null {
  try {
    return fs.readFileSync(filePath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Temporary file in the same folder, fsync, rename: a crash leaves the old or the new file. */
export function writeAtomically(filePath: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, filePath);
}

/** Copy the bytes to `<name>.corrupt-<time>.sqlite` (never over an earlier one); returns the path. */
function keepAside(filePath: string, bytes: Uint8Array, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const base = filePath.replace(/\.sqlite$/, '');
  let candidate = `${base}.corrupt-${stamp}.sqlite`;
  for (let n = 2; fs.existsSync(candidate); n += 1)
    candidate = `${base}.corrupt-${stamp}-${n}.sqlite`;
  fs.writeFileSync(candidate, bytes, { mode: 0o600 });
  return candidate;
}
