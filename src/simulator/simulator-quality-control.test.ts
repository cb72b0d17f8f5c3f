import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorAccount } from './simulator-types';
import {
  callGateway,
  drainEvents,
  listEventTypes,
  pollOnce,
  signInAs,
  startTestSimulator,
  type TestEvent,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator quality control', () => {
  let sim: RunningSimulator;
  let inspector: SimulatorAccount;
  let inspectorGuid: string;
  let target: SimulatorAccount;
  let targetGuid: string;

  const qc = (method: 'PUT' | 'POST' | 'DELETE', path: string, guid = inspectorGuid) =>
    callGateway(sim, method, `qualitycontrol/${inspector.agentId}/${path}`, { guid }).then(
      (answer) => answer.json.retcode,
    );
  const inspectorEvents = () => drainEvents(sim, inspector.agentId, inspectorGuid);
  const targetEvents = () => drainEvents(sim, target.agentId, targetGuid);
  const statusOf = (workNo: string) => sim.center.listAgents().find((a) => a.workNo === workNo)!;

  beforeEach(async () => {
    // Long session timeout: some tests jump an hour ahead to let a customer hang up.
    sim = await startTestSimulator({ sessionTimeoutMs: 24 * 3_600_000 });
    inspector = sim.inspectors[0]!;
    target = sim.agents[3]!;
    inspectorGuid = await signInAs(sim, inspector);
    targetGuid = await signInAs(sim, target);
    // Put the signed-in target into a customer call, as if one had been routed to it.
    sim.center.setAgentStatus(target.agentId, '7');
    await inspectorEvents();
    expect(listEventTypes(await targetEvents())).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
      // §11.3: the offered call rings first.
      'AgentEvent_Ringing',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentEvent_Talking',
    ]);
  });
  afterEach(async () => {
    await sim.close();
  });

  it('listen: inspector goes busy and its phone rings and goes off-hook; the target gets BeQcStart qcType 8', async () => {
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    expect(listEventTypes(await inspectorEvents())).toEqual([
      'AgentState_Busy',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
    ]);
    const events = await targetEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'AgentOther_BeQcStart',
      workNo: target.agentId,
      content: { qcType: 8, qcAgentId: inspector.agentId },
    });
    expect(statusOf(inspector.agentId)).toMatchObject({ status: '3', ctiStatus: '7' });
    const own = await callGateway(sim, 'GET', `onlineagent/${inspector.agentId}/agentstatus`, {
      guid: inspectorGuid,
    });
    expect(own.json.result).toEqual({ agentState: 16, isWorking: true });
  });

  it('insert and whisper use qcType 9 and 20172; whisper needs ?whisperagentid', async () => {
    expect(await qc('PUT', `addinsert/${target.agentId}`)).toBe('0');
    expect((await targetEvents())[0]?.content).toEqual({ qcType: 9, qcAgentId: inspector.agentId });
    expect(await qc('DELETE', target.agentId)).toBe('0');
    await inspectorEvents();
    await targetEvents();
    expect(await qc('POST', 'requestwhisperagent')).toBe('000-002');
    expect(await qc('POST', `requestwhisperagent?whisperagentid=${target.agentId}`)).toBe('0');
    expect(listEventTypes(await inspectorEvents())).toEqual([
      'AgentState_Busy',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
    ]);
    expect((await targetEvents())[0]?.content).toEqual({
      qcType: 20172,
      qcAgentId: inspector.agentId,
    });
  });

  it('enforces who may inspect whom: 900-002, 000-005, 900-003, 900-005', async () => {
    const plainAgent = sim.agents[5]!;
    const plainGuid = await signInAs(sim, plainAgent);
    const asPlain = await callGateway(
      sim,
      'PUT',
      `qualitycontrol/${plainAgent.agentId}/addsupervise/${target.agentId}`,
      { guid: plainGuid },
    );
    expect(asPlain.json.retcode).toBe('900-002');
    expect(await qc('PUT', `addsupervise/${inspector.agentId}`)).toBe('000-005');
    sim.center.setAgentStatus(sim.agents[6]!.agentId, '2');
    expect(await qc('PUT', `addsupervise/${sim.agents[6]!.agentId}`)).toBe('900-003');
    expect(await qc('PUT', 'addsupervise/777777')).toBe('900-003');
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    // Not idle any more: a second inspection is refused.
    expect(await qc('PUT', `addinsert/${sim.agents[7]!.agentId}`)).toBe('900-005');
    // Another inspector cannot take the same agent.
    const other = sim.inspectors[1]!;
    const otherGuid = await signInAs(sim, other);
    const second = await callGateway(
      sim,
      'PUT',
      `qualitycontrol/${other.agentId}/addsupervise/${target.agentId}`,
      { guid: otherGuid },
    );
    expect(second.json.retcode).toBe('900-005');
  });

  it('an inspector signed in busy cannot start an inspection (900-005)', async () => {
    const busyInspector = sim.inspectors[1]!;
    const guid = await signInAs(sim, busyInspector, { status: 3 });
    const answer = await callGateway(
      sim,
      'PUT',
      `qualitycontrol/${busyInspector.agentId}/addsupervise/${target.agentId}`,
      { guid },
    );
    expect(answer.json.retcode).toBe('900-005');
  });

  // Seed 002 (switch): "Triggered Event — None".
  it('switch toggles listen ⇄ insert only from listen/insert of that agent, silently', async () => {
    expect(await qc('POST', `switch/${target.agentId}`)).toBe('900-005');
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    await inspectorEvents();
    await targetEvents();
    expect(await qc('POST', `switch/${sim.agents[7]!.agentId}`)).toBe('900-005');
    expect(await qc('POST', `switch/${target.agentId}`)).toBe('0');
    expect(await targetEvents()).toEqual([]);
    expect(await inspectorEvents()).toEqual([]);
    expect(sim.center.stats().eventsQueued).toBe(sim.center.stats().eventsDelivered);
    expect(await qc('POST', `switch/${target.agentId}`)).toBe('0');
    expect(await targetEvents()).toEqual([]);
    expect(
      await qc(
        'POST',
        `requestswitchinsertwhisperagent?whisperagentid=${target.agentId}&switchtype=2`,
      ),
    ).toBe('0');
    expect(await qc('POST', `switch/${target.agentId}`)).toBe('900-005');
  });

  it('switches among listen, insert and whisper with switchtype 0/1/2 from any inspection of that agent', async () => {
    const path = (type: string) =>
      `requestswitchinsertwhisperagent?whisperagentid=${target.agentId}&switchtype=${type}`;
    expect(await qc('POST', path('1'))).toBe('900-005');
    expect(await qc('POST', `requestwhisperagent?whisperagentid=${target.agentId}`)).toBe('0');
    await targetEvents();
    expect(await qc('POST', path('7'))).toBe('000-002');
    expect(await qc('POST', path('0'))).toBe('0');
    expect(await qc('POST', path('1'))).toBe('0');
    expect(await qc('POST', path('2'))).toBe('0');
    const events = await targetEvents();
    expect(events.map((e) => (e.content as { qcType: number }).qcType)).toEqual([8, 9, 20172]);
  });

  it('stop-whisper works only from whisper; cancel only for the current target; both return the inspector to idle', async () => {
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    expect(await qc('POST', `requeststopwhisperagent?whisperagentid=${target.agentId}`)).toBe(
      '900-005',
    );
    expect(await qc('DELETE', sim.agents[7]!.agentId)).toBe('900-005');
    await inspectorEvents();
    await targetEvents();
    expect(await qc('DELETE', target.agentId)).toBe('0');
    expect(await inspectorEvents()).toMatchObject([
      { eventType: 'AgentOther_PhoneRelease', content: { phoneState: 2 } },
      { eventType: 'AgentState_Ready' },
    ]);
    expect(await targetEvents()).toMatchObject([
      { eventType: 'AgentOther_BeQcStop', content: { qcType: 8, qcAgentId: inspector.agentId } },
    ]);
    expect(statusOf(inspector.agentId).status).toBe('4');
    expect(await qc('DELETE', target.agentId)).toBe('900-005');
    expect(await qc('POST', `requestwhisperagent?whisperagentid=${target.agentId}`)).toBe('0');
    await inspectorEvents();
    await targetEvents();
    expect(await qc('POST', `requeststopwhisperagent?whisperagentid=${target.agentId}`)).toBe('0');
    expect(statusOf(inspector.agentId).status).toBe('4');
    // cec_07_2413: stop-whisper triggers no event.
    expect(await inspectorEvents()).toEqual([]);
    expect(await targetEvents()).toEqual([]);
  });

  it('intercept needs an inspection of that agent and a customer call; the call moves to the inspector', async () => {
    expect(await qc('PUT', `intercept/${target.agentId}`)).toBe('900-005');
    const callId = statusOf(target.agentId).callId!;
    expect(await qc('PUT', `addinsert/${target.agentId}`)).toBe('0');
    await inspectorEvents();
    await targetEvents();
    expect(await qc('PUT', `intercept/${target.agentId}/9999-1`)).toBe('900-005');
    expect(await qc('PUT', `intercept/${target.agentId}/${callId}`)).toBe('0');
    const toInspector = await inspectorEvents();
    expect(listEventTypes(toInspector)).toEqual(['AgentEvent_Talking', 'AgentMediaEvent_Record']);
    expect(toInspector[0]?.content).toMatchObject({ callid: callId });
    const toTarget = await targetEvents();
    expect(listEventTypes(toTarget)).toEqual([
      'AgentEvent_Customer_Release',
      'AgentEvent_Call_Release',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect(toTarget[1]?.content).toBe(callId);
    expect(statusOf(inspector.agentId)).toMatchObject({ status: '7', ctiStatus: '5', callId });
    expect(statusOf(target.agentId)).toMatchObject({ status: '4', callId: null });
    // Not inspecting any more: no second intercept, no cancel.
    expect(await qc('PUT', `intercept/${target.agentId}`)).toBe('900-005');
    expect(await qc('DELETE', target.agentId)).toBe('900-005');
    // The customer hangs up eventually; the inspector is released and idle again.
    sim.center.advance(60 * 60_000);
    expect(listEventTypes(await inspectorEvents())).toEqual([
      'AgentEvent_Customer_Release',
      'AgentEvent_Call_Release',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect(statusOf(inspector.agentId).status).toBe('4');
  });

  it('intercept of an agent without a customer call is a state error', async () => {
    sim.center.setAgentStatus(target.agentId, '4');
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    expect(await qc('PUT', `intercept/${target.agentId}`)).toBe('900-005');
  });

  it('ends the inspection when the target signs out', async () => {
    expect(await qc('PUT', `addsupervise/${target.agentId}`)).toBe('0');
    await inspectorEvents();
    await callGateway(sim, 'DELETE', `onlineagent/${target.agentId}/forcelogout`, {
      guid: targetGuid,
    });
    expect(await inspectorEvents()).toMatchObject([
      { eventType: 'AgentOther_PhoneRelease', content: { phoneState: 3 } },
      { eventType: 'AgentState_Ready' },
    ]);
    expect(statusOf(inspector.agentId).status).toBe('4');
  });

  it('force busy (after the call when talking), force idle and force sign-out of another agent', async () => {
    expect(await qc('POST', `forcebusy/${target.agentId}`)).toBe('0');
    expect(listEventTypes(await targetEvents())).toEqual(['AgentState_Force_SetNotReady']);
    expect(statusOf(target.agentId).status).toBe('7');
    expect(await qc('POST', `forceidle/${target.agentId}`)).toBe('900-005');
    sim.center.advance(60 * 60_000);
    expect(statusOf(target.agentId).status).toBe('3');
    await targetEvents();
    expect(await qc('POST', `forceidle/${target.agentId}`)).toBe('0');
    expect(listEventTypes(await targetEvents())).toEqual([
      'AgentState_Force_Ready',
      'AgentState_Ready',
    ]);
    expect(await qc('POST', `forcebusy/${target.agentId}`)).toBe('0');
    const busy: TestEvent[] = await targetEvents();
    expect(busy).toMatchObject([
      { eventType: 'AgentState_Force_SetNotReady' },
      { eventType: 'AgentState_SetNotReady_Success', content: { reason: 3 } },
    ]);
    expect(await qc('POST', `forcelogout/${target.agentId}`)).toBe('0');
    expect((await pollOnce(sim, target.agentId, targetGuid))?.eventType).toBe(
      'AgentOther_ShutdownService',
    );
    expect(
      (await callGateway(sim, 'GET', `agentevent/${target.agentId}`, { guid: targetGuid })).json
        .retcode,
    ).toBe('100-006');
    expect(statusOf(target.agentId).status).toBe('2');
    expect(await qc('POST', `forcebusy/${target.agentId}`)).toBe('900-003');
    const plainGuid = await signInAs(sim, sim.agents[5]!);
    const refused = await callGateway(
      sim,
      'POST',
      `qualitycontrol/${sim.agents[5]!.agentId}/forceidle/${sim.agents[6]!.agentId}`,
      { guid: plainGuid },
    );
    expect(refused.json.retcode).toBe('900-002');
  });
});
