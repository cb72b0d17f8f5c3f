/**
 * The shift on disk, so a restart keeps it: `stats/shift.jsonl`, one JSON object per line —
 * a header (`shift`), then a `sample` every 5 s and a `counters` line (observed call counters,
 * reason-code time) every minute. Lines are appended; a torn or unreadable line is skipped on
 * load. A file whose header cannot be read is moved aside (`shift.jsonl.corrupt-<time>`), never
 * deleted, and a new shift starts. A finished shift (over 12 h) is renamed
 * `shift-<start>.jsonl`; the newest few are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HISTORY_FIELDS } from '../../../shared/insight';
import type { Logger } from '../ports';
import type { OutcomeCounters } from './call-outcomes';
import type { SavedReasonTime } from './reason-time';

export const SHIFT_FILE_NAME = 'shift.jsonl';
const FORMAT = 'cc-inspector-shift';
const VERSION = 1;
/** Finished shift files kept beside the current one. */
const KEEP_FINISHED = 14;

export interface ShiftHeader {
  shiftStartedAt: number;
  resolutionMs: number;
  serviceLevelSeconds: number;
}

export interface SavedSample {
  at: number;
  /** Series key (CENTER_KEY or a skill id) → values in HISTORY_FIELDS order. */
  values: Map<number, Array<number | null>>;
  names: Record<string, string>;
}

export interface SavedCounters {
  at: number;
  outcomes: Record<string, OutcomeCounters>;
  reasonTime: Record<string, SavedReasonTime>;
}

export interface LoadedShift {
  header: ShiftHeader;
  samples: SavedSample[];
  counters: SavedCounters | null;
  /** Lines that could not be read (skipped). */
  skippedLines: number;
}

export type ShiftLoad =
  | { kind: 'none' }
  | { kind: 'loaded'; shift: LoadedShift }
  | { kind: 'corrupt'; movedTo: string | null; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** Reads and appends the shift file of one folder. */
export class ShiftFile {
  readonly filePath: string;
  private fd: number | null = null;

  constructor(
    readonly directory: string,
    private readonly logger: Logger,
  ) {
    this.filePath = path.join(directory, SHIFT_FILE_NAME);
  }

  /** Read the current shift; a file whose header is unreadable is moved aside. */
  load(now: number): ShiftLoad {
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
      return this.moveAside(now, `unreadable (${String(error)})`);
    }
    const lines = text.split('\n');
    const header = parseHeader(lines[0] ?? '');
    if (!header) return this.moveAside(now, 'the first line is not a shift header');
    const samples: SavedSample[] = [];
    let counters: SavedCounters | null = null;
    let skippedLines = 0;
    for (const line of lines.slice(1)) {
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (parsed === null) skippedLines++;
      else if ('values' in parsed) samples.push(parsed);
      else counters = parsed;
    }
    return { kind: 'loaded', shift: { header, samples, counters, skippedLines } };
  }

  /** Start a new file for a new shift (the previous one, if any, is renamed and kept). */
  begin(header: ShiftHeader): void {
    this.close();
    this.archiveCurrent();
    this.write(JSON.stringify({ kind: 'shift', format: FORMAT, version: VERSION, ...header }));
  }

  /** Append one sample line. */
  appendSample(sample: SavedSample): boolean {
    const values: Record<string, Array<number | null>> = {};
    for (const [key, row] of sample.values) values[key] = row.map(roundValue);
    return this.write(
      JSON.stringify({ kind: 'sample', at: sample.at, values, names: sample.names }),
    );
  }

  /** Append the counters line (and make the file durable up to here). */
  appendCounters(counters: SavedCounters): boolean {
    const ok = this.write(JSON.stringify({ kind: 'counters', ...counters }));
    if (ok && this.fd !== null) {
      try {
        fs.fsyncSync(this.fd);
      } catch {
        // Durability is best effort; the append itself succeeded.
      }
    }
    return ok;
  }

  close(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed.
    }
    this.fd = null;
  }

  private write(line: string): boolean {
    try {
      if (this.fd === null) {
        fs.mkdirSync(this.directory, { recursive: true });
        this.fd = fs.openSync(this.filePath, 'a', 0o600);
        const size = fs.fstatSync(this.fd).size;
        // A crash tore the last line: end it, so it stays one skipped line.
        if (size > 0 && !endsWithNewline(this.filePath, size)) fs.writeSync(this.fd, '\n');
      }
      fs.writeSync(this.fd, `${line}\n`);
      return true;
    } catch (error) {
      this.logger.error('shift history could not be written', { error: String(error) });
      this.close();
      return false;
    }
  }

  private moveAside(now: number, reason: string): ShiftLoad {
    const target = `${this.filePath}.corrupt-${now}`;
    try {
      fs.renameSync(this.filePath, target);
      this.logger.warn('shift history unreadable; kept aside', { movedTo: target, reason });
      return { kind: 'corrupt', movedTo: target, reason };
    } catch (error) {
      this.logger.error('shift history unreadable and could not be moved', {
        error: String(error),
      });
      return { kind: 'corrupt', movedTo: null, reason };
    }
  }

  /** Rename the current file `shift-<start>.jsonl` and drop the oldest finished ones. */
  private archiveCurrent(): void {
    if (!fs.existsSync(this.filePath)) return;
    const header = parseHeader(readFirstLine(this.filePath));
    const stamp = new Date(header?.shiftStartedAt ?? Date.now())
      .toISOString()
      .replace(/[:.]/g, '-');
    try {
      fs.renameSync(this.filePath, path.join(this.directory, `shift-${stamp}.jsonl`));
      const finished = fs
        .readdirSync(this.directory)
        .filter((name) => /^shift-.+\.jsonl$/.test(name))
        .sort();
      for (const name of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
        fs.rmSync(path.join(this.directory, name), { force: true });
    } catch (error) {
      this.logger.warn('the finished shift could not be archived', { error: String(error) });
    }
  }
}

