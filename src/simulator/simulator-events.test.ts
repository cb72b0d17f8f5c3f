import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './simulator-types';
import {
  callGateway,
  drainEvents,
  signInAs,
  startTestSimulator,
  waitForRequests,
} from '../../test/support/simulator/simulator-test-helpers';

describe('simulator event long poll', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('returns exactly one event per poll and the bare envelope when empty', async () => {
    sim = await startTestSimulator({ pollHoldMs: 50 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const first = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    expect(Object.keys(first.json).sort()).toEqual(['event', 'message', 'retcode']);
    expect(first.json.event).toMatchObject({
      eventType: 'AgentOther_InService',
      workNo: inspector.agentId,
      content: null,
    });
    const second = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    expect((second.json.event as { eventType: string }).eventType).toBe('AgentState_Ready');
    const empty = await fetch(`${sim.baseUrl}agentevent/${inspector.agentId}`, {
      headers: { Guid: guid },
    });
    expect(await empty.text()).toBe('{"message":"","retcode":"0"}');
    expect(sim.center.stats()).toMatchObject({ eventsQueued: 2, eventsDelivered: 2 });
  });

  it('holds an empty poll for pollHoldMs', async () => {
    sim = await startTestSimulator({ pollHoldMs: 200 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    await drainEvents(sim, inspector.agentId, guid);
    const started = performance.now();
    const answer = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    const held = performance.now() - started;
    expect(answer.json).toEqual({ message: '', retcode: '0' });
    expect(held).toBeGreaterThanOrEqual(190);
  });

  it('answers a held poll as soon as an event arrives', async () => {
    sim = await startTestSimulator({ pollHoldMs: 5_000 });
    const inspector = sim.inspectors[0]!;
    const agent = sim.agents[0]!;
    const guid = await signInAs(sim, inspector);
    // Consume the two sign-in events one by one (draining would wait out the 5 s hold).
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    const started = performance.now();
    const held = callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    await waitForRequests(sim, 'getAgentEvent', 3);
    const monitor = await callGateway(
      sim,
      'POST',
      `qualitycontrol/${inspector.agentId}/beginmonitor?agents=${agent.agentId}`,
      { guid },
    );
    expect(monitor.json.retcode).toBe('0');
    sim.center.setAgentStatus(
      agent.agentId,
      sim.center.listAgents().find((a) => a.workNo === agent.agentId)?.status === '3' ? '4' : '3',
    );
    const answer = await held;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((answer.json.event as { eventType: string }).eventType).toBe('QC_AgentState_Notify');
  }, 10_000);

  it('rejects a second concurrent poll of the same session with 000-007', async () => {
    sim = await startTestSimulator({ pollHoldMs: 400 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    const first = callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    await waitForRequests(sim, 'getAgentEvent', 3);
    const second = await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    expect(second.json.retcode).toBe('000-007');
    expect((await first).json).toEqual({ message: '', retcode: '0' });
  });

  it('keeps a bounded queue: a session that never polls loses the oldest events, counted in stats', async () => {
    sim = await startTestSimulator({ agents: 2_000 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    const ids = sim.agents.map((a) => a.agentId);
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500).join(';');
      expect(
        (
          await callGateway(
            sim,
            'POST',
            `qualitycontrol/${inspector.agentId}/beginmonitor?agents=${batch}`,
            { guid },
          )
        ).json.retcode,
      ).toBe('0');
    }
    // 2,000 agents × ~1 change/min × 15 min ≫ the 20,000-event cap (and the session stays alive).
    for (let minute = 0; minute < 15; minute += 1) {
      await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
      sim.center.advance(60_000);
    }
    const stats = sim.center.stats();
    expect(stats.eventsDropped).toBeGreaterThan(0);
    expect(stats.eventsQueued - stats.eventsDelivered - stats.eventsDropped).toBe(20_000);
  });
});
