/**
 * Faults that take the gateway session away: a gateway restart (every session forgotten), the
 * GUID invalidated (000-003 / 100-006), and sleep/resume (the session timed out on the gateway
 * while the machine slept and the network was gone). In each case the core signs in again by
 * itself, says "reconnecting" with a reason meanwhile, and is live with fresh data within 5 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import { pause } from '../support/wait-for';
import {
  expectBackToLiveData,
  expectNoCrash,
  expectReconnectingWithReason,
  listenAndCancel,
  runFault,
  type TriggeredAction,
  expectCleanRecovery,
} from './recovery-checks';

describe('faults that end the gateway session', () => {
  let h: FaultHarness;
  let agent: string;

  beforeAll(async () => {
    // A short gateway session timeout, so "asleep" long enough loses the session (default 120 s).
    h = await startFaultHarness({ simulator: { sessionTimeoutMs: 1_500 } });
    await h.signIn();
    agent = h.sim.agents[0]!.agentId;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('recovers from a gateway restart that forgot every session', async () => {
    const since = Date.now();
    const actions: TriggeredAction[] = [...(await listenAndCancel(h, agent))];
    const signInsBefore = h.requestsTo(/^onlineagent\/\d+(\/forcelogin)?$/).length;
    const window = await runFault(
      () => h.sim.restart(),
      () => undefined,
      0,
    );
    await h.waitForPhase('reconnecting', window.startedAt);
    expectReconnectingWithReason(h, window, /sign|session|gateway/i);
    await expectBackToLiveData(h, window);
    // Signed in again exactly once, without the user.
    expect(h.requestsTo(/^onlineagent\/\d+(\/forcelogin)?$/).length).toBe(signInsBefore + 1);
    actions.push(...(await listenAndCancel(h, agent)));
    expect(actions.filter((action) => !action.ok)).toEqual([]);
    expectCleanRecovery(h, since, actions);
  });

  it('recovers from an invalidated GUID (000-003)', async () => {
    const since = Date.now();
    const window = await runFault(
      () => h.sim.faults.invalidateGuids(),
      () => undefined,
      0,
    );
    await h.waitForPhase('reconnecting', window.startedAt);
    expectReconnectingWithReason(h, window);
    await expectBackToLiveData(h, window);
    const actions = await listenAndCancel(h, agent);
    expect(actions.filter((action) => !action.ok)).toEqual([]);
    expectCleanRecovery(h, since, actions);
  });

  it('recovers after sleep: network gone, session timed out on the gateway, then resume', async () => {
    const since = Date.now();
    const signInsBefore = h.requestsTo(/^onlineagent\/\d+(\/forcelogin)?$/).length;
    // "Sleep": nothing answers and the gateway drops the silent session; no timers of ours
    // are frozen here, so the core may notice the stall by itself — resume must work either way.
    const window = await runFault(
      () => h.sim.faults.set({ stalled: true }),
      () => {
        h.sim.faults.clear();
        h.core.onResume();
      },
      2_500,
      async () => {
        await pause(1_800);
        h.sim.center.advance(2_000);
      },
    );
    expectReconnectingWithReason(h, window);
    await expectBackToLiveData(h, window);
    // The gateway had dropped the session: coming back needed a new sign-in.
    expect(h.requestsTo(/^onlineagent\/\d+(\/forcelogin)?$/).length).toBeGreaterThan(signInsBefore);
    const actions = await listenAndCancel(h, agent);
    expect(actions.filter((action) => !action.ok)).toEqual([]);
    expectCleanRecovery(h, since, actions);
  });

  it('stays live through a resume when nothing was lost', async () => {
    const since = Date.now();
    h.core.onResume();
    await pause(300);
    const states = h.statesSince(since);
    expect(states.some((state) => state.phase === 'failed' || state.phase === 'signed-out')).toBe(
      false,
    );
    await h.expectLiveData(2_000);
    expect(h.core.trayModel().connection.phase).toBe('live');
    expectNoCrash(h);
  });
});
