/**
 * The shift's history in memory: one sample per 5 s for the center and each skill, in a ring
 * of fixed capacity (12 h = 8,640 samples). Columns are Float32Arrays (NaN = not known), so a
 * 12-hour history of the center and 20 skills is about 7 MB and pushing a sample allocates
 * nothing once a series exists. Series beyond `maxSeries` are not recorded.
 */
import { HISTORY_FIELDS, type HistoryField, type HistorySeries } from '../../../shared/insight';

export const HISTORY_RESOLUTION_MS = 5_000;
/** 12 hours at 5 s. */
export const HISTORY_CAPACITY = (12 * 3600 * 1000) / HISTORY_RESOLUTION_MS;
/** The center's series key. */
export const CENTER_KEY = -1;

const FIELD_COUNT = HISTORY_FIELDS.length;

/** A sample's values, in HISTORY_FIELDS order (null or NaN = not known). */
export type SampleValues = ReadonlyArray<number | null>;

export class HistoryRing {
  private readonly times: Float64Array;
  private readonly series = new Map<number, Float32Array>();
  private readonly names = new Map<number, string>();
  /** Index of the oldest sample, and how many there are. */
  private start = 0;
  private count = 0;

  constructor(
    readonly capacity = HISTORY_CAPACITY,
    private readonly maxSeries = 101,
  ) {
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the newest sample, or null. */
  get lastAt(): number | null {
    return this.count === 0 ? null : (this.times[this.slot(this.count - 1)] ?? null);
  }

  /** Time of the oldest sample, or null. */
  get firstAt(): number | null {
    return this.count === 0 ? null : (this.times[this.start] ?? null);
  }

  /** Keys of the recorded series (CENTER_KEY and skill ids). */
  keys(): number[] {
    return [...this.series.keys()];
  }

  setName(key: number, name: string): void {
    this.names.set(key, name);
  }

  /**
   * Append one sample at `at` (later than the newest; an older one is ignored). Series absent
   * from `values` get NaN for it. The oldest sample is overwritten once the ring is full.
   */
  push(at: number, values: ReadonlyMap<number, SampleValues>): boolean {
    const last = this.lastAt;
    if (last !== null && at <= last) return false;
    let index: number;
    if (this.count < this.capacity) {
      index = this.slot(this.count);
      this.count++;
    } else {
      index = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    this.times[index] = at;
    for (const [key, column] of this.series) {
      if (!values.has(key)) column.fill(NaN, index * FIELD_COUNT, (index + 1) * FIELD_COUNT);
    }
    for (const [key, sample] of values) {
      const column = this.columnOf(key);
      if (!column) continue;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const value = sample[field];
        column[index * FIELD_COUNT + field] = value === null || value === undefined ? NaN : value;
      }
    }
    return true;
  }

  /** The series of `key` from `since` on (ms since epoch; default: all), nulls for unknowns. */
  read(key: number, since = Number.NEGATIVE_INFINITY): HistorySeries {
    const column = this.series.get(key);
    const t: number[] = [];
    const columns = Object.fromEntries(
      HISTORY_FIELDS.map((field) => [field, [] as Array<number | null>]),
    ) as Record<HistoryField, Array<number | null>>;
    for (let position = this.firstIndexFrom(since); position < this.count; position++) {
      const index = this.slot(position);
      t.push(this.times[index] ?? 0);
      HISTORY_FIELDS.forEach((field, offset) => {
        const value = column ? (column[index * FIELD_COUNT + offset] ?? NaN) : NaN;
        columns[field].push(Number.isNaN(value) ? null : value);
      });
    }
    return {
      skillId: key === CENTER_KEY ? null : key,
      name: this.names.get(key) ?? '',
      resolutionMs: HISTORY_RESOLUTION_MS,
      t,
      columns,
    };
  }

  /** Every sample oldest first: time and the values of every series (for files and CSV). */
  *samples(): Generator<{ at: number; values: Map<number, Array<number | null>> }> {
    for (let position = 0; position < this.count; position++) {
      const index = this.slot(position);
      const values = new Map<number, Array<number | null>>();
      for (const [key, column] of this.series) {
        const row: Array<number | null> = [];
        let known = false;
        for (let field = 0; field < FIELD_COUNT; field++) {
          const value = column[index * FIELD_COUNT + field] ?? NaN;
          known ||= !Number.isNaN(value);
          row.push(Number.isNaN(value) ? null : value);
        }
        if (known) values.set(key, row);
      }
      yield { at: this.times[index] ?? 0, values };
    }
  }

  nameOf(key: number): string {
    return this.names.get(key) ?? '';
  }

  clear(): void {
    this.series.clear();
    this.names.clear();
    this.start = 0;
    this.count = 0;
  }

  private columnOf(key: number): Float32Array | null {
    let column = this.series.get(key);
    if (column) return column;
    if (this.series.size >= this.maxSeries) return null;
    column = new Float32Array(this.capacity * FIELD_COUNT).fill(NaN);
    this.series.set(key, column);
    return column;
  }

  /** First position (0…count) whose time is ≥ since: binary search, times only grow. */
  private firstIndexFrom(since: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.times[this.slot(middle)] ?? 0) < since) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private slot(position: number): number {
    return (this.start + position) % this.capacity;
  }
}
