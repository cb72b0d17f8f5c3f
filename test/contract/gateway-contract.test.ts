/**
 * The contract suite (issue 10): the same scenarios against the simulator in each gateway-version
 * profile, with the project's client and with the request shapes Huawei's demo clients send.
 * Each scenario names the page or demo file it rests on. Where the two page generations differ
 * (gateway-model/gateway-profile.ts) the expectation follows the profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayClient, createNodeFetch, type NodeGatewayFetch } from '../../src/main/gateway';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { pickAgentIn } from '../support/simulator-agents';
import { rejectionOf } from '../support/gateway/gateway-error-capture';
import {
  callGateway,
  drainEvents,
  listEventTypes,
  pollOnce,
  readSetGuid,
  signInAs,
} from '../support/simulator/simulator-test-helpers';

const PROFILES = ['current', 'legacy'] as const;

const open: Array<{ sim: RunningSimulator; transport?: NodeGatewayFetch }> = [];
afterEach(async () => {
  for (const entry of open.splice(0)) {
    await entry.transport?.close();
    await entry.sim.close();
  }
});

async function simulator(version: (typeof PROFILES)[number]): Promise<RunningSimulator> {
  const sim = await startSimulator({
    protocol: 'http',
    autoRun: false,
    pollHoldMs: 25,
    agents: 20,
    seed: 5,
    gatewayVersion: version,
  });
  open.push({ sim });
  return sim;
}

async function signedInClient(sim: RunningSimulator): Promise<GatewayClient> {
  const transport = createNodeFetch();
  open.push({ sim, transport });
  const inspector = sim.inspectors[0]!;
  const client = new GatewayClient({
    baseUrl: sim.origin,
    agentId: inspector.agentId,
    fetch: transport,
    pollTimeoutMs: 2_000,
  });
  await client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber });
  return client;
}

/** Drain the client's events (the simulator holds an empty poll 25 ms). */
async function clientEvents(client: GatewayClient) {
  const events = [];
  for (let i = 0; i < 100; i++) {
    const event = await client.pollEvent();
    if (event === null) return events;
    events.push(event);
  }
  throw new Error('too many events');
}

