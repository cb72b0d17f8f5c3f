import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './simulator-types';
import {
  callGateway,
  drainEvents,
  listEventTypes,
  pollOnce,
  readSetGuid,
  signInAs,
  startTestSimulator,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator sign-in and sign-out', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator({ authMode: 1 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('signs in with the §3.1 result, a Set-GUID header and a route cookie, then queues InService and Ready', async () => {
    const inspector = sim.inspectors[0]!;
    const answer = await callGateway(sim, 'PUT', `onlineagent/${inspector.agentId}`, {
      body: { password: inspector.password, phonenum: inspector.phoneNumber, status: 4 },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.retcode).toBe('0');
    const result = answer.json.result as Record<string, unknown>;
    expect(result).toMatchObject({
      vdnid: 1,
      workno: inspector.agentId,
      isForceChange: 'false',
      serverName: 'AgentGateway',
    });
    expect(result.loginTime).toMatch(/^\d{13}$/);
    expect(answer.headers.get('set-guid')).toMatch(/^JSESSIONID=[0-9a-f-]{36}\.AgentGateway0$/);
    expect(answer.headers.get('set-cookie')).toContain('AGWROUTE=');
    const guid = readSetGuid(answer.headers)!;
    const events = await drainEvents(sim, inspector.agentId, guid);
    expect(listEventTypes(events)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    expect(events[0]).toMatchObject({ workNo: inspector.agentId, content: null });
    expect(String(events[0]!.eventGenTime)).toMatch(/^\d{13}$/);
  });

  it('adds the documented extra event for sign-in as busy or wrap-up', async () => {
    const [first, second] = sim.inspectors;
    const busyGuid = await signInAs(sim, first!, { status: 3 });
    expect(listEventTypes(await drainEvents(sim, first!.agentId, busyGuid))).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
      'AgentState_SetNotReady_Success',
    ]);
    const workGuid = await signInAs(sim, second!, { status: 5 });
    expect(listEventTypes(await drainEvents(sim, second!.agentId, workGuid))).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
      'AgentState_Work',
    ]);
    expect(sim.center.listAgents().find((a) => a.workNo === first!.agentId)?.status).toBe('3');
  });

  it('rejects bad sign-ins with the documented codes', async () => {
    const inspector = sim.inspectors[0]!;
    const path = `onlineagent/${inspector.agentId}`;
    const codeOf = async (body: unknown) =>
      (await callGateway(sim, 'PUT', path, { body })).json.retcode;
    expect(await codeOf(undefined)).toBe('100-001');
    expect(await codeOf({ password: inspector.password })).toBe('100-001');
    expect(await codeOf({ password: inspector.password, phonenum: '8001', status: 7 })).toBe(
      '100-001',
    );
    expect(await codeOf({ password: inspector.password, phonenum: 12345 })).toBe('100-001');
    expect(await codeOf({ password: 'wrong', phonenum: '8001' })).toBe('100-004');
    const unknown = await callGateway(sim, 'PUT', 'onlineagent/555555', {
      body: { password: 'x', phonenum: '1' },
    });
    expect(unknown.json.retcode).toBe('100-004');
    const badId = await callGateway(sim, 'PUT', 'onlineagent/12', {
      body: { password: 'x', phonenum: '1' },
    });
    expect(badId.json.retcode).toBe('000-002');
    await signInAs(sim, inspector);
    expect(await codeOf({ password: inspector.password, phonenum: '8001' })).toBe('100-002');
  });

  it('forcelogin kicks the old session, which gets ShutdownService once and then 100-006', async () => {
    const inspector = sim.inspectors[0]!;
    const oldGuid = await signInAs(sim, inspector);
    await drainEvents(sim, inspector.agentId, oldGuid);
    const newGuid = await signInAs(sim, inspector, { force: true });
    expect(newGuid).not.toBe(oldGuid);
    const kicked = await pollOnce(sim, inspector.agentId, oldGuid);
    expect(kicked?.eventType).toBe('AgentOther_ShutdownService');
    expect((kicked?.content as { loginTime: string }).loginTime).toMatch(/^\d+$/);
    expect(
      (await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid: oldGuid })).json
        .retcode,
    ).toBe('100-006');
    expect(listEventTypes(await drainEvents(sim, inspector.agentId, newGuid))).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
    ]);
  });

  it('signs out normally, after which the GUID is unknown', async () => {
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const answer = await callGateway(sim, 'DELETE', `onlineagent/${inspector.agentId}/logout`, {
      guid,
    });
    expect(answer.json).toEqual({ message: 'success', retcode: '0', result: {} });
    expect(
      (await callGateway(sim, 'GET', `onlineagent/${inspector.agentId}/agentstatus`, { guid })).json
        .retcode,
    ).toBe('100-006');
    expect(sim.center.listAgents().find((a) => a.workNo === inspector.agentId)?.status).toBe('2');
    await signInAs(sim, inspector);
  });

  it('refuses a normal sign-out during an inspection (100-010) but allows forcelogout', async () => {
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const target = sim.center
      .listAgents()
      .find((a) => a.status === '7' && !a.workNo.startsWith('9'))!;
    expect(
      (
        await callGateway(
          sim,
          'PUT',
          `qualitycontrol/${inspector.agentId}/addsupervise/${target.workNo}`,
          { guid },
        )
      ).json.retcode,
    ).toBe('0');
    expect(
      (await callGateway(sim, 'DELETE', `onlineagent/${inspector.agentId}/logout`, { guid })).json
        .retcode,
    ).toBe('100-010');
    expect(
      (await callGateway(sim, 'DELETE', `onlineagent/${inspector.agentId}/forcelogout`, { guid }))
        .json.retcode,
    ).toBe('0');
    expect(
      (await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid })).json.retcode,
    ).toBe('100-006');
  });

  it('reports its own status as {agentState, isWorking}', async () => {
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const answer = await callGateway(sim, 'GET', `onlineagent/${inspector.agentId}/agentstatus`, {
      guid,
    });
    expect(answer.json.result).toEqual({ agentState: 1, isWorking: false });
  });

  it('answers the routing errors: 404, wrong method 000-001, bad ids 000-002', async () => {
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const notFound = await fetch(`${sim.baseUrl}nosuch/${inspector.agentId}`);
    expect(notFound.status).toBe(404);
    await notFound.text();
    expect((await fetch(`${sim.origin}/other/path`)).status).toBe(404);
    expect(
      (await callGateway(sim, 'POST', `agentevent/${inspector.agentId}`, { guid })).json.retcode,
    ).toBe('000-001');
    expect(
      (await callGateway(sim, 'GET', `qualitycontrol/${inspector.agentId}/1001`, { guid })).json
        .retcode,
    ).toBe('000-001');
    expect(
      (await callGateway(sim, 'PUT', `qualitycontrol/${inspector.agentId}/addinsert/abc`, { guid }))
        .json.retcode,
    ).toBe('000-002');
    expect(
      (
        await callGateway(sim, 'PUT', `qualitycontrol/${inspector.agentId}/addinsert/1000000`, {
          guid,
        })
      ).json.retcode,
    ).toBe('000-002');
  });
});

