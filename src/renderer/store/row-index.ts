/**
 * The store's agents by workNo. A whole new list is adopted as it came and indexed only when
 * something needs more than its top, or once the page is idle: the frame that first paints
 * 10,000 agents looks up a screenful of them (a short scan from the top of a presorted list)
 * instead of first filling a map of all of them on code that never ran.
 */
import type { AgentRow } from '../../shared/domain';

/** Lookups answered by scanning an adopted list from its top before it is indexed. */
const TOP_SCAN = 512;

/** What applying a delta needs of the rows (a Map has it too). */
export interface RowTable {
  has(workNo: string): boolean;
  set(workNo: string, row: AgentRow): unknown;
  delete(workNo: string): boolean;
  clear(): void;
}

export class RowIndex implements ReadonlyMap<string, AgentRow>, RowTable {
  private readonly byWorkNo = new Map<string, AgentRow>();
  /** A list adopted whole and not yet indexed (null once it is). */
  private adopted: readonly AgentRow[] | null = null;

  /** Hold `list` instead of every row so far (indexed on first real need: `settle`). */
  adopt(list: readonly AgentRow[]): void {
    this.byWorkNo.clear();
    this.adopted = list;
  }

  /** Whether an adopted list still waits to be indexed. */
  get unsettled(): boolean {
    return this.adopted !== null;
  }

  /**
   * Index the adopted list now. A whole list holds each agent once; were one there twice, its
   * first row wins, as the scan from the top finds it.
   */
  settle(): Map<string, AgentRow> {
    const list = this.adopted;
    if (list !== null) {
      this.adopted = null;
      // An index loop: no iterator objects while the code is still cold.
      for (let index = 0; index < list.length; index += 1) {
        const row = list[index] as AgentRow;
        if (!this.byWorkNo.has(row.workNo)) this.byWorkNo.set(row.workNo, row);
      }
    }
    return this.byWorkNo;
  }

  get(workNo: string): AgentRow | undefined {
    const list = this.adopted;
    if (list === null) return this.byWorkNo.get(workNo);
    // A first screen (and the alerted agents ranked above it) sits at the top of the list.
    const end = Math.min(list.length, TOP_SCAN);
    for (let index = 0; index < end; index += 1) {
      const row = list[index] as AgentRow;
      if (row.workNo === workNo) return row;
    }
    return end === list.length ? undefined : this.settle().get(workNo);
  }

  has(workNo: string): boolean {
    return this.get(workNo) !== undefined;
  }

  get size(): number {
    return this.settle().size;
  }

  set(workNo: string, row: AgentRow): this {
    this.settle().set(workNo, row);
    return this;
  }

  delete(workNo: string): boolean {
    return this.settle().delete(workNo);
  }

  clear(): void {
    this.adopted = null;
    this.byWorkNo.clear();
  }

  forEach(
    callback: (row: AgentRow, workNo: string, map: ReadonlyMap<string, AgentRow>) => void,
  ): void {
    for (const [workNo, row] of this.settle()) callback(row, workNo, this);
  }

  entries(): MapIterator<[string, AgentRow]> {
    return this.settle().entries();
  }

  keys(): MapIterator<string> {
    return this.settle().keys();
  }

  values(): MapIterator<AgentRow> {
    return this.settle().values();
  }

  [Symbol.iterator](): MapIterator<[string, AgentRow]> {
    return this.settle().entries();
  }

  get [Symbol.toStringTag](): string {
    return 'RowIndex';
  }
}