describe.each(PROFILES)('gateway contract — %s profile', (version) => {
  // AgentServerDemo_Java OnlineAgentService.forceLogin: extra fields, agenttype as text,
  // autoenteridle false, pushUrl; then resetSkills: POST resetskill/true with no body.
  it("accepts the AgentServerDemo's forced sign-in body and its resetskill/true", async () => {
    const sim = await simulator(version);
    const account = sim.inspectors[1]!;
    const signIn = await callGateway(sim, 'PUT', `onlineagent/${account.agentId}/forcelogin`, {
      body: {
        password: account.password,
        phonenum: account.phoneNumber,
        autoanswer: true,
        autoenteridle: false,
        agenttype: '4',
        status: 4,
        releasephone: true,
        pushUrl: 'https://demo.invalid/push',
      },
    });
    expect(signIn.json.retcode).toBe('0');
    const guid = readSetGuid(signIn.headers)!;
    const response = await fetch(`${sim.baseUrl}onlineagent/${account.agentId}/resetskill/true`, {
      method: 'POST',
      headers: { guid },
    });
    expect(await response.json()).toMatchObject({ retcode: '0', result: {} });
  });

  // cec_07_1209: autoflag false + skillid intersection; bad skillid / phonelinkage → 000-002;
  // no session → 100-006.
  it('answers resetskill as cec_07_1209 documents', async () => {
    const sim = await simulator(version);
    const account = sim.agents[0]!;
    const guid = await signInAs(sim, account);
    const path = `onlineagent/${account.agentId}/resetskill`;
    expect(
      (await callGateway(sim, 'POST', `${path}/false?skillid=1;2;3`, { guid })).json.retcode,
    ).toBe('0');
    expect((await callGateway(sim, 'POST', `${path}/anything`, { guid })).json.retcode).toBe('0');
    expect(
      (await callGateway(sim, 'POST', `${path}/false?skillid=a;b`, { guid })).json.retcode,
    ).toBe('000-002');
    expect(
      (await callGateway(sim, 'POST', `${path}/true?phonelinkage=7`, { guid })).json.retcode,
    ).toBe('000-002');
    expect((await callGateway(sim, 'POST', `${path}/true`, { guid: 'nope' })).json.retcode).toMatch(
      /^(100-006|000-003)$/,
    );
  });

  // AgentServerDemo_Java OnlineAgentService.login: the full plain sign-in body.
  it("accepts the AgentServerDemo's plain sign-in body", async () => {
    const sim = await simulator(version);
    const account = sim.inspectors[2]!;
    const answer = await callGateway(sim, 'PUT', `onlineagent/${account.agentId}`, {
      body: {
        password: account.password,
        phonenum: account.phoneNumber,
        autoanswer: true,
        autoenteridle: true,
        releasephone: true,
        agenttype: '4',
        status: 4,
        phonelinkage: false,
        checkInWebm: true,
        checkInMailm: false,
        listenStatus: false,
      },
    });
    expect(answer.json.retcode).toBe('0');
    expect(readSetGuid(answer.headers)).toMatch(/\.AgentGateway\d$/);
  });

  // QuickAgentDemo_CSharp LoginParam.cs: {password, phonenum, autoanswer, autoenteridle, status}
  // sent with a lower-case `guid` header afterwards (AgentGatewayHelper.cs).
  it("accepts the C# QuickAgent demo's sign-in body and lower-case guid header", async () => {
    const sim = await simulator(version);
    const account = sim.agents[2]!;
    const answer = await callGateway(sim, 'PUT', `onlineagent/${account.agentId}`, {
      body: {
        password: account.password,
        phonenum: account.phoneNumber,
        autoanswer: false,
        autoenteridle: true,
        status: 4,
      },
    });
    expect(answer.json.retcode).toBe('0');
    const response = await fetch(`${sim.baseUrl}onlineagent/${account.agentId}/agentstatus`, {
      headers: { guid: readSetGuid(answer.headers)! },
    });
    expect(((await response.json()) as { retcode: string }).retcode).toBe('0');
  });

  // ICP_Bridge AgentService.doMonitorAgents: endmonitor, then beginmonitor?agents=a;b;c, no body.
  it("accepts the ICP bridge's endmonitor / beginmonitor sequence", async () => {
    const sim = await simulator(version);
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector, { force: true });
    const agents = sim.agents
      .slice(0, 3)
      .map((agent) => agent.agentId)
      .join(';');
    for (const verb of ['endmonitor', 'beginmonitor']) {
      const response = await fetch(
        `${sim.baseUrl}qualitycontrol/${inspector.agentId}/${verb}?agents=${agents}`,
        { method: 'POST', headers: { guid } },
      );
      expect(((await response.json()) as { retcode: string }).retcode).toBe('0');
    }
  });

  // cec_07_1274 / 1346: eventGenTime on the newer pages only, and then a number.
  it('stamps events with eventGenTime as the profile says', async () => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    const events = await clientEvents(client);
    expect(events.map((event) => event.eventType)).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
    ]);
    for (const event of events) {
      if (version === 'current') expect(event.generatedAt).toBeGreaterThan(1e12);
      else expect(event.generatedAt).toBeNull();
      expect(event.known).toBe(true);
    }
    expect(client.unknownEventCount).toBe(0);
  });

  // qualitycontrol.js / ICP bridge: allagent includes the signed-in inspector; lists decode.
  it('lists the inspector in allagent; agentbyworkno integers and waitcallinfo ints decode', async () => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    const monitorable = await client.listMonitorableAgents();
    expect(monitorable.some((agent) => agent.workNo === client.agentId)).toBe(true);
    // cec_07_0415: status / ctiStatus integers; the client keeps codes as text.
    const talking = pickAgentIn(sim, '7');
    expect(await client.getAgent(talking)).toMatchObject({ status: '7', ctiStatus: '5' });
    const skill = sim.center.listSkills()[0]!;
    sim.center.enqueueCall(skill.id, '13800000009');
    if (version === 'legacy') {
      // cec_07_1271 prerequisite "the agent is not idle": a refusal, not session loss.
      const refused = await rejectionOf(client.listWaitingCalls(skill.id));
      expect(refused).toMatchObject({ kind: 'retcode', retcode: '100-009', needsSignIn: false });
      expect(refused.retcodeClass).toBe('refusal');
    } else {
      const waiting = await client.listWaitingCalls(skill.id);
      expect(waiting.some((call) => call.caller === '13800000009')).toBe(true);
    }
  });

  // Agent ids: 101–59999 on the 2023 pages (seed 001), 101–999999 on the newer (seed 000).
  it('refuses agent ids above the range of its page generation with 000-002', async () => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    const outcome = client.getAgent('600000').then(
      () => 'answered',
      (error: { retcode?: string }) => error.retcode ?? 'other',
    );
    expect(await outcome).toBe(version === 'legacy' ? '000-002' : '300-002');
  });

  // Seed 001 (listen, 2023: no BeQcStart) vs cec_07_0434 (insert, 2025: BeQcStart); seed 002
  // (switch) and cec_07_2413 (stop-whisper) trigger no event.
  it('tells the target of a listen as its pages say; switch and stop-whisper say nothing', async () => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    const target = sim.agents[4]!;
    const targetGuid = await signInAs(sim, target);
    sim.center.setAgentStatus(target.agentId, '7');
    await drainEvents(sim, target.agentId, targetGuid);
    await clientEvents(client);
    await client.listen(target.agentId);
    expect(listEventTypes(await drainEvents(sim, target.agentId, targetGuid))).toEqual(
      version === 'legacy' ? [] : ['AgentOther_BeQcStart'],
    );
    await clientEvents(client);
    await client.switchListenInsert(target.agentId);
    expect(await clientEvents(client)).toEqual([]);
    expect(await drainEvents(sim, target.agentId, targetGuid)).toEqual([]);
    await client.switchMode(target.agentId, 'whisper');
    await drainEvents(sim, target.agentId, targetGuid);
    await client.stopWhisper(target.agentId);
    expect(await clientEvents(client)).toEqual([]);
    expect(await drainEvents(sim, target.agentId, targetGuid)).toEqual([]);
    expect((await client.getOwnStatus()).agentState).toBe(1);
  });

  // cec_07_1355: Talking's feature / mediaAbility are text; cec_07_1402: ShutdownService is
  // the normal "signed out" event, also for a session kicked by a forced sign-in.
  it('sends Talking as documented and ShutdownService to a session signed out', async () => {
    const sim = await simulator(version);
    const agent = sim.agents[6]!;
    const guid = await signInAs(sim, agent);
    await drainEvents(sim, agent.agentId, guid);
    sim.center.setAgentStatus(agent.agentId, '7');
    const events = await drainEvents(sim, agent.agentId, guid);
    const talking = events.find((event) => event.eventType === 'AgentEvent_Talking');
    expect(talking?.content).toMatchObject({ feature: '0', mediaAbility: '1', type: 'main' });
    expect(listEventTypes(events)[0]).toBe('AgentEvent_Ringing');
    sim.center.setAgentStatus(agent.agentId, '4');
    await drainEvents(sim, agent.agentId, guid);
    await signInAs(sim, agent, { force: true });
    const kicked = await pollOnce(sim, agent.agentId, guid);
    expect(kicked).toMatchObject({ eventType: 'AgentOther_ShutdownService' });
    // After that one event the old session is gone.
    const after = await callGateway(sim, 'GET', `agentevent/${agent.agentId}`, { guid });
    expect(after.json.retcode).toMatch(/^(100-006|000-003)$/);
  });

  // cec_07_1225 (updateGuid) and cec_07_0005 (AUTHMODE 2): a GUID that changed is a rotation —
  // adopted, and the session goes on without a new sign-in.
  it('treats a new GUID (poll Set-GUID or updateGuid) as a rotation, never as a new sign-in', async () => {
    const sim = await startSimulator({
      protocol: 'http',
      autoRun: false,
      pollHoldMs: 25,
      agents: 20,
      gatewayVersion: version,
      guidRotationPolls: 2,
      guidGraceMs: 0,
    });
    open.push({ sim });
    const client = await signedInClient(sim);
    for (let i = 0; i < 6; i++) await client.pollEvent();
    await client.refreshGuid();
    expect((await client.listAgentStatuses()).length).toBeGreaterThan(0);
    expect(client.hasSession).toBe(true);
    expect(sim.center.stats().requestsByLogName.login).toBe(1);
  });

  // cec_07_0580: the classes of the documented codes reach the client unchanged.
  it.each([
    ['105-002', 'retry-later', false],
    ['105-006', 'session-lost', true],
    ['000-004', 'retry-later', false],
    ['100-006', 'session-lost', true],
  ] as const)('an injected %s reaches the client as %s', async (retcode, retcodeClass, signIn) => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    sim.faults.answer({ interface: 'queryAllAgentStatus', retcode });
    const error = await rejectionOf(client.listAgentStatuses());
    expect(error).toMatchObject({ kind: 'retcode', retcode, retcodeClass, needsSignIn: signIn });
  });

  it.each([401, 403])('an injected HTTP %d reaches the client as session loss', async (status) => {
    const sim = await simulator(version);
    const client = await signedInClient(sim);
    sim.faults.answer({ interface: 'getAgentEvent', httpStatus: status });
    const error = await rejectionOf(client.pollEvent());
    expect(error).toMatchObject({ kind: 'http-status', httpStatus: status, needsSignIn: true });
  });

  // 100-011…100-018: sign-in refusals no retry can fix.
  it.each(['100-011', '100-013', '100-014', '100-015', '100-018'])(
    'an injected %s at sign-in is a fatal sign-in refusal',
    async (retcode) => {
      const sim = await simulator(version);
      sim.faults.answer({ interface: 'login', retcode });
      const inspector = sim.inspectors[0]!;
      const transport = createNodeFetch();
      open.push({ sim, transport });
      const client = new GatewayClient({
        baseUrl: sim.origin,
        agentId: inspector.agentId,
        fetch: transport,
      });
      const error = await rejectionOf(
        client.signIn({ password: inspector.password, phoneNumber: inspector.phoneNumber }),
      );
      expect(error).toMatchObject({ retcode, retcodeClass: 'fatal-sign-in' });
      expect(client.hasSession).toBe(false);
    },
  );
});