describe('simulator request log', () => {
  it('logs method, path, interface and retcode, never the GUID or the password', async () => {
    const lines: string[] = [];
    const sim = await startTestSimulator({ log: (line) => lines.push(line) });
    try {
      const inspector = sim.inspectors[0]!;
      const guid = await signInAs(sim, inspector);
      await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
      await callGateway(sim, 'PUT', `onlineagent/${inspector.agentId}`, {
        body: { password: 'wrong-secret', phonenum: '1' },
      });
      expect(lines).toEqual([
        `PUT /agentgateway/resource/onlineagent/${inspector.agentId} login 0`,
        `GET /agentgateway/resource/agentevent/${inspector.agentId} getAgentEvent 0`,
        `PUT /agentgateway/resource/onlineagent/${inspector.agentId} login 100-004`,
      ]);
      const all = lines.join('\n');
      expect(all).not.toContain(guid);
      expect(all).not.toContain(inspector.password);
      expect(sim.center.stats().requestsByLogName).toEqual({ login: 2, getAgentEvent: 1 });
    } finally {
      await sim.close();
    }
  });
});

describe('simulator GUID handling', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('requires a known GUID: missing or unknown → 100-006, another agent’s path → 000-003', async () => {
    sim = await startTestSimulator();
    const [first, second] = sim.inspectors;
    const guid = await signInAs(sim, first!);
    const path = `onlineagent/${first!.agentId}/agentstatus`;
    expect((await callGateway(sim, 'GET', path)).json.retcode).toBe('100-006');
    expect(
      (
        await callGateway(sim, 'GET', path, {
          guid: 'a9a9a9a9-0000-0000-0000-000000000000.AgentGateway0',
        })
      ).json.retcode,
    ).toBe('100-006');
    expect(
      (await callGateway(sim, 'GET', `onlineagent/${second!.agentId}/agentstatus`, { guid })).json
        .retcode,
    ).toBe('000-003');
    // Header names are case-insensitive.
    const lower = await fetch(`${sim.baseUrl}${path}`, { headers: { guid } });
    expect(((await lower.json()) as { retcode: string }).retcode).toBe('0');
  });

  it('rotates the GUID in AUTHMODE 2 via Set-GUID on a poll, accepts the old one during the grace period, then 000-003', async () => {
    sim = await startTestSimulator({ authMode: 2, guidRotationPolls: 3, guidGraceMs: 5_000 });
    const inspector = sim.inspectors[0]!;
    const firstGuid = await signInAs(sim, inspector);
    const pollPath = `agentevent/${inspector.agentId}`;
    const rotations: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1)
      rotations.push(
        readSetGuid((await callGateway(sim, 'GET', pollPath, { guid: firstGuid })).headers),
      );
    expect(rotations.slice(0, 2)).toEqual([null, null]);
    const secondGuid = rotations[2]!;
    expect(secondGuid).toMatch(/\.AgentGateway0$/);
    expect(secondGuid).not.toBe(firstGuid);
    const statusPath = `onlineagent/${inspector.agentId}/agentstatus`;
    expect((await callGateway(sim, 'GET', statusPath, { guid: firstGuid })).json.retcode).toBe('0');
    expect(
      (
        await callGateway(sim, 'PUT', `onlineagent/${inspector.agentId}/updateGuid`, {
          guid: firstGuid,
        })
      ).json.result,
    ).toEqual({ guid: secondGuid });
    sim.center.advance(5_001);
    expect((await callGateway(sim, 'GET', statusPath, { guid: firstGuid })).json.retcode).toBe(
      '000-003',
    );
    expect((await callGateway(sim, 'GET', statusPath, { guid: secondGuid })).json.retcode).toBe(
      '0',
    );
  });

  it('never rotates in AUTHMODE 1', async () => {
    sim = await startTestSimulator({ authMode: 1, guidRotationPolls: 1 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const answer = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    expect(answer.headers.get('set-guid')).toBeNull();
  });

  it('signs out a session that stops polling for sessionTimeoutMs', async () => {
    sim = await startTestSimulator({ sessionTimeoutMs: 60_000 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    sim.center.advance(30_000);
    await pollOnce(sim, inspector.agentId, guid);
    sim.center.advance(59_000);
    expect(
      (await callGateway(sim, 'GET', `onlineagent/${inspector.agentId}/agentstatus`, { guid })).json
        .retcode,
    ).toBe('0');
    sim.center.advance(2_000);
    expect(
      (await callGateway(sim, 'GET', `onlineagent/${inspector.agentId}/agentstatus`, { guid })).json
        .retcode,
    ).toBe('100-006');
    expect(sim.center.listAgents().find((a) => a.workNo === inspector.agentId)?.status).toBe('2');
  });

  it('invalidateGuids makes live GUIDs stale (000-003) and lets the agent sign in again; restart forgets everything (100-006)', async () => {
    sim = await startTestSimulator();
    const [first, second] = sim.inspectors;
    const staleGuid = await signInAs(sim, first!);
    sim.faults.invalidateGuids();
    expect(
      (await callGateway(sim, 'GET', `agentevent/${first!.agentId}`, { guid: staleGuid })).json
        .retcode,
    ).toBe('000-003');
    const freshGuid = await signInAs(sim, first!);
    const otherGuid = await signInAs(sim, second!);
    sim.restart();
    expect(
      (await callGateway(sim, 'GET', `agentevent/${first!.agentId}`, { guid: freshGuid })).json
        .retcode,
    ).toBe('100-006');
    expect(
      (await callGateway(sim, 'GET', `agentevent/${second!.agentId}`, { guid: otherGuid })).json
        .retcode,
    ).toBe('100-006');
    await signInAs(sim, first!);
  });
});
