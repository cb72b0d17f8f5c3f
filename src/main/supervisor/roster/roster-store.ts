/**
 * The inspector's agent list as the core holds it: rows by workNo, merged from snapshots
 * (allagent + allagentstatus), monitor events and agent details, with a dirty set that becomes
 * one small versioned RosterDelta per tick. Plain data structure, no timers and no I/O.
 *
 * State start: a change seen live (event, or a snapshot soon after the row's last confirmation)
 * is exact; otherwise `stateSince` is when we first saw the state (`stateSinceExact: false`)
 * until `agentbyworkno.currentstatetime` tells the real start.
 */
import type { AgentRow, AgentState, AlertKind, QcMode, RosterDelta } from '../../../shared/domain';
import type { AgentDetail } from '../../gateway/gateway-types';
import { mapAgentStatus } from './agent-state-mapping';
import {
  copyRow,
  createRow,
  mergeDetail,
  nextCall,
  type RosterEntry,
  type StoredRow,
} from './roster-row';

export type { RosterEntry } from './roster-row';

/** Hooks so the alert engine follows state changes without scanning the roster. */
export interface RosterHooks {
  onStateChange?(workNo: string, state: AgentState, since: number): void;
  onRemove?(workNo: string): void;
}

export interface RosterStoreOptions {
  /**
   * A state change a snapshot finds is exact when the row was confirmed at most this long
   * before (snapshot mode, warm-up); after a longer gap (a missed event found by the slow
   * reconcile, a re-sign-in) only a lower bound is known. Default 2 s.
   */
  exactGapMs?: number;
}

interface RowRecord {
  row: StoredRow;
  /** When an event last changed this row (ms, our clock): older snapshots must not undo it. */
  eventAt: number;
  othersMode: QcMode | null;
}

/** The agent rows and their pending delta. */
export class RosterStore {
  private readonly records = new Map<string, RowRecord>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();
  private resetPending = false;
  private currentVersion = 0;
  private ours: { workNo: string; mode: QcMode; inspectorId: string } | null = null;

  private readonly exactGapMs: number;

  constructor(
    private readonly hooks: RosterHooks = {},
    options: RosterStoreOptions = {},
  ) {
    this.exactGapMs = options.exactGapMs ?? 2_000;
  }

  get version(): number {
    return this.currentVersion;
  }

  get size(): number {
    return this.records.size;
  }

  /** The live row (read only: copy before handing it out). */
  peek(workNo: string): Readonly<AgentRow> | undefined {
    return this.records.get(workNo)?.row;
  }

  /** A copy of one row, or null. */
  copyRow(workNo: string): AgentRow | null {
    const record = this.records.get(workNo);
    return record ? copyRow(record.row) : null;
  }

  workNos(): string[] {
    return [...this.records.keys()];
  }

  /** Time the alert clock of this agent's current state started (the real or observed start). */
  alertSince(workNo: string): number | null {
    return this.records.get(workNo)?.row.stateSince ?? null;
  }

  /**
   * The agent whose real state start is most wanted: not exact, in the earliest of `states`,
   * observed in it longest (oldest first), not in `skip`. One pass over the rows.
   */
  nextInexact(states: readonly AgentState[], skip: (workNo: string) => boolean): string | null {
    let best: StoredRow | null = null;
    let bestRank = states.length;
    for (const { row } of this.records.values()) {
      if (row.stateSinceExact) continue;
      const rank = states.indexOf(row.state);
      if (
        rank < 0 ||
        rank > bestRank ||
        (rank === bestRank && best !== null && row.stateSince >= best.stateSince)
      )
        continue;
      if (skip(row.workNo)) continue;
      best = row;
      bestRank = rank;
    }
    return best?.workNo ?? null;
  }

  /** Replace the whole list (first load or a new session): the next delta is a reset. */
  replaceAll(entries: readonly RosterEntry[], at: number): void {
    for (const workNo of this.records.keys()) this.hooks.onRemove?.(workNo);
    this.records.clear();
    this.dirty.clear();
    this.removed.clear();
    this.resetPending = true;
    for (const entry of entries) this.insert(entry, at);
  }

  /** Empty the list (sign-out): the next delta is an empty reset. */
  clear(): void {
    this.replaceAll([], 0);
    this.ours = null;
  }

  /**
   * Diff a snapshot into the list. `requestedAt` is when the snapshot was asked for: rows an
   * event changed after that are newer than the snapshot and kept. With `complete`, agents
   * missing from the snapshot are removed. Returns how many rows changed state.
   */
  applySnapshot(
    entries: readonly RosterEntry[],
    requestedAt: number,
    at: number,
    complete: boolean,
  ): number {
    let changed = 0;
    const seen = complete ? new Set<string>() : null;
    for (const entry of entries) {
      seen?.add(entry.workNo);
      const record = this.records.get(entry.workNo);
      if (!record) {
        this.insert(entry, at);
        changed++;
        continue;
      }
      if (record.eventAt > requestedAt) continue;
      // Seen soon after the row's last confirmation: the change happened within that gap.
      const exact = at - record.row.dataAt <= this.exactGapMs;
      record.row.dataAt = at;
      if (this.updateLabels(record, entry)) this.dirty.add(entry.workNo);
      if (this.changeState(record, mapAgentStatus(entry.status, entry.ctiStatus), at, exact))
        changed++;
    }
    if (seen) {
      for (const workNo of [...this.records.keys()]) if (!seen.has(workNo)) this.remove(workNo);
    }
    return changed;
  }

  /** A monitor event changed an agent's state. Returns whether the row changed. */
  applyState(workNo: string, state: AgentState, at: number): boolean {
    const record = this.records.get(workNo);
    if (!record) return false;
    record.eventAt = at;
    record.row.dataAt = at;
    return this.changeState(record, state, at, true);
  }

