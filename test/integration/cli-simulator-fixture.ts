/**
 * An in-process simulator for the cli-*.test.ts suites: frozen activity (deterministic agent
 * states), short poll hold, and helpers to pick agents and build the CLI's connection options.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SimulatorAccount } from '../../src/simulator';
import { listPlainAgents } from '../support/simulator-agents';

export interface CliSimulator {
  sim: RunningSimulator;
  /** PEM file of the simulator's CA, for --ca. */
  caFile: string;
  /** An agent (not an inspector) in a call, and one signed out (CC-Gateway status 7 and 2). */
  talkingAgent(index?: number): string;
  signedOutAgent(): string;
  /** `--gateway … --agent … --phone … --ca …` of one inspector, plus its password. */
  connect(inspector: SimulatorAccount): { args: string[]; password: string };
  /** connect() of the simulator's inspector number `index`. */
  inspector(index: number): { args: string[]; password: string };
  close(): Promise<void>;
}

/** Starts a simulator with `inspectors` inspector accounts on 127.0.0.1 (port 0). */
export async function startCliSimulator(inspectors = 3): Promise<CliSimulator> {
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    agents: 30,
    inspectors,
    seed: 7,
    changesPerAgentPerMinute: 0,
    pollHoldMs: 500,
  });
  const folder = mkdtempSync(join(tmpdir(), 'cc-inspector-cli-'));
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, sim.caPem ?? '');
  const withStatus = (status: string) => listPlainAgents(sim, status).map((agent) => agent.workNo);
  const connect = (inspector: SimulatorAccount) => ({
    args: [
      '--gateway',
      sim.origin,
      '--agent',
      inspector.agentId,
      '--phone',
      inspector.phoneNumber,
      '--ca',
      caFile,
    ],
    password: inspector.password,
  });
  return {
    sim,
    caFile,
    talkingAgent(index = 0) {
      const agent = withStatus('7')[index];
      if (agent === undefined)
        throw new Error('the simulator has not enough talking agents for this test');
      return agent;
    },
    signedOutAgent() {
      // With activity frozen the roster may have none: sign the last idle agent out.
      const agent = withStatus('2')[0] ?? withStatus('4').at(-1);
      if (agent === undefined) throw new Error('the simulator has no agent to sign out');
      sim.center.setAgentStatus(agent, '2');
      return agent;
    },
    connect,
    inspector(index) {
      const account = sim.inspectors[index];
      if (!account) throw new Error(`the simulator has no inspector number ${index}`);
      return connect(account);
    },
    async close() {
      await sim.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