function parseHeader(line: string): ShiftHeader | null {
  try {
    const value: unknown = JSON.parse(line);
    if (!isRecord(value) || value.kind !== 'shift' || value.format !== FORMAT) return null;
    if (value.version !== VERSION || !isTime(value.shiftStartedAt)) return null;
    const resolutionMs = typeof value.resolutionMs === 'number' ? value.resolutionMs : 5_000;
    const serviceLevelSeconds =
      typeof value.serviceLevelSeconds === 'number' ? value.serviceLevelSeconds : 20;
    return { shiftStartedAt: value.shiftStartedAt, resolutionMs, serviceLevelSeconds };
  } catch {
    return null;
  }
}

function parseLine(line: string): SavedSample | SavedCounters | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isTime(value.at)) return null;
  if (value.kind === 'sample' && isRecord(value.values)) {
    const values = new Map<number, Array<number | null>>();
    for (const [key, row] of Object.entries(value.values)) {
      if (!/^-?\d+$/.test(key) || !Array.isArray(row) || row.length !== HISTORY_FIELDS.length)
        return null;
      if (
        !row.every((cell) => cell === null || (typeof cell === 'number' && Number.isFinite(cell)))
      )
        return null;
      values.set(Number(key), row as Array<number | null>);
    }
    const names = isRecord(value.names)
      ? Object.fromEntries(
          Object.entries(value.names).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {};
    return { at: value.at, values, names };
  }
  if (value.kind === 'counters' && isRecord(value.outcomes) && isRecord(value.reasonTime)) {
    return {
      at: value.at,
      outcomes: mapRecords(
        value.outcomes,
        (entry) => numbersOnly(entry) as unknown as OutcomeCounters,
      ),
      reasonTime: mapRecords(value.reasonTime, (entry) => ({
        name: typeof entry.name === 'string' ? entry.name : '',
        rest: nonNegative(entry.rest),
        busy: nonNegative(entry.busy),
        wrapUp: nonNegative(entry.wrapUp),
        byReason: isRecord(entry.byReason) ? numbersOnly(entry.byReason) : {},
      })),
    };
  }
  return null;
}

/** Each object-valued entry of `record` through `map`; other entries are dropped. */
function mapRecords<T>(
  record: Record<string, unknown>,
  map: (entry: Record<string, unknown>) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, entry] of Object.entries(record)) if (isRecord(entry)) out[key] = map(entry);
  return out;
}

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function numbersOnly(record: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) out[key] = nonNegative(value);
  return out;
}

function roundValue(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.round(value * 1000) / 1000;
}

function readFirstLine(filePath: string): string {
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, read).toString('utf8').split('\n')[0] ?? '';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function endsWithNewline(filePath: string, size: number): boolean {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(1);
    fs.readSync(fd, buffer, 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}
