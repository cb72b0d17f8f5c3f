/**
 * Picking agents of a running simulator for tests: the plain agents (not one of the inspector
 * accounts), optionally only those in one CC-Gateway status.
 */
import type { RunningSimulator } from '../../src/simulator';

type AgentListing = ReturnType<RunningSimulator['center']['listAgents']>[number];

/** The simulated agents that are not inspector accounts, optionally only those in `status`. */
export function listPlainAgents(sim: RunningSimulator, status?: string): AgentListing[] {
  const inspectorIds = new Set(sim.inspectors.map((inspector) => inspector.agentId));
  return sim.center
    .listAgents()
    .filter(
      (agent) =>
        !inspectorIds.has(agent.workNo) && (status === undefined || agent.status === status),
    );
}

/** The workNo of the first plain agent in `status`; throws when there is none. */
export function pickAgentIn(sim: RunningSimulator, status: string): string {
  const agent = listPlainAgents(sim, status)[0];
  if (!agent) throw new Error(`no agent in status ${status}`);
  return agent.workNo;
}
