/**
 * The gateway client against the simulator when things go wrong: documented error codes,
 * invalidated sessions, a black-holed network, HTTP 5xx, malformed bodies, dropped
 * connections and TLS trust (CA, pin, pin mismatch). Each must surface as its own kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/index';
import type { GatewayError } from '../../src/main/gateway/index';
import {
  GatewayClient,
  createNodeFetch,
  formatFingerprint,
  type NodeGatewayFetch,
  type NodeTlsOptions,
} from '../../src/main/gateway/index';
import { rejectionOf } from '../support/gateway/gateway-error-capture';
import { pickAgentIn } from '../support/simulator-agents';

const sims: RunningSimulator[] = [];
const transports: NodeGatewayFetch[] = [];
afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

async function simulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({
    protocol: 'https',
    agents: 20,
    seed: 5,
    autoRun: false,
    pollHoldMs: 50,
    ...options,
  });
  sims.push(sim);
  return sim;
}

function clientFor(
  sim: RunningSimulator,
  account = sim.inspectors[0]!,
  tls: NodeTlsOptions = { caPem: sim.caPem },
  requestTimeoutMs = 2_000,
): GatewayClient {
  const transport = createNodeFetch(tls);
  transports.push(transport);
  return new GatewayClient({
    baseUrl: sim.baseUrl,
    agentId: account.agentId,
    fetch: transport,
    requestTimeoutMs,
    pollTimeoutMs: 2_000,
  });
}

async function signedInClient(
  sim: RunningSimulator,
  requestTimeoutMs?: number,
): Promise<GatewayClient> {
  const inspector = sim.inspectors[0]!;
  const client = clientFor(sim, inspector, { caPem: sim.caPem }, requestTimeoutMs);
  await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
  return client;
}

describe('documented error codes from the simulator', () => {
  it('100-004: wrong password, with both languages and no session', async () => {
    const sim = await simulator();
    const client = clientFor(sim);
    const error = await rejectionOf(
      client.signIn({ password: 'wrong', phoneNumber: sim.inspectors[0]!.phoneNumber }),
    );
    expect(error).toMatchObject({
      kind: 'retcode',
      retcode: '100-004',
      interfaceName: 'login',
      retryable: false,
      needsSignIn: false,
    });
    expect(error.messageZh).toMatch(/密码/);
    expect(client.hasSession).toBe(false);
  });

  it('000-005: inspecting yourself', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    expect(await rejectionOf(client.listen(sim.inspectors[0]!.agentId))).toMatchObject({
      kind: 'retcode',
      retcode: '000-005',
    });
  });

  it('900-002: an agent without the QC right', async () => {
    const sim = await simulator();
    const agent =
      sim.agents.find((account) =>
        sim.center.listAgents().some((row) => row.workNo === account.agentId && row.status === '2'),
      ) ?? sim.agents[0]!;
    const client = clientFor(sim, agent);
    await client.signIn({ password: agent.password, phoneNumber: agent.phoneNumber, force: true });
    expect(await rejectionOf(client.listen(sim.inspectors[1]!.agentId))).toMatchObject({
      kind: 'retcode',
      retcode: '900-002',
    });
  });

  it('900-003: the target is signed out', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    const target = pickAgentIn(sim, '4');
    sim.center.setAgentStatus(target, '2');
    expect(await rejectionOf(client.insert(target))).toMatchObject({
      kind: 'retcode',
      retcode: '900-003',
    });
  });

  it('900-005: the inspector is not idle (already listening)', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    const [first, second] = sim.center
      .listAgents()
      .filter((agent) => agent.status === '7')
      .map((agent) => agent.workNo);
    await client.listen(first!);
    expect(await rejectionOf(client.listen(second!))).toMatchObject({
      kind: 'retcode',
      retcode: '900-005',
      retryable: false,
    });
  });

  it('100-006 after a gateway restart; sign-out then still succeeds and clears the session', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.restart();
    expect(await rejectionOf(client.pollEvent())).toMatchObject({
      retcode: '100-006',
      needsSignIn: true,
    });
    await client.signOut();
    expect(client.hasSession).toBe(false);
  });

  it('000-003 after the GUIDs were invalidated; clearSession + sign-in recovers', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.invalidateGuids();
    expect(await rejectionOf(client.getOwnStatus())).toMatchObject({
      retcode: '000-003',
      needsSignIn: true,
    });
    client.clearSession();
    const inspector = sim.inspectors[0]!;
    await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
    await expect(client.getOwnStatus()).resolves.toMatchObject({ agentState: expect.any(Number) });
  });
});

describe('injected faults', () => {
  it('a black-holed network → timeout; once it clears the next call succeeds', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim, 200);
    sim.faults.set({ stalled: true });
    const started = performance.now();
    expect(await rejectionOf(client.listAgentStatuses())).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    sim.faults.clear();
    await expect(client.listSkillQueues()).resolves.toBeDefined();
  });

  it('HTTP 502/503 → http-status', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.set({ http5xxRate: 1 });
    const error = await rejectionOf(client.listAgentStatuses());
    expect(error.kind).toBe('http-status');
    expect([502, 503]).toContain(error.httpStatus);
  });

  it('malformed bodies → malformed, every time, without quoting the body', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.set({ malformedRate: 1 });
    for (let index = 0; index < 10; index++) {
      const error = await rejectionOf(client.listAgentStatuses());
      expect(error.kind).toBe('malformed');
      expect(error.message).not.toMatch(/<html|Session expired/);
    }
  });

  // Issue 10: a broken envelope is malformed; an odd event inside a good envelope is passed on
  // as an `unknown` event (never a crash, never an event that looks like a known one).
  it('malformed poll answers → malformed or an unknown event (never a crash or a bogus event)', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.set({ malformedRate: 1 });
    const kinds = new Set<string>();
    for (let index = 0; index < 10; index++) {
      try {
        const event = await client.pollEvent();
        kinds.add(event === null ? 'empty' : event.known ? 'known event' : 'unknown event');
      } catch (error) {
        kinds.add((error as GatewayError).kind);
      }
    }
    expect(kinds).toContain('malformed');
    expect([...kinds].every((kind) => kind === 'malformed' || kind === 'unknown event')).toBe(true);
  });

  it('dropped connections → transport', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.set({ dropRate: 1 });
    expect(await rejectionOf(client.getOwnStatus())).toMatchObject({
      kind: 'transport',
      retryable: true,
    });
  });

  it('business-error bursts (900-001 / 100-007) are retryable retcode errors', async () => {
    const sim = await simulator();
    const client = await signedInClient(sim);
    sim.faults.set({ retcodeErrorRate: 1 });
    expect(await rejectionOf(client.listen(pickAgentIn(sim, '7')))).toMatchObject({
      kind: 'retcode',
      retcode: '900-001',
      retryable: true,
    });
    expect(await rejectionOf(client.listSkillQueues())).toMatchObject({
      kind: 'retcode',
      retcode: '100-007',
      retryable: true,
    });
  });
});

describe('TLS trust against the simulator', () => {
  it('refuses the simulator without its CA', async () => {
    const sim = await simulator();
    const error = await rejectionOf(
      clientFor(sim, undefined, {}).signIn({ password: 'x', phoneNumber: '1' }),
    );
    expect(error.kind).toBe('tls');
  });

  it('accepts it by pin alone (no CA), in any accepted spelling', async () => {
    const sim = await simulator();
    const inspector = sim.inspectors[0]!;
    for (const pin of [sim.certSha256, formatFingerprint(sim.certSha256)]) {
      const client = clientFor(sim, inspector, { pinSha256: pin });
      await client.signIn({
        password: inspector.password,
        phoneNumber: inspector.phoneNumber,
        force: true,
      });
      expect(client.hasSession).toBe(true);
    }
  });

  it('a pin mismatch fails even with the right CA, naming both fingerprints', async () => {
    const sim = await simulator();
    const wrong = 'cd'.repeat(32);
    const error = await rejectionOf(
      clientFor(sim, undefined, { caPem: sim.caPem, pinSha256: wrong }).signIn({
        password: 'x',
        phoneNumber: '1',
      }),
    );
    expect(error.kind).toBe('tls');
    expect(error.message).toContain(formatFingerprint(wrong));
    expect(error.message).toContain(formatFingerprint(sim.certSha256));
    expect(sim.center.stats().requestsByLogName.login ?? 0).toBe(0);
  });
});
