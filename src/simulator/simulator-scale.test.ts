import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './simulator-types';
import {
  callGateway,
  drainEvents,
  signInAs,
  startTestSimulator,
  waitForRequests,
} from '../../test/support/simulator/simulator-test-helpers';
import { startSimulator } from './http/simulator-server';
import { pause } from '../../test/support/wait-for';

describe('simulator at scale and in real time', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('serves a 10,000-agent center: a simulated minute of ~10,000 changes and the full status list', async () => {
    sim = await startTestSimulator({ agents: 10_000 });
    const inspector = sim.inspectors[0]!;
    expect(inspector.agentId).toBe('19001');
    const guid = await signInAs(sim, inspector);
    await drainEvents(sim, inspector.agentId, guid);
    const watched = sim.agents.slice(0, 500).map((a) => a.agentId);
    expect(
      (
        await callGateway(
          sim,
          'POST',
          `qualitycontrol/${inspector.agentId}/beginmonitor?agents=${watched.join(';')}`,
          { guid },
        )
      ).json.retcode,
    ).toBe('0');
    let changes = 0;
    let watchedChanges = 0;
    const watchedSet = new Set(watched);
    const stop = sim.center.onStateChange((change) => {
      changes += 1;
      if (watchedSet.has(change.workNo)) watchedChanges += 1;
    });
    const started = performance.now();
    for (let second = 0; second < 60; second += 1) sim.center.advance(1_000);
    const elapsed = performance.now() - started;
    stop();
    console.log(
      `simulator, 10,000 agents, 1 simulated minute: ${changes} changes in ${elapsed.toFixed(0)} ms`,
    );
    expect(changes).toBeGreaterThan(8_000);
    expect(changes).toBeLessThan(12_500);
    const stats = sim.center.stats();
    expect(stats.eventsQueued - stats.eventsDelivered).toBeGreaterThanOrEqual(watchedChanges);
    const list = await callGateway(sim, 'GET', `agentgroup/${inspector.agentId}/allagentstatus`, {
      guid,
    });
    expect((list.json.result as unknown[]).length).toBe(10_003);
  });

  it('drives the center from its own timer with autoRun, and stops on close', async () => {
    sim = await startSimulator({ protocol: 'http', agents: 50, changesPerAgentPerMinute: 600 });
    let changes = 0;
    sim.center.onStateChange(() => {
      changes += 1;
    });
    await pause(250);
    expect(changes).toBeGreaterThan(0);
    await sim.close();
    const afterClose = changes;
    await pause(250);
    expect(changes).toBe(afterClose);
  });

  it('answers a held poll at once when closing', async () => {
    sim = await startTestSimulator({ pollHoldMs: 10_000 });
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    await callGateway(sim, 'GET', `agentevent/${inspector.agentId}`, { guid });
    const held = fetch(`${sim.baseUrl}agentevent/${inspector.agentId}`, {
      headers: { Guid: guid },
    }).then(
      (response) => response.status,
      () => 'closed',
    );
    await waitForRequests(sim, 'getAgentEvent', 3);
    const started = performance.now();
    await sim.close();
    expect(await held).toBeDefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
