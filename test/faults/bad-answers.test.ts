/**
 * Malformed answers: bodies that are not JSON, JSON of the wrong shape, fields and events of
 * the wrong types (the simulator's malformed fault picks among them). Every one must become a
 * typed failure — no crash, no unhandled rejection — and the core must be live with fresh data
 * within 5 s after they stop, without anyone acting.
 */
import { describe, expect, it } from 'vitest';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import {
  describeOutcome,
  expectBackToLiveData,
  expectReconnectingWithReason,
  listenAndCancel,
  runFault,
  type TriggeredAction,
  expectCleanRecovery,
} from './recovery-checks';

/** Each case on its own simulator and core, so the cases can run side by side. */
async function withSignedInHarness(
  run: (h: FaultHarness, agent: string) => Promise<void>,
): Promise<void> {
  // An active center, so events and snapshots flow while the answers are broken.
  const h = await startFaultHarness({ simulator: { changesPerAgentPerMinute: 20 } });
  try {
    await h.signIn();
    await run(h, h.sim.agents[2]!.agentId);
  } finally {
    await h.close();
  }
}

describe.concurrent('malformed answers from the gateway', () => {
  it('recovers when every answer is malformed for a while', () =>
    withSignedInHarness(async (h, agent) => {
      const since = Date.now();
      const actions: TriggeredAction[] = [];
      const window = await runFault(
        () => h.sim.faults.set({ malformedRate: 1 }),
        () => h.sim.faults.clear(),
        2_000,
        async () => {
          await h.waitForPhase('reconnecting', since, 1_900);
          actions.push(
            describeOutcome(
              'listen',
              await h.core.execute('inspection.listen', { workNo: agent, source: 'tray' }),
            ),
          );
        },
      );
      expectReconnectingWithReason(h, window, /could not be read|answer/i);
      await expectBackToLiveData(h, window);
      actions.push(...(await listenAndCancel(h, agent)));
      expect(actions[0]?.ok).toBe(false);
      expect(actions.slice(1).every((action) => action.ok)).toBe(true);
      expectCleanRecovery(h, since, actions);
    }));

  it('survives a mix of good and malformed answers, events included, and is live after', () =>
    withSignedInHarness(async (h, agent) => {
      const since = Date.now();
      const window = await runFault(
        () => h.sim.faults.set({ malformedRate: 0.4 }),
        () => h.sim.faults.clear(),
        3_000,
      );
      expect(
        h
          .statesSince(window.startedAt)
          .some((state) => state.phase === 'failed' || state.phase === 'signed-out'),
      ).toBe(false);
      // Malformed answers hit polls too (wrong-typed events among them).
      expect(
        h.gatewayLog.filter((line) => line.includes('getAgentEvent malformed')).length,
      ).toBeGreaterThan(0);
      await expectBackToLiveData(h, window);
      const actions = await listenAndCancel(h, agent);
      expect(actions.filter((action) => !action.ok)).toEqual([]);
      expectCleanRecovery(h, since, actions);
    }));
});
