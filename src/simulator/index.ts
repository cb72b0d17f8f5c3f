/**
 * CC-Gateway simulator: a real HTTP(S) server that behaves like a Huawei CC-Gateway, written
 * as a second, independent reading of the spec. Used by demo mode, integration and browser
 * tests and benchmarks. It imports only constants from src/shared, never the client's code.
 */
import type { RunningSimulator } from './simulator-types';

export type {
  AgentStateChange,
  ContactCenterControl,
  FaultSettings,
  RunningSimulator,
  SimulatorAccount,
  SimulatorOptions,
} from './simulator-types';
export { startSimulator } from './http/simulator-server';
export { parseFaultSpec } from './faults/fault-spec';

const AGENTS_SHOWN_AT_STARTUP = 5;

/**
 * The one JSON line `cc-inspector simulator` prints first. The accounts are the simulator's
 * own throwaway test credentials, printed so a person can sign in to it.
 */
export function describeStartup(sim: RunningSimulator): Record<string, unknown> {
  return {
    baseUrl: sim.baseUrl,
    caPem: sim.caPem,
    certSha256: sim.certSha256,
    // Only with --admin: what /__admin calls must send as `Authorization: Bearer <token>`.
    ...(sim.adminToken === null ? {} : { adminToken: sim.adminToken }),
    inspectors: sim.inspectors,
    agents: { count: sim.agents.length, first: sim.agents.slice(0, AGENTS_SHOWN_AT_STARTUP) },
  };
}
