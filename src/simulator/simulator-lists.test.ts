import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorAccount } from './simulator-types';
import {
  callGateway,
  drainEvents,
  listEventTypes,
  signInAs,
  startTestSimulator,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator agent lists and queues', () => {
  let sim: RunningSimulator;
  let inspector: SimulatorAccount;
  let guid: string;
  const get = (path: string, asGuid = guid) =>
    callGateway(sim, 'GET', path, { guid: asGuid }).then((answer) => answer.json);

  beforeEach(async () => {
    sim = await startTestSimulator();
    inspector = sim.inspectors[0]!;
    guid = await signInAs(sim, inspector);
  });
  afterEach(async () => {
    await sim.close();
  });

  // allagent includes the signed-in inspector (Huawei's demos filter their own id out).
  it('allagent lists the QC-visible agents (the inspector too) with string statuses, for inspectors only', async () => {
    const answer = await get(`qualitycontrol/${inspector.agentId}/allagent`);
    const rows = answer.result as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(sim.agents.length + sim.inspectors.length);
    expect(rows.some((row) => row.workno === inspector.agentId)).toBe(true);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['name', 'status', 'workno']);
      expect(typeof row.workno).toBe('string');
      expect(row.status).toMatch(/^[0-9]$/);
    }
    const agent = sim.agents[0]!;
    const agentGuid = await signInAs(sim, agent);
    expect((await get(`qualitycontrol/${agent.agentId}/allagent`, agentGuid)).retcode).toBe(
      '900-002',
    );
  });

  it('allagentstatus reports status and ctiStatus as consistent strings (§9.1)', async () => {
    const rows = (await get(`agentgroup/${inspector.agentId}/allagentstatus`)).result as Array<
      Record<string, string>
    >;
    expect(rows).toHaveLength(sim.agents.length + sim.inspectors.length);
    const ctiFor: Record<string, string[]> = {
      '2': ['0'],
      '3': ['7'],
      '4': ['1'],
      '5': ['6'],
      '7': ['2', '3', '4', '5'],
      '8': ['8'],
    };
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'ctiStatus',
        'groupName',
        'name',
        'status',
        'workno',
      ]);
      expect(typeof row.status).toBe('string');
      expect(ctiFor[row.status!]).toContain(row.ctiStatus);
    }
    const mine = rows.find((row) => row.workno === inspector.agentId);
    expect(mine).toMatchObject({ status: '4', ctiStatus: '1' });
    // A realistic mix: talking and idle agents, and at least one other state.
    const statuses = new Set(rows.map((row) => row.status));
    expect(statuses.has('7') && statuses.has('4')).toBe(true);
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it('agentbyworkno returns the §6 fields, 300-002 for an unknown agent', async () => {
    const talking = sim.center.listAgents().find((a) => a.status === '7')!;
    const detail = (await get(`agentgroup/${inspector.agentId}/agentbyworkno/${talking.workNo}`))
      .result as Record<string, unknown>;
    expect(detail).toMatchObject({
      workno: talking.workNo,
      name: talking.name,
      // Integers on the agentbyworkno page (cec_07_0415).
      status: 7,
      ctiStatus: 5,
      groupname: talking.groupName,
      vdnid: 1,
    });
    expect(detail.callids).toEqual([talking.callId]);
    expect(typeof detail.groupid).toBe('number');
    expect(Number.isInteger(detail.currentstatetime)).toBe(true);
    expect(typeof detail.phonenumber).toBe('string');
    const skills = detail.skilllist as Array<{ id: number; name: string }>;
    expect(skills.map((s) => s.id)).toEqual(talking.skills);
    expect(skills.every((s) => typeof s.name === 'string' && s.name !== '')).toBe(true);
    expect((await get(`agentgroup/${inspector.agentId}/agentbyworkno/654321`)).retcode).toBe(
      '300-002',
    );
  });

  it('agentvdnskill lists the 5–12 skill queues', async () => {
    const skills = (await get(`queuedevice/${inspector.agentId}/agentvdnskill`)).result as Array<
      Record<string, unknown>
    >;
    expect(skills.length).toBeGreaterThanOrEqual(5);
    expect(skills.length).toBeLessThanOrEqual(12);
    expect(skills.map((s) => ({ id: s.id, name: s.name }))).toEqual(sim.center.listSkills());
    expect(skills[0]).toMatchObject({ mediatype: 5 });
  });

  it('waitcallinfo lists queued calls; requestcall takes one out and connects it (skillId or skillid)', async () => {
    const skill = sim.center.listSkills()[0]!;
    const firstCall = sim.center.enqueueCall(skill.id, '13800000001');
    const secondCall = sim.center.enqueueCall(skill.id);
    sim.center.advance(1_000);
    const waiting = (await get(`calldata/${inspector.agentId}/waitcallinfo/${skill.id}`))
      .result as Array<Record<string, unknown>>;
    const first = waiting.find((c) => c.callid === firstCall)!;
    expect(first).toMatchObject({
      // `int` on cec_07_1271.
      caller: 13800000001,
      callskillid: skill.id,
      callskill: skill.name,
      logontimes: 1,
    });
    expect(typeof first.begintime).toBe('number');
    expect(waiting.some((c) => c.callid === secondCall)).toBe(true);
    expect((await get(`calldata/${inspector.agentId}/waitcallinfo/424242`)).retcode).toBe(
      '100-019',
    );

    await drainEvents(sim, inspector.agentId, guid);
    const request = (path: string) =>
      callGateway(sim, 'POST', path, { guid }).then((answer) => answer.json);
    expect(
      (await request(`voicecall/${inspector.agentId}/requestcall/${firstCall}/0`)).retcode,
    ).toBe('000-002');
    expect(
      (
        await request(
          `voicecall/${inspector.agentId}/requestcall/${firstCall}/1?skillId=${skill.id}`,
        )
      ).retcode,
    ).toBe('000-002');
    expect(
      (
        await request(
          `voicecall/${inspector.agentId}/requestcall/${firstCall}/0?skillid=${skill.id}`,
        )
      ).retcode,
    ).toBe('0');
    expect(listEventTypes(await drainEvents(sim, inspector.agentId, guid))).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentEvent_Talking',
    ]);
    expect(sim.center.listWaitingCalls(skill.id).map((c) => c.callId)).not.toContain(firstCall);
    expect(sim.center.listAgents().find((a) => a.workNo === inspector.agentId)).toMatchObject({
      status: '7',
      callId: firstCall,
    });
    // Talking now: another call is refused; the taken call is gone for everyone.
    expect(
      (
        await request(
          `voicecall/${inspector.agentId}/requestcall/${secondCall}/0?skillId=${skill.id}`,
        )
      ).retcode,
    ).toBe('100-007');
    const other = sim.inspectors[1]!;
    const otherGuid = await signInAs(sim, other);
    const taken = await callGateway(
      sim,
      'POST',
      `voicecall/${other.agentId}/requestcall/${firstCall}/0?skillId=${skill.id}`,
      { guid: otherGuid },
    );
    expect(taken.json.retcode).toBe('100-007');
  });
});

