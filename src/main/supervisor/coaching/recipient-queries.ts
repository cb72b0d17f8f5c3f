/**
 * Who a note goes to, resolved against the live roster: a list of agents, a group, or a saved
 * query such as "resting > 10 min in skill 12" (state, time in state, skill, group). Pure: the
 * room supplies the rows, the time and what it knows of each agent's skills.
 */
import type { AgentRow } from '../../../shared/domain';
import type { NoteRecipients, SavedQuery } from '../../../shared/coaching';

export type QueryRow = Pick<AgentRow, 'workNo' | 'state' | 'stateSince' | 'groupName'>;

export interface ResolvedRecipients {
  workNos: string[];
  /** Agents that pass every condition but the skill, whose skills are not known. */
  unknownSkills: string[];
}

/** The agents a saved query selects now. */
export function evaluateQuery(
  query: SavedQuery,
  rows: Iterable<QueryRow>,
  now: number,
  skillsOf: (workNo: string) => readonly number[] | null,
): ResolvedRecipients {
  const workNos: string[] = [];
  const unknownSkills: string[] = [];
  const minMs = query.minMinutes * 60_000;
  for (const row of rows) {
    if (!query.states.includes(row.state)) continue;
    if (query.group !== null && row.groupName !== query.group) continue;
    // A lower bound of the time in state ("≥") that passes the threshold passes it for sure.
    if (minMs > 0 && (row.stateSince === null || now - row.stateSince < minMs)) continue;
    if (query.skillId !== null) {
      const skills = skillsOf(row.workNo);
      if (skills === null) {
        unknownSkills.push(row.workNo);
        continue;
      }
      if (!skills.includes(query.skillId)) continue;
    }
    workNos.push(row.workNo);
  }
  return { workNos: workNos.sort(byId), unknownSkills: unknownSkills.sort(byId) };
}

/** Resolve any recipients description; an unknown query id resolves to nobody. */
export function resolveRecipients(
  recipients: NoteRecipients,
  queries: readonly SavedQuery[],
  rows: Iterable<QueryRow>,
  now: number,
  skillsOf: (workNo: string) => readonly number[] | null,
): ResolvedRecipients | null {
  switch (recipients.kind) {
    case 'agents':
      return { workNos: [...new Set(recipients.workNos)], unknownSkills: [] };
    case 'group': {
      const workNos: string[] = [];
      for (const row of rows)
        if (row.groupName === recipients.group && row.state !== 'signed-out')
          workNos.push(row.workNo);
      return { workNos: workNos.sort(byId), unknownSkills: [] };
    }
    case 'query': {
      const query = queries.find((candidate) => candidate.id === recipients.queryId);
      return query ? evaluateQuery(query, rows, now, skillsOf) : null;
    }
  }
}

function byId(a: string, b: string): number {
  return Number(a) - Number(b);
}
