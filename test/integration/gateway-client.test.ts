/**
 * The gateway client against the simulator over HTTPS (trusting the simulator's CA): every
 * interface end to end, the events each produces, GUID rotation, cookie replay, joined calls.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/index';
import {
  EventPoller,
  GatewayClient,
  createNodeFetch,
  type GatewayEvent,
  type NodeGatewayFetch,
} from '../../src/main/gateway/index';
import { recordRequests, type SentRequest } from '../support/gateway/recording-fetch';
import { pickAgentIn } from '../support/simulator-agents';

interface Harness {
  sim: RunningSimulator;
  client: GatewayClient;
  transport: NodeGatewayFetch;
  sent: SentRequest[];
}

const open: Harness[] = [];
afterEach(async () => {
  for (const harness of open.splice(0)) {
    await harness.transport.close();
    await harness.sim.close();
  }
});

async function signedIn(options: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const sim = await startSimulator({
    protocol: 'https',
    agents: 20,
    seed: 11,
    autoRun: false,
    pollHoldMs: 50,
    ...options,
  });
  const transport = createNodeFetch({ caPem: sim.caPem });
  const { fetch, sent } = recordRequests(transport);
  const inspector = sim.inspectors[0]!;
  const client = new GatewayClient({
    baseUrl: sim.baseUrl,
    agentId: inspector.agentId,
    fetch,
    requestTimeoutMs: 3_000,
    pollTimeoutMs: 3_000,
  });
  const harness = { sim, client, transport, sent };
  open.push(harness);
  await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
  return harness;
}

/** Polls until the gateway answers without an event; returns the event types seen. */
async function drainEvents(client: GatewayClient, limit = 50): Promise<GatewayEvent[]> {
  const events: GatewayEvent[] = [];
  for (let index = 0; index < limit; index++) {
    const event = await client.pollEvent();
    if (event === null) return events;
    events.push(event);
  }
  return events;
}

const types = (events: GatewayEvent[]): string[] => events.map((event) => event.eventType);

