/**
 * Applying roster deltas from main to the row map. Pure except for the map it is given, so the
 * gap / stale / reset rules are tested without React or timers.
 */
import type { AgentRow, RosterDelta } from '../../shared/domain';
import type { RowTable } from './row-index';

export type DeltaOutcome =
  /** Applied; `membership` says whether rows were added or removed (the order must be rebuilt). */
  | { kind: 'applied'; version: number; membership: boolean }
  /** Already seen (version not newer): ignored. */
  | { kind: 'stale' }
  /** A delta is missing between what we hold and this one: a snapshot is needed. */
  | { kind: 'gap'; expected: number; received: number };

/** Apply one delta in place when it follows `currentVersion`; report what happened. */
export function applyRosterDelta(
  rows: RowTable,
  currentVersion: number,
  delta: RosterDelta,
): DeltaOutcome {
  if (delta.reset) {
    replaceRows(rows, delta.upserts);
    return { kind: 'applied', version: delta.version, membership: true };
  }
  if (delta.version <= currentVersion) return { kind: 'stale' };
  if (delta.version !== currentVersion + 1) {
    return { kind: 'gap', expected: currentVersion + 1, received: delta.version };
  }
  let membership = false;
  for (const row of delta.upserts) {
    if (!rows.has(row.workNo)) membership = true;
    rows.set(row.workNo, row);
  }
  for (const workNo of delta.removed) {
    if (rows.delete(workNo)) membership = true;
  }
  return { kind: 'applied', version: delta.version, membership };
}

/** Replace every row with a snapshot's list. */
export function replaceRows(rows: RowTable, list: readonly AgentRow[]): void {
  rows.clear();
  // An index loop: no iterator objects while the code is still cold (first screen).
  for (let index = 0; index < list.length; index += 1) {
    const row = list[index] as AgentRow;
    rows.set(row.workNo, row);
  }
}