  /** Another inspector started (mode) or stopped (null) inspecting an agent. */
  applyOthersInspection(workNo: string, mode: QcMode | null, at: number): void {
    const record = this.records.get(workNo);
    if (!record || record.othersMode === mode) return;
    record.othersMode = mode;
    record.row.dataAt = at;
    this.refreshInspectedBy(record);
  }

  /** Our own inspection, from the state machine (null when we inspect nobody). */
  setOurInspection(target: { workNo: string; mode: QcMode; inspectorId: string } | null): void {
    const previous = this.ours;
    if (previous?.workNo === target?.workNo && previous?.mode === target?.mode) return;
    this.ours = target;
    if (previous) {
      const record = this.records.get(previous.workNo);
      // Our own leg also shows up as a monitor notify; it ends with ours.
      if (record && previous.workNo !== target?.workNo) record.othersMode = null;
      if (record) this.refreshInspectedBy(record);
    }
    if (target) {
      const record = this.records.get(target.workNo);
      if (record) this.refreshInspectedBy(record);
    }
  }

  /** Enrich a row with agentbyworkno details (see mergeDetail: the state start only when ours is a lower bound). */
  applyDetail(
    detail: AgentDetail,
    skillNames: (id: number, fallback: string) => string,
    at: number,
  ): void {
    const record = this.records.get(detail.workNo);
    if (!record) return;
    const { changed, startAdopted } = mergeDetail(record.row, detail, skillNames, at);
    if (startAdopted)
      this.hooks.onStateChange?.(record.row.workNo, record.row.state, record.row.stateSince);
    if (changed) this.dirty.add(record.row.workNo);
  }

  /** Alert kinds raised on an agent (from the alert engine). */
  setAlerts(workNo: string, alerts: readonly AlertKind[]): void {
    const record = this.records.get(workNo);
    if (!record) return;
    if (
      record.row.alerts.length === alerts.length &&
      record.row.alerts.every((kind, i) => kind === alerts[i])
    )
      return;
    record.row.alerts = [...alerts];
    this.dirty.add(workNo);
  }

  /** Whether a delta is waiting. */
  get hasChanges(): boolean {
    return this.resetPending || this.dirty.size > 0 || this.removed.size > 0;
  }

  /** The changes since the last call as one delta (version + 1), or null when nothing changed. */
  takeDelta(): RosterDelta | null {
    if (!this.hasChanges) return null;
    const reset = this.resetPending;
    const upserts: AgentRow[] = [];
    const source = reset ? this.records.keys() : this.dirty.values();
    for (const workNo of source) {
      const record = this.records.get(workNo);
      if (record) upserts.push(copyRow(record.row));
    }
    const removed = reset ? [] : [...this.removed];
    this.resetPending = false;
    this.dirty.clear();
    this.removed.clear();
    this.currentVersion++;
    return { version: this.currentVersion, reset, upserts, removed };
  }

  /** Every row, copied (for snapshots). */
  list(): AgentRow[] {
    return [...this.records.values()].map((record) => copyRow(record.row));
  }

  /** Rows currently in a state, for the tray's longest calls (a cheap scan). */
  *rowsInState(state: AgentState): Iterable<Readonly<AgentRow>> {
    for (const record of this.records.values()) if (record.row.state === state) yield record.row;
  }

  private insert(entry: RosterEntry, at: number): void {
    const row = createRow(entry, at);
    const record: RowRecord = { row, eventAt: 0, othersMode: null };
    this.records.set(entry.workNo, record);
    this.removed.delete(entry.workNo);
    this.dirty.add(entry.workNo);
    this.refreshInspectedBy(record);
    this.hooks.onStateChange?.(entry.workNo, row.state, at);
  }

  private remove(workNo: string): void {
    this.records.delete(workNo);
    this.dirty.delete(workNo);
    this.removed.add(workNo);
    this.hooks.onRemove?.(workNo);
  }

  private updateLabels(record: RowRecord, entry: RosterEntry): boolean {
    const row = record.row;
    let changed = false;
    if (entry.name !== '' && entry.name !== row.name) {
      row.name = entry.name;
      changed = true;
    }
    if (entry.groupName && entry.groupName !== row.groupName) {
      row.groupName = entry.groupName;
      changed = true;
    }
    return changed;
  }

  private changeState(record: RowRecord, state: AgentState, at: number, exact: boolean): boolean {
    const row = record.row;
    if (row.state === state) return false;
    row.state = state;
    row.stateSince = at;
    row.stateSinceExact = exact;
    row.call =
      state === 'talking' || state === 'ringing'
        ? nextCall(row.call, state, exact ? at : null)
        : null;
    if (state === 'signed-out') record.othersMode = null;
    this.refreshInspectedBy(record);
    this.dirty.add(row.workNo);
    this.hooks.onStateChange?.(row.workNo, state, at);
    return true;
  }

  private refreshInspectedBy(record: RowRecord): void {
    const ours = this.ours?.workNo === record.row.workNo ? this.ours : null;
    // The monitor notify does not name the other inspector: '' means "another inspector".
    const next = ours
      ? { inspectorWorkNo: ours.inspectorId, mode: ours.mode }
      : record.othersMode
        ? { inspectorWorkNo: '', mode: record.othersMode }
        : null;
    const current = record.row.inspectedBy;
    if (current?.inspectorWorkNo === next?.inspectorWorkNo && current?.mode === next?.mode) return;
    record.row.inspectedBy = next;
    this.dirty.add(record.row.workNo);
  }
}
