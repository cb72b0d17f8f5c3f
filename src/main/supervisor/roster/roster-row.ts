/**
 * One agent row of the roster: built from a list entry, enriched from agentbyworkno details,
 * copied for hand-out. Pure functions over plain data.
 */
import type { AgentCall, AgentRow, AgentState } from '../../../shared/domain';
import type { AgentDetail, AgentStatusEntry, MonitorableAgent } from '../../gateway/gateway-types';
import { mapAgentStatus } from './agent-state-mapping';

/** One agent as a list snapshot reports it (allagent / allagentstatus merged). */
export interface RosterEntry {
  workNo: string;
  name: string;
  status: string;
  ctiStatus: string | null;
  groupName: string | null;
}

/** A row as the store keeps it: the state start is always set (real or observed). */
export type StoredRow = AgentRow & { stateSince: number; stateSinceExact: boolean };

/** Gateway state starts before this (Sep 2001) are not ms timestamps: ignored. */
const PLAUSIBLE_EPOCH_MS = 1_000_000_000_000;

/** A new row first seen at `at`: its state began at or before then (a lower bound). */
export function createRow(entry: RosterEntry, at: number): StoredRow {
  const state = mapAgentStatus(entry.status, entry.ctiStatus);
  return {
    workNo: entry.workNo,
    name: entry.name,
    groupName: entry.groupName ?? '',
    skills: [],
    state,
    stateSince: at,
    stateSinceExact: false,
    call:
      state === 'talking' || state === 'ringing'
        ? { callId: null, caller: null, since: null }
        : null,
    inspectedBy: null,
    dataAt: at,
    alerts: [],
  };
}

/**
 * Merge agentbyworkno details into a row (group, skills, call id, state start). The gateway's
 * state start is adopted only while ours is a lower bound — a start we saw live is on our own
 * clock (no skew) — and is never put in our future. Returns what changed.
 */
export function mergeDetail(
  row: StoredRow,
  detail: AgentDetail,
  skillNames: (id: number, fallback: string) => string,
  at: number,
): { changed: boolean; startAdopted: boolean } {
  let changed = false;
  let startAdopted = false;
  if (detail.groupName && detail.groupName !== row.groupName) {
    row.groupName = detail.groupName;
    changed = true;
  }
  const skills = detail.skills.map((skill) => skillNames(skill.id, skill.name));
  if (skills.join('\u0000') !== row.skills.join('\u0000')) {
    row.skills = skills;
    changed = true;
  }
  // Details of a state the row has already left say nothing about the current one.
  const sameState = mapAgentStatus(detail.status, detail.ctiStatus) === row.state;
  const reported = detail.currentStateSince;
  if (sameState && !row.stateSinceExact && reported !== null && reported >= PLAUSIBLE_EPOCH_MS) {
    row.stateSince = Math.min(reported, at);
    row.stateSinceExact = true;
    if (row.state === 'talking' && row.call) row.call = { ...row.call, since: row.stateSince };
    startAdopted = true;
    changed = true;
  }
  const callId = detail.callIds[0] ?? null;
  if (sameState && row.call && row.call.callId !== callId) {
    row.call = { ...row.call, callId };
    changed = true;
  }
  row.dataAt = Math.max(row.dataAt, at);
  return { changed, startAdopted };
}

/** A ringing call keeps its identity when answered; a talk seen starting starts the call clock. */
export function nextCall(
  previous: AgentCall | null,
  state: AgentState,
  exactAt: number | null,
): AgentCall {
  if (state === 'talking')
    return { callId: previous?.callId ?? null, caller: previous?.caller ?? null, since: exactAt };
  return { callId: null, caller: null, since: null };
}

/** A copy of a row that shares no mutable part with the store's own. */
export function copyRow(row: Readonly<AgentRow>): AgentRow {
  return {
    ...row,
    skills: [...row.skills],
    call: row.call ? { ...row.call } : null,
    inspectedBy: row.inspectedBy ? { ...row.inspectedBy } : null,
    alerts: [...row.alerts],
  };
}

/** A status-list item as a roster entry. */
export function toRosterEntry(status: AgentStatusEntry): RosterEntry {
  return {
    workNo: status.workNo,
    name: status.name,
    status: status.status,
    ctiStatus: status.ctiStatus,
    groupName: status.groupName,
  };
}

/** allagent says who is on the list; allagentstatus adds CTI state and group. */
export function mergeEntries(
  monitorable: readonly MonitorableAgent[] | null,
  statuses: readonly AgentStatusEntry[],
): RosterEntry[] {
  if (!monitorable) return statuses.map(toRosterEntry);
  const byWorkNo = new Map(statuses.map((status) => [status.workNo, status]));
  return monitorable.map((agent) => {
    const status = byWorkNo.get(agent.workNo);
    return {
      workNo: agent.workNo,
      name: agent.name || status?.name || '',
      status: status?.status ?? agent.status,
      ctiStatus: status?.ctiStatus ?? null,
      groupName: status?.groupName ?? null,
    };
  });
}
