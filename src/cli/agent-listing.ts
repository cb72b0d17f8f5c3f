/**
 * `agents`: the agents this inspector may monitor (allagent) merged with every agent's status
 * and group (allagentstatus), with the state in words.
 */
import type { GatewayClient } from '../main/gateway';
import { mapAgentStatus } from '../main/supervisor/roster/agent-state-mapping';
import { AGENT_STATES, type AgentState } from '../shared/domain';
import { createUsageError } from './cli-error';
import { formatTable } from './output';
import { tr } from './cli-i18n';

export interface AgentListRow {
  workNo: string;
  name: string;
  group: string | null;
  state: AgentState;
  /** In this inspector's allagent list; null when that list could not be read. */
  monitorable: boolean | null;
}

/** The words `--state` accepts: the supervisor's agent states. */
const AGENT_STATE_WORDS: readonly AgentState[] = AGENT_STATES;

/** Checks a --state word; null passes (no filter). */
export function readStateFilter(state: string | null | undefined): AgentState | null {
  if (state === null || state === undefined) return null;
  const word = state.trim().toLowerCase() as AgentState;
  if (!AGENT_STATE_WORDS.includes(word))
    throw createUsageError(
      tr('agents.unknownState', {
        state: JSON.stringify(state),
        words: AGENT_STATE_WORDS.join(', '),
      }),
    );
  return word;
}

/**
 * Reads both lists at once. One of them failing is tolerated (its columns stay empty and a
 * warning is returned); both failing rejects with the allagentstatus error.
 */
export async function listAgents(
  client: GatewayClient,
  state: AgentState | null,
): Promise<{ rows: AgentListRow[]; you: AgentListRow | null; warnings: string[] }> {
  const [monitorable, statuses] = await Promise.allSettled([
    client.listMonitorableAgents(),
    client.listAgentStatuses(),
  ]);
  if (monitorable.status === 'rejected' && statuses.status === 'rejected') throw statuses.reason;
  const warnings: string[] = [];
  const rows = new Map<string, AgentListRow>();
  if (statuses.status === 'fulfilled') {
    for (const agent of statuses.value) {
      rows.set(agent.workNo, {
        workNo: agent.workNo,
        name: agent.name,
        group: agent.groupName,
        state: mapAgentStatus(agent.status, agent.ctiStatus),
        monitorable: null,
      });
    }
  } else {
    warnings.push(tr('agents.statusListFailed', { reason: describe(statuses.reason) }));
  }
  if (monitorable.status === 'fulfilled') {
    const allowed = new Set(monitorable.value.map((agent) => agent.workNo));
    for (const row of rows.values()) row.monitorable = allowed.has(row.workNo);
    for (const agent of monitorable.value) {
      if (!rows.has(agent.workNo)) {
        rows.set(agent.workNo, {
          workNo: agent.workNo,
          name: agent.name,
          group: null,
          state: mapAgentStatus(agent.status),
          monitorable: true,
        });
      }
    }
  } else {
    warnings.push(tr('agents.monitorListFailed', { reason: describe(monitorable.reason) }));
  }
  // A real allagent / allagentstatus includes the signed-in inspector (issue 10): shown apart.
  const you = rows.get(client.agentId) ?? null;
  rows.delete(client.agentId);
  const sorted = [...rows.values()].sort(
    (a, b) => Number(a.workNo) - Number(b.workNo) || a.workNo.localeCompare(b.workNo),
  );
  const listed = state === null ? sorted : sorted.filter((row) => row.state === state);
  return { rows: listed, you, warnings };
}

/** The agent list as a table, then the inspector's own line ("you") when the gateway listed it. */
export function formatAgentRows(
  rows: readonly AgentListRow[],
  you: AgentListRow | null = null,
): string[] {
  const state = (word: string) => tr(`state.${word}`);
  const self =
    you === null
      ? []
      : [tr('agents.you', { workNo: you.workNo, name: you.name, state: state(you.state) })];
  if (rows.length === 0) return [tr('agents.none'), ...self];
  const yesNo = (value: boolean | null) =>
    value === null ? '?' : value ? tr('common.yes') : tr('common.no');
  return formatTable(
    ['id', 'name', 'group', 'state', 'monitorable'].map((column) => tr(`agents.column.${column}`)),
    rows.map((row) => [
      row.workNo,
      row.name,
      row.group ?? '-',
      state(row.state),
      yesNo(row.monitorable),
    ]),
  ).concat(self);
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