describe('gateway client ⇄ simulator (HTTPS)', () => {
  it('signs in, receives InService and Ready, and reports itself idle', async () => {
    const { sim, client } = await signedIn();
    expect(client.hasSession).toBe(true);
    const events = await drainEvents(client);
    expect(types(events)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    expect(events[0]?.workNo).toBe(sim.inspectors[0]!.agentId);
    expect(events[0]?.generatedAt).toEqual(expect.any(Number));
    expect(await client.getOwnStatus()).toEqual({ agentState: 1, isWorking: false });
  });

  it('lists agents consistently with the center (statuses stay strings)', async () => {
    const { sim, client } = await signedIn();
    const center = new Map(sim.center.listAgents().map((agent) => [agent.workNo, agent]));
    const statuses = await client.listAgentStatuses();
    expect(statuses.length).toBeGreaterThanOrEqual(20);
    for (const entry of statuses) {
      expect(typeof entry.status).toBe('string');
      const known = center.get(entry.workNo);
      if (known)
        expect({ status: entry.status, ctiStatus: entry.ctiStatus, name: entry.name }).toEqual({
          status: known.status,
          ctiStatus: known.ctiStatus,
          name: known.name,
        });
    }
    const monitorable = await client.listMonitorableAgents();
    expect(monitorable.length).toBeGreaterThan(0);
    expect(
      monitorable.every((agent) => /^\d+$/.test(agent.workNo) && typeof agent.status === 'string'),
    ).toBe(true);
    const target = pickAgentIn(sim, '7');
    const detail = await client.getAgent(target);
    expect(detail).toMatchObject({ workNo: target, status: '7', name: center.get(target)?.name });
    expect(detail.callIds).toHaveLength(1);
  });

  it('listen → switch → whisper → stop whisper, with the documented events', async () => {
    const { sim, client } = await signedIn();
    await drainEvents(client);
    const target = pickAgentIn(sim, '7');
    await client.listen(target);
    expect(types(await drainEvents(client))).toEqual(
      expect.arrayContaining([
        'AgentState_Busy',
        'AgentOther_PhoneAlerting',
        'AgentOther_PhoneOffhook',
      ]),
    );
    await client.switchListenInsert(target);
    await client.switchMode(target, 'whisper');
    await client.stopWhisper(target);
    // cec_07_2413: stop-whisper triggers no event; the own status says the inspector is idle.
    expect(types(await drainEvents(client))).not.toContain('AgentOther_BeQcStop');
    expect((await client.getOwnStatus()).agentState).toBe(1);
  });

  it('insert → switchMode listen → cancel; whisper → switchMode insert → intercept a call', async () => {
    const { sim, client } = await signedIn();
    const [first, second] = sim.center
      .listAgents()
      .filter((agent) => agent.status === '7')
      .map((agent) => agent.workNo);
    await client.insert(first!);
    await client.switchMode(first!, 'listen');
    await client.cancel(first!);
    await drainEvents(client);
    await client.whisper(second!);
    await client.switchMode(second!, 'insert');
    const callId = (await client.getAgent(second!)).callIds[0];
    await client.intercept(second!, callId);
    expect(types(await drainEvents(client))).toContain('AgentEvent_Talking');
  });

  it('intercept without a call id takes over the inspected call', async () => {
    const { sim, client } = await signedIn();
    const target = pickAgentIn(sim, '7');
    await client.listen(target);
    await client.intercept(target);
    expect(types(await drainEvents(client))).toContain('AgentEvent_Talking');
    expect(sim.center.listAgents().find((agent) => agent.workNo === target)?.status).not.toBe('7');
  });

  it('forces agents busy, idle and signed out', async () => {
    const { sim, client } = await signedIn();
    const idle = pickAgentIn(sim, '4');
    const statusOf = (workNo: string): string | undefined =>
      sim.center.listAgents().find((agent) => agent.workNo === workNo)?.status;
    await client.forceBusy(idle);
    expect(statusOf(idle)).toBe('3');
    await client.forceIdle(idle);
    expect(statusOf(idle)).toBe('4');
    await client.forceSignOutAgent(idle);
    expect(statusOf(idle)).toBe('2');
  });

  it('beginMonitor delivers QC_AgentState_Notify; endMonitor stops it; batches stay within 500', async () => {
    const { sim, client, sent } = await signedIn({ agents: 1_100 });
    await drainEvents(client);
    const everyone = (await client.listAgentStatuses()).map((agent) => agent.workNo);
    await client.beginMonitor(everyone);
    const monitorCalls = sent.filter((request) => request.url.includes('/beginmonitor?'));
    expect(monitorCalls.length).toBe(Math.ceil(everyone.length / 500));
    const target = pickAgentIn(sim, '4');
    sim.center.setAgentStatus(target, '3');
    const notify = (await drainEvents(client)).find(
      (event) => event.eventType === 'QC_AgentState_Notify',
    );
    expect(notify?.content).toMatchObject({
      subtype: 'QC_AgentState_Busy',
      monitoredagent: target,
    });
    await client.endMonitor(everyone);
    sim.center.setAgentStatus(target, '4');
    expect(types(await drainEvents(client))).not.toContain('QC_AgentState_Notify');
  });

  it('lists skill queues and waiting calls, and takes a queued call with requestCall', async () => {
    const { sim, client, sent } = await signedIn();
    const skills = await client.listSkillQueues();
    expect(skills.map((skill) => skill.id).sort()).toEqual(
      sim.center
        .listSkills()
        .map((skill) => skill.id)
        .sort(),
    );
    const skill = skills[0]!;
    const callId = sim.center.enqueueCall(skill.id, '13800000000');
    const waiting = await client.listWaitingCalls(skill.id);
    expect(waiting).toContainEqual(
      expect.objectContaining({ callId, caller: '13800000000', skillId: skill.id }),
    );
    await drainEvents(client);
    await client.requestCall(callId, skill.id);
    expect(sent.at(-1)?.url).toContain(`?skillId=${skill.id}&skillid=${skill.id}`);
    expect((await client.listWaitingCalls(skill.id)).map((call) => call.callId)).not.toContain(
      callId,
    );
    expect(types(await drainEvents(client))).toEqual(
      expect.arrayContaining(['AgentOther_PhoneAlerting', 'AgentEvent_Talking']),
    );
  });

  it('adopts rotated GUIDs from polls (AUTHMODE 2, no grace) and keeps working', async () => {
    const { client, sent } = await signedIn({ guidRotationPolls: 2, guidGraceMs: 0 });
    for (let index = 0; index < 7; index++) await client.pollEvent();
    await client.getOwnStatus();
    const guids = new Set(
      sent.filter((request) => request.headers.Guid).map((request) => request.headers.Guid),
    );
    expect(guids.size).toBeGreaterThanOrEqual(3);
    await client.refreshGuid();
    await expect(client.listAgentStatuses()).resolves.toBeDefined();
  });

  it('replays the route cookie from sign-in on every later call', async () => {
    const { client, sent } = await signedIn();
    await client.getOwnStatus();
    await client.pollEvent();
    const afterSignIn = sent.slice(1);
    expect(sent[0]?.headers.Cookie).toBeUndefined();
    expect(afterSignIn.length).toBeGreaterThan(1);
    for (const request of afterSignIn) expect(request.headers.Cookie).toMatch(/AGWROUTE=node0/);
  });

  it('joins identical calls so the gateway never answers 000-007', async () => {
    const { sim, client } = await signedIn();
    sim.faults.set({ latencyMs: 80 });
    const target = pickAgentIn(sim, '7');
    const before = sim.center.stats().requestsByLogName;
    const results = await Promise.allSettled([
      client.listen(target),
      client.listen(target),
      client.listen(target),
      client.listAgentStatuses(),
      client.listAgentStatuses(),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const after = sim.center.stats().requestsByLogName;
    const delta = (name: string): number => (after[name] ?? 0) - (before[name] ?? 0);
    expect(delta('addSupervise')).toBe(1);
    expect(delta('queryAllAgentStatus')).toBe(1);
  });

  it('signs out (normal and forced); afterwards calls are refused and sign-in works again', async () => {
    const { sim, client } = await signedIn();
    await client.signOut();
    expect(client.hasSession).toBe(false);
    await expect(client.listen(pickAgentIn(sim, '7'))).rejects.toMatchObject({ needsSignIn: true });
    const inspector = sim.inspectors[0]!;
    await client.signIn({
      password: inspector.password,
      phoneNumber: inspector.phoneNumber,
      force: true,
    });
    await client.signOut({ force: true });
    await client.signOut();
    expect(client.hasSession).toBe(false);
  });

  it('an EventPoller delivers events live and stops itself when the gateway restarts', async () => {
    const { sim, client } = await signedIn();
    const events: string[] = [];
    const errors: string[] = [];
    const poller = new EventPoller(
      client,
      {
        onEvent: (event) => events.push(event.eventType),
        onError: (error) => errors.push(error.retcode ?? error.kind),
      },
      { emptyPauseMs: 10 },
    );
    poller.start();
    await vi.waitFor(() => expect(events).toEqual(['AgentOther_InService', 'AgentState_Ready']));
    await client.listen(pickAgentIn(sim, '7'));
    await vi.waitFor(() => expect(events).toContain('AgentOther_PhoneOffhook'));
    sim.restart();
    await vi.waitFor(() => expect(poller.running).toBe(false));
    expect(errors.at(-1)).toMatch(/^(100-006|000-003)$/);
    await poller.stop();
  });
});
