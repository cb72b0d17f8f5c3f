/**
 * The audit journal: one JSON line per supervisor action in `journalDir/journal.jsonl`.
 * Each line is written with one `writeSync` on an append-mode descriptor and then fsynced, so a
 * crash loses at most the line being written; a torn last line is skipped on read and
 * terminated before the next append so it cannot swallow the next entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JournalEntry, Notice } from '../../../shared/domain';
import { SUPERVISOR_ACTIONS } from '../../../shared/inspection-vocabulary';
import { COACHING_ACTIONS } from '../../../shared/coaching';
import type { Logger } from '../ports';

export const JOURNAL_FILE_NAME = 'journal.jsonl';

/** What the supervisor is told when an entry could not be written. */
export const JOURNAL_FAILURE_NOTICE: Readonly<Notice> = Object.freeze({
  level: 'error',
  message: 'The audit journal could not be written (disk full or not writable).',
  messageZh: '审计日志写入失败（磁盘已满或不可写）。',
  retcode: null,
});
const TAIL_CHUNK_BYTES = 64 * 1024;

/** Every action a journal line may name: the supervisor's and coaching actions, sign-in/out. */
const ACTIONS: ReadonlySet<string> = new Set([
  ...SUPERVISOR_ACTIONS,
  ...COACHING_ACTIONS,
  'sign-in',
  'sign-out',
]);

/** Appends and reads the audit journal file. */
export class AuditJournal {
  readonly filePath: string;
  private fd: number | null = null;

  constructor(
    journalDir: string,
    private readonly logger: Logger,
  ) {
    this.filePath = path.join(journalDir, JOURNAL_FILE_NAME);
  }

  /** Append one entry durably. Returns false (and logs) when the disk refused it. */
  append(entry: JournalEntry): boolean {
    try {
      const fd = this.open();
      fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
      fs.fsyncSync(fd);
      return true;
    } catch (error) {
      this.logger.error('audit journal append failed', {
        file: this.filePath,
        error: describeError(error),
      });
      this.closeQuietly();
      return false;
    }
  }

  /** The newest `limit` entries, newest first. Reads only the tail of the file. */
  listNewest(limit: number): JournalEntry[] {
    const text = this.readTail(limit);
    const entries = parseJournalText(text);
    return entries.slice(-limit).reverse();
  }

  /** Every entry, oldest first (for exports). */
  readAll(): JournalEntry[] {
    try {
      return parseJournalText(fs.readFileSync(this.filePath, 'utf8'));
    } catch (error) {
      if (isMissingFile(error)) return [];
      throw error;
    }
  }

  close(): void {
    this.closeQuietly();
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const fd = fs.openSync(this.filePath, 'a', 0o600);
    const size = fs.fstatSync(fd).size;
    if (size > 0 && !endsWithNewline(this.filePath, size)) {
      // A crash tore the last line: end it so it stays one skipped line.
      fs.writeSync(fd, '\n');
    }
    this.fd = fd;
    return fd;
  }

  private readTail(limit: number): string {
    let fd: number;
    try {
      fd = fs.openSync(this.filePath, 'r');
    } catch (error) {
      if (isMissingFile(error)) return '';
      throw error;
    }
    try {
      const size = fs.fstatSync(fd).size;
      const chunks: Buffer[] = [];
      let position = size;
      let newlines = 0;
      while (position > 0 && newlines <= limit) {
        const length = Math.min(TAIL_CHUNK_BYTES, position);
        position -= length;
        const chunk = Buffer.alloc(length);
        fs.readSync(fd, chunk, 0, length, position);
        chunks.unshift(chunk);
        for (const byte of chunk) if (byte === 0x0a) newlines++;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      // Unless we reached the start, the first line is cut: drop it.
      return position === 0 ? text : text.slice(text.indexOf('\n') + 1);
    } finally {
      fs.closeSync(fd);
    }
  }

  private closeQuietly(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed or the disk went away; nothing more to do.
    }
    this.fd = null;
  }
}

/** Parse journal text: one entry per line; torn, blank or foreign lines are skipped. */
export function parseJournalText(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isJournalEntry(value)) entries.push(value);
    } catch {
      // A torn line from a crash mid-write: skip it.
    }
  }
  return entries;
}

function isJournalEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.at === 'string' &&
    typeof entry.action === 'string' &&
    ACTIONS.has(entry.action) &&
    (entry.target === null || typeof entry.target === 'string') &&
    typeof entry.source === 'string' &&
    typeof entry.modeBefore === 'string' &&
    typeof entry.modeAfter === 'string' &&
    typeof entry.outcome === 'string' &&
    typeof entry.durationMs === 'number'
  );
}

function endsWithNewline(filePath: string, size: number): boolean {
  const fd = fs.openSync(filePath, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

function isMissingFile(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT'
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
