/** Shared helpers for the supervisor-core suites that run against the simulator harness. */
import type { ConnectionState } from '../../src/shared/domain';
import type { CoreOnSimulator } from '../support/core/start-core-on-simulator';
import { listPlainAgents } from '../support/simulator-agents';

/** An agent of the simulated center in a given CCGW status (forced there first). */
export function agentIn(h: CoreOnSimulator, status: string, skip: readonly string[] = []): string {
  const agent = listPlainAgents(h.sim).find((candidate) => !skip.includes(candidate.workNo));
  if (!agent) throw new Error('no agent');
  h.sim.center.setAgentStatus(agent.workNo, status);
  return agent.workNo;
}

/** Force an agent into `status` and wait until the roster shows `state`. */
export async function agentShowing(
  h: CoreOnSimulator,
  status: string,
  state: string,
  skip: readonly string[] = [],
): Promise<string> {
  const since = Date.now();
  const workNo = agentIn(h, status, skip);
  const known = h.recorder
    .of('roster.delta')
    .flatMap((event) => event.payload.upserts)
    .filter((row) => row.workNo === workNo)
    .at(-1);
  if (known?.state !== state)
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === workNo && row.state === state),
      3_000,
      since,
    );
  return workNo;
}

/** How many requests the simulated center has seen under one log name. */
export const requestsOf = (h: CoreOnSimulator, logName: string): number =>
  h.sim.center.stats().requestsByLogName[logName] ?? 0;

/** Wait for a `connection.changed` to `phase` after `since`; returns when it was emitted. */
export async function waitForPhase(
  h: CoreOnSimulator,
  phase: ConnectionState['phase'],
  since: number,
  timeoutMs = 6_000,
): Promise<number> {
  const event = await h.recorder.waitFor(
    'connection.changed',
    (state) => state.phase === phase,
    timeoutMs,
    since,
  );
  return event.at;
}
