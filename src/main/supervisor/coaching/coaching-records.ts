/**
 * The coaching room's records: the database opened in the background (the SQLite engine loads
 * asynchronously), everything recorded before it is open kept in order and written once it is,
 * the journal re-imported (every journalled action lands in the file, even after a damaged file
 * was started anew), retention applied at opening and once a day.
 */
import type { SqlJsStatic } from 'sql.js';
import type { JournalEntry, Notice } from '../../../shared/domain';
import type { Clock, Logger } from '../ports';
import { errorMessage } from '../error-text';
import { CoachingDatabase } from './database/coaching-database';
import { CoachingStore, type StateChange } from './database/coaching-store';

const DAY_MS = 86_400_000;
/**
 * Agent state changes wait at most this long and are then written together: a busy center
 * brings a roster delta every 50 ms, and one transaction per delta cost more than its rows.
 * Anything that reads the records writes them first; the file itself is written 1–5 s after a
 * change anyway, so waiting loses nothing a crash would not.
 */
export const STATE_WRITE_DELAY_MS = 1_000;
/** …or sooner, once this many wait (a burst keeps its memory bounded; still one transaction). */
export const STATE_WRITE_MAX_WAITING = 4_096;

export interface CoachingRecordsDeps {
  clock: Clock;
  logger: Logger;
  /** Where the file lives and how the engine loads; null: no coaching file here. */
  database: { filePath: string | null; loadEngine(): Promise<SqlJsStatic> } | null;
  retentionDays(): number;
  /** The audit journal, oldest first (re-imported on opening). */
  readJournal(): JournalEntry[];
  notice(notice: Notice): void;
  onOpened(): void;
}

export class CoachingRecords {
  private store: CoachingStore | null = null;
  private db: CoachingDatabase | null = null;
  private pending: Array<(store: CoachingStore) => void> = [];
  private waitingStates: StateChange[] = [];
  private statesTimer: unknown = null;
  private purgeTimer: unknown = null;
  private failed = false;
  private closed = false;

  constructor(private readonly deps: CoachingRecordsDeps) {}

  /** The store once open (null before, or when there is no coaching file here), up to date. */
  get current(): CoachingStore | null {
    if (this.store) this.writeWaitingStates();
    return this.store;
  }

  get available(): boolean {
    return this.store !== null;
  }

  /** Open the file; what was recorded meanwhile is written in order. Never throws. */
  async open(): Promise<void> {
    const { database, logger } = this.deps;
    if (database === null) return;
    try {
      const engine = await database.loadEngine();
      if (this.closed) return;
      this.db = new CoachingDatabase({
        engine,
        filePath: database.filePath,
        clock: this.deps.clock,
        logger,
      });
      const store = new CoachingStore(this.db);
      const startedClean = this.db.notices.length > 0;
      for (const notice of this.db.notices) this.deps.notice(notice);
      this.reimportJournal(store, startedClean);
      for (const write of this.pending.splice(0)) this.apply(store, write);
      this.store = store;
      this.purge();
      this.deps.onOpened();
    } catch (error) {
      this.failed = true;
      this.pending = [];
      logger.error('coaching file could not be opened', { error: errorMessage(error) });
      this.deps.notice({
        level: 'error',
        message: `The coaching file could not be opened: ${errorMessage(error)}`,
        messageZh: `无法打开辅导档案：${errorMessage(error)}`,
        retcode: null,
      });
    }
  }

  /** Whether records are kept: a coaching file here, neither failed nor closed. */
  private get accepting(): boolean {
    return !this.closed && !this.failed && this.deps.database !== null;
  }

  /** Record now when open, else as soon as the file is open. */
  write(work: (store: CoachingStore) => void): void {
    if (!this.accepting) return;
    if (this.store) this.apply(this.store, work);
    else this.pending.push(work);
  }

  /** Agent state changes, written together within STATE_WRITE_DELAY_MS. */
  recordStates(changes: readonly StateChange[]): void {
    // Not buffered where they would be dropped anyway (closed, failed, no coaching file).
    if (changes.length === 0 || !this.accepting) return;
    for (const change of changes) this.waitingStates.push(change);
    if (this.waitingStates.length >= STATE_WRITE_MAX_WAITING) {
      this.writeWaitingStates();
      return;
    }
    this.statesTimer ??= this.deps.clock.setTimeout(
      () => this.writeWaitingStates(),
      STATE_WRITE_DELAY_MS,
    );
  }

  /** Delete what the retention no longer keeps; again in a day. */
  purge(): void {
    this.deps.clock.clearTimeout(this.purgeTimer);
    this.purgeTimer = this.deps.clock.setTimeout(() => this.purge(), DAY_MS);
    if (!this.store) return;
    this.writeWaitingStates();
    try {
      const deleted = this.store.purge(this.deps.clock.now(), this.deps.retentionDays());
      if (deleted > 0)
        this.deps.logger.info('coaching records past retention deleted', { deleted });
    } catch (error) {
      this.deps.logger.error('coaching retention failed', { error: errorMessage(error) });
    }
  }

  close(): void {
    this.writeWaitingStates();
    this.closed = true;
    this.deps.clock.clearTimeout(this.purgeTimer);
    this.db?.close();
    this.db = null;
    this.store = null;
  }

  /** The waiting state changes, in one transaction (in order after earlier writes). */
  private writeWaitingStates(): void {
    this.deps.clock.clearTimeout(this.statesTimer);
    this.statesTimer = null;
    if (this.waitingStates.length === 0) return;
    const changes = this.waitingStates;
    this.waitingStates = [];
    this.write((store) => store.recordStates(changes));
  }

  private apply(store: CoachingStore, work: (store: CoachingStore) => void): void {
    try {
      work(store);
    } catch (error) {
      this.deps.logger.error('coaching record failed', { error: errorMessage(error) });
    }
  }

  /** Journal entries the file lacks: all within retention after a clean start, else the newer ones. */
  private reimportJournal(store: CoachingStore, everything: boolean): void {
    let entries: JournalEntry[];
    try {
      entries = this.deps.readJournal();
    } catch (error) {
      this.deps.logger.warn('journal could not be re-read', { error: errorMessage(error) });
      return;
    }
    const keepFrom = this.deps.clock.now() - this.deps.retentionDays() * DAY_MS;
    const newest = everything ? null : store.newestActionAt();
    const from = Math.max(keepFrom, newest ?? Number.NEGATIVE_INFINITY);
    const missing = entries.filter((entry) => {
      const at = Date.parse(entry.at);
      return Number.isFinite(at) && (newest === null ? at >= from : at >= from);
    });
    for (const entry of missing) this.apply(store, (s) => s.recordAction(entry));
  }
}
