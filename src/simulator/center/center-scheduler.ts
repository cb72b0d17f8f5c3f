/**
 * The one scheduler of the simulated center: a min-heap of (time, sequence) entries, plus the
 * simulated clock. 10,000 agents need 10,000 pending entries, not 10,000 timers.
 */

interface HeapEntry<T> {
  at: number;
  seq: number;
  payload: T;
}

export class CenterScheduler<T> {
  private heap: HeapEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest entry, or +Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  /** Add an entry due at `at` (ms epoch, rounded to whole ms); equal times run in insertion order. */
  schedule(at: number, payload: T): void {
    const entry = { at: Math.round(at), seq: this.nextSeq, payload };
    this.nextSeq += 1;
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
  }

  /** Remove and return the earliest entry if it is due at or before `time`. */
  popDue(time: number): HeapEntry<T> | null {
    const top = this.heap[0];
    if (!top || top.at > time) return null;
    const last = this.heap.pop() as HeapEntry<T>;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }

  private isBefore(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private siftUp(start: number): void {
    let index = start;
    const entry = this.heap[index] as HeapEntry<T>;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.heap[parentIndex] as HeapEntry<T>;
      if (!this.isBefore(entry, parent)) break;
      this.heap[index] = parent;
      index = parentIndex;
    }
    this.heap[index] = entry;
  }

  private siftDown(start: number): void {
    let index = start;
    const length = this.heap.length;
    const entry = this.heap[index] as HeapEntry<T>;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= length) break;
      const right = left + 1;
      const leftEntry = this.heap[left] as HeapEntry<T>;
      const rightEntry = this.heap[right];
      const child = rightEntry && this.isBefore(rightEntry, leftEntry) ? right : left;
      const childEntry = this.heap[child] as HeapEntry<T>;
      if (!this.isBefore(childEntry, entry)) break;
      this.heap[index] = childEntry;
      index = child;
    }
    this.heap[index] = entry;
  }
}

/**
 * Simulated wall clock. With autoRun it follows real time (plus whatever `skip` added);
 * without, it stands still until `skip` moves it, which makes tests deterministic.
 */
export class SimulationClock {
  private offset = 0;
  private readonly startedAt: number;

  constructor(
    private readonly followsRealTime: boolean,
    startAt = Date.now(),
  ) {
    this.startedAt = startAt;
  }

  /** Current simulated time (ms epoch). */
  read(): number {
    return (this.followsRealTime ? Date.now() : this.startedAt) + this.offset;
  }

  /** Jump forward by `ms` (whole milliseconds: gateway timestamps are integers). */
  skip(ms: number): void {
    this.offset += Math.round(ms);
  }
}
