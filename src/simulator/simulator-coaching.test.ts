/**
 * The simulator's coaching interfaces, written from Huawei's pages: sendnoteletex
 * (cec_07_1205; the receiver's event cec_07_0500), forcerest (cec_07_2411; the timeout event
 * cec_07_1350), forcedropcall (cec_07_2408 / cec_07_0442) and adjustskill (cec_07_2409 /
 * cec_07_0443). Ids in a note body come as integers (the page) or strings (Huawei's Java
 * demo CloudIPCC_AgentServerDemo_Java, `OnlineAgentService.sendNote(String[] agentIds, …)`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorAccount } from './simulator-types';
import {
  callGateway,
  drainEvents,
  listEventTypes,
  signInAs,
  startTestSimulator,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator coaching interfaces', () => {
  let sim: RunningSimulator;
  let inspector: SimulatorAccount;
  let inspectorGuid: string;
  let target: SimulatorAccount;
  let targetGuid: string;

  const post = (path: string, body?: unknown, guid = inspectorGuid) =>
    callGateway(sim, 'POST', path, { guid, body });
  const qc = (path: string, body?: unknown) =>
    post(`qualitycontrol/${inspector.agentId}/${path}`, body);
  const note = (body: unknown, guid = inspectorGuid) =>
    post(`onlineagent/${inspector.agentId}/sendnoteletex`, body, guid);
  const agent = (workNo: string) => sim.center.listAgents().find((a) => a.workNo === workNo)!;
  const targetEvents = () => drainEvents(sim, target.agentId, targetGuid);

  beforeEach(async () => {
    sim = await startTestSimulator({ sessionTimeoutMs: 24 * 3_600_000 });
    inspector = sim.inspectors[0]!;
    target = sim.agents[3]!;
    inspectorGuid = await signInAs(sim, inspector);
    targetGuid = await signInAs(sim, target);
    await drainEvents(sim, inspector.agentId, inspectorGuid);
    await targetEvents();
  });
  afterEach(async () => {
    await sim.close();
  });

  describe('sendnoteletex', () => {
    it('answers result null and gives signed-in receivers AgentOther_Note with content null', async () => {
      const signedOut = sim.agents.find((a) => agent(a.agentId).status === '2')!;
      const answer = await note({
        agentIds: [Number(target.agentId), Number(signedOut.agentId)],
        content: '请注意通话时长 — mind the call length',
      });
      expect(answer.json).toEqual({ message: '', retcode: '0', result: null });
      const events = await targetEvents();
      expect(listEventTypes(events)).toEqual(['AgentOther_Note']);
      expect(events[0]).toMatchObject({ workNo: target.agentId, content: null });
      expect(sim.center.listNotes()).toEqual([
        expect.objectContaining({
          from: inspector.agentId,
          agentIds: [target.agentId, signedOut.agentId],
          content: '请注意通话时长 — mind the call length',
          deliveredTo: [target.agentId],
        }),
      ]);
    });

    it('accepts the ids as strings, as Huawei’s Java demo sends them, and an empty note', async () => {
      expect((await note({ agentIds: [target.agentId], content: '' })).json.retcode).toBe('0');
      expect(listEventTypes(await targetEvents())).toEqual(['AgentOther_Note']);
    });

    it('takes 100 receivers and 1,023 bytes, refuses 101 and 1,024 with 100-001', async () => {
      const hundred = Array.from({ length: 100 }, (_, i) => 1001 + i);
      const threeByteChars = '注'.repeat(341);
      expect((await note({ agentIds: hundred, content: threeByteChars })).json.retcode).toBe('0');
      expect((await note({ agentIds: [...hundred, 1101], content: 'x' })).json.retcode).toBe(
        '100-001',
      );
      expect((await note({ agentIds: [1001], content: `${threeByteChars}x` })).json.retcode).toBe(
        '100-001',
      );
      expect(sim.center.listNotes()).toHaveLength(1);
    });

    it.each([
      ['no body', undefined],
      ['no receivers', { agentIds: [], content: 'x' }],
      ['content not text', { agentIds: [1001], content: 5 }],
      ['an id out of range', { agentIds: [99], content: 'x' }],
      ['an id that is not a number', { agentIds: ['10a1'], content: 'x' }],
    ])('refuses %s with 100-001', async (_case, body) => {
      expect((await note(body)).json.retcode).toBe('100-001');
    });

    it('needs a session (100-006) and is open to any signed-in agent, not only inspectors', async () => {
      expect((await note({ agentIds: [1001], content: 'x' }, 'no-such-guid')).json.retcode).toBe(
        '100-006',
      );
      const answer = await callGateway(sim, 'POST', `onlineagent/${target.agentId}/sendnoteletex`, {
        guid: targetGuid,
        body: { agentIds: [inspector.agentId], content: 'hi' },
      });
      expect(answer.json.retcode).toBe('0');
      expect(listEventTypes(await drainEvents(sim, inspector.agentId, inspectorGuid))).toEqual([
        'AgentOther_Note',
      ]);
    });
  });

  describe('forcerest', () => {
    it('rests the agent for exactly the time given, then times out (Rest_Timeout, Ready, idle)', async () => {
      expect((await qc(`forcerest/${target.agentId}/90/7`)).json).toEqual({
        message: '',
        retcode: '0',
        result: {},
      });
      expect(agent(target.agentId).status).toBe('8');
      expect(listEventTypes(await targetEvents())).toEqual(['AgentState_SetRest_Success']);
      sim.center.advance(89_000);
      expect(agent(target.agentId).status).toBe('8');
      sim.center.advance(1_000);
      expect(agent(target.agentId).status).toBe('4');
      expect(listEventTypes(await targetEvents())).toEqual([
        'AgentState_Rest_Timeout',
        'AgentState_Ready',
      ]);
    });

    it('rests a talking agent once its call is over', async () => {
      sim.center.setAgentStatus(target.agentId, '7');
      await targetEvents();
      expect((await qc(`forcerest/${target.agentId}/60/1`)).json.retcode).toBe('0');
      expect(agent(target.agentId).status).toBe('7');
      expect((await qc(`forcedropcall/${agent(target.agentId).callId!}`)).json.retcode).toBe('0');
      expect(agent(target.agentId).status).toBe('8');
      sim.center.advance(60_000);
      expect(agent(target.agentId).status).toBe('4');
    });

    it.each([
      ['time 0', '0/1'],
      ['time 86,400', '86400/1'],
      ['reason 0', '60/0'],
      ['reason 256', '60/256'],
      ['a time that is not a number', 'abc/1'],
    ])('refuses %s with 000-002', async (_case, tail) => {
      expect((await qc(`forcerest/${target.agentId}/${tail}`)).json.retcode).toBe('000-002');
    });

    it('takes the limits 1 s and 86,399 s, reasons 1 and 255', async () => {
      expect((await qc(`forcerest/${target.agentId}/1/1`)).json.retcode).toBe('0');
      expect((await qc(`forcerest/${target.agentId}/86399/255`)).json.retcode).toBe('0');
    });

    it('checks the target like every QC interface: signed out 900-003, oneself 000-005', async () => {
      const signedOut = sim.agents.find((a) => agent(a.agentId).status === '2')!;
      expect((await qc(`forcerest/${signedOut.agentId}/60/1`)).json.retcode).toBe('900-003');
      expect((await qc(`forcerest/${inspector.agentId}/60/1`)).json.retcode).toBe('000-005');
      const notInspector = await callGateway(
        sim,
        'POST',
        `qualitycontrol/${target.agentId}/forcerest/${inspector.agentId}/60/1`,
        { guid: targetGuid },
      );
      expect(notInspector.json.retcode).toBe('900-002');
    });
  });

  describe('forcedropcall', () => {
    it('releases a connected call: the agent hears the release and moves on', async () => {
      sim.center.setAgentStatus(target.agentId, '7');
      await targetEvents();
      const callId = agent(target.agentId).callId!;
      expect((await qc(`forcedropcall/${callId}`)).json).toEqual({
        message: '',
        retcode: '0',
        result: {},
      });
      expect(agent(target.agentId).callId).toBeNull();
      expect(listEventTypes(await targetEvents())).toEqual([
        'AgentEvent_Customer_Release',
        'AgentEvent_Call_Release',
        'AgentOther_PhoneRelease',
        'AgentState_Ready',
      ]);
    });

    it('drops a call still waiting in a queue, and answers 200-001 for an unknown call', async () => {
      const skill = sim.center.listSkills()[0]!.id;
      const callId = sim.center.enqueueCall(skill);
      expect((await qc(`forcedropcall/${callId}`)).json.retcode).toBe('0');
      expect(sim.center.listWaitingCalls(skill).map((c) => c.callId)).not.toContain(callId);
      expect((await qc(`forcedropcall/${callId}`)).json.retcode).toBe('200-001');
    });
  });

  describe('adjustskill', () => {
    it('gives an idle agent the waiting calls of its new skill (a frozen center routes nothing else)', async () => {
      await sim.close();
      sim = await startTestSimulator({ changesPerAgentPerMinute: 0 });
      inspector = sim.inspectors[0]!;
      inspectorGuid = await signInAs(sim, inspector);
      const idle = sim.agents.find((a) => agent(a.agentId).status === '4')!;
      const skill = sim.center
        .listSkills()
        .find((candidate) => !agent(idle.agentId).skills.includes(candidate.id))!.id;
      const callId = sim.center.enqueueCall(skill);
      sim.center.advance(20_000);
      expect(agent(idle.agentId).status).toBe('4');
      expect(
        (await qc('adjustskill', { workNo: idle.agentId, skills: [skill] })).json.retcode,
      ).toBe('0');
      expect(agent(idle.agentId)).toMatchObject({ status: '7', callId, skills: [skill] });
    });

    it('replaces the skills and routes by them from now on', async () => {
      const second = sim.center.listSkills()[1];
      const body = { workNo: target.agentId, skills: [second!.id] };
      expect((await qc('adjustskill', body)).json).toEqual({
        message: '',
        retcode: '0',
        result: {},
      });
      expect(agent(target.agentId).skills).toEqual([second!.id]);
      const details = await callGateway(
        sim,
        'GET',
        `agentgroup/${inspector.agentId}/agentbyworkno/${target.agentId}`,
        { guid: inspectorGuid },
      );
      expect((details.json.result as { skilllist: Array<{ id: number }> }).skilllist).toEqual([
        expect.objectContaining({ id: second!.id }),
      ]);
    });

    it('takes the workNo as a number too, and 1,000 skill ids (repeats of known ones)', async () => {
      const skill = sim.center.listSkills()[0]!.id;
      const thousand = Array.from({ length: 1_000 }, () => skill);
      expect(
        (await qc('adjustskill', { workNo: Number(target.agentId), skills: thousand })).json
          .retcode,
      ).toBe('0');
      expect(agent(target.agentId).skills).toEqual([skill]);
    });

    it.each([
      ['1,001 skills', (skill: number) => ({ workNo: '1004', skills: Array(1_001).fill(skill) })],
      ['no skills', () => ({ workNo: '1004', skills: [] })],
      ['an unknown skill', () => ({ workNo: '1004', skills: [99_999] })],
      ['no workNo', (skill: number) => ({ skills: [skill] })],
      ['skills not a list', () => ({ workNo: '1004', skills: 3 })],
    ])('refuses %s with 100-001', async (_case, build) => {
      const skill = sim.center.listSkills()[0]!.id;
      expect((await qc('adjustskill', build(skill))).json.retcode).toBe('100-001');
    });

    it('needs the target signed in (900-003)', async () => {
      const signedOut = sim.agents.find((a) => agent(a.agentId).status === '2')!;
      const skill = sim.center.listSkills()[0]!.id;
      expect(
        (await qc('adjustskill', { workNo: signedOut.agentId, skills: [skill] })).json.retcode,
      ).toBe('900-003');
    });
  });
});