describe('simulator monitoring (beginmonitor / QC_AgentState_Notify)', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('notifies the monitoring inspector of every state change of monitored agents until endmonitor', async () => {
    sim = await startTestSimulator();
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    await drainEvents(sim, inspector.agentId, guid);
    const [a, b, c] = sim.agents;
    const monitor = (verb: string, ids: string) =>
      callGateway(sim, 'POST', `qualitycontrol/${inspector.agentId}/${verb}?agents=${ids}`, {
        guid,
      });
    expect((await monitor('beginmonitor', `${a!.agentId};${b!.agentId}`)).json.retcode).toBe('0');
    const set = (workNo: string, status: string) => sim.center.setAgentStatus(workNo, status);
    set(a!.agentId, '2');
    set(a!.agentId, '4');
    set(b!.agentId, '7');
    set(b!.agentId, '5');
    set(b!.agentId, '8');
    set(b!.agentId, '3');
    set(c!.agentId, '2');
    const events = await drainEvents(sim, inspector.agentId, guid);
    expect(
      events.every(
        (e) =>
          e.eventType === 'QC_AgentState_Notify' &&
          e.workNo === inspector.agentId &&
          /^\d{13}$/.test(String(e.eventGenTime ?? '')),
      ),
    ).toBe(true);
    const seen = events.map((e) => {
      const content = e.content as Record<string, string>;
      return `${content.monitoredagent}:${content.subtype}`;
    });
    expect(seen).toEqual([
      `${a!.agentId}:QC_AgentState_Logout`,
      `${a!.agentId}:QC_AgentState_Login`,
      `${a!.agentId}:QC_AgentState_Idle`,
      // The offered call rings (WaitAnswer) before it is answered (Active).
      `${b!.agentId}:QC_AgentState_WaitAnswer`,
      `${b!.agentId}:QC_AgentState_Active`,
      `${b!.agentId}:QC_AgentState_Work`,
      `${b!.agentId}:QC_AgentState_Rest`,
      `${b!.agentId}:QC_AgentState_Busy`,
    ]);
    expect(events[0]?.content).toEqual({
      subtype: 'QC_AgentState_Logout',
      monitoredagent: a!.agentId,
      agentname: a!.name,
      mediaserver: 'CtiServer',
    });
    expect((await monitor('endmonitor', a!.agentId)).json.retcode).toBe('0');
    set(a!.agentId, '3');
    set(b!.agentId, '4');
    expect(
      (await drainEvents(sim, inspector.agentId, guid)).map(
        (e) => (e.content as Record<string, string>).monitoredagent,
      ),
    ).toEqual([b!.agentId]);
  });

  it('follows the running center: a simulated minute brings notifications for monitored agents', async () => {
    sim = await startTestSimulator({ agents: 200 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    await drainEvents(sim, inspector.agentId, guid);
    const ids = sim.agents.map((a) => a.agentId).join(';');
    expect(
      (
        await callGateway(
          sim,
          'POST',
          `qualitycontrol/${inspector.agentId}/beginmonitor?agents=${ids}`,
          { guid },
        )
      ).json.retcode,
    ).toBe('0');
    let changes = 0;
    const stop = sim.center.onStateChange(() => {
      changes += 1;
    });
    sim.center.advance(60_000);
    stop();
    const queued = sim.center.stats().eventsQueued - sim.center.stats().eventsDelivered;
    expect(changes).toBeGreaterThan(100);
    // One notify per change, plus a Login notify for each sign-in.
    expect(queued).toBeGreaterThanOrEqual(changes);
    for (let i = 0; i < 20; i += 1) {
      const answer = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
      // A number on the newer pages (cec_07_1346, 0552).
      expect(String((answer.json.event as { eventGenTime: number }).eventGenTime)).toMatch(
        /^\d{13}$/,
      );
      expect(typeof (answer.json.event as { eventGenTime: number }).eventGenTime).toBe('number');
    }
  });

  it('validates the agent list: 1–500 digit ids, inspectors only', async () => {
    sim = await startTestSimulator({ agents: 600 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const begin = (query: string, asGuid = guid, asId = inspector.agentId) =>
      callGateway(sim, 'POST', `qualitycontrol/${asId}/beginmonitor${query}`, {
        guid: asGuid,
      }).then((answer) => answer.json.retcode);
    const ids = sim.agents.map((a) => a.agentId);
    expect(await begin(`?agents=${ids.slice(0, 500).join(';')}`)).toBe('0');
    expect(await begin(`?agents=${ids.slice(0, 501).join(';')}`)).toBe('000-002');
    expect(await begin('')).toBe('000-002');
    expect(await begin('?agents=')).toBe('000-002');
    expect(await begin('?agents=1001;abc')).toBe('000-002');
    const agent = sim.agents[0]!;
    const agentGuid = await signInAs(sim, agent);
    expect(await begin('?agents=1002', agentGuid, agent.agentId)).toBe('900-002');
  });
});
