/**
 * Faults of the link: network loss (a black hole, and connections cut), bursts of HTTP 5xx,
 * and answers slower than the request time limit. The real target is 30 s of network loss
 * with a 10 s poll hold; here the hold is 400 ms and the request limit 800 ms, so a 4 s loss
 * exercises the same detection (poll silent for hold + grace), backoff and recovery in a
 * fraction of the time. An action tried during each fault is refused or fails cleanly, is
 * journaled, and never goes out twice.
 */
import { describe, expect, it } from 'vitest';
import type { FaultSettings } from '../../src/simulator';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import { pause } from '../support/wait-for';
import {
  describeOutcome,
  expectBackToLiveData,
  expectJournal,
  expectNoActionSentTwice,
  expectNoCrash,
  expectReconnectingWithReason,
  listenAndCancel,
  runFault,
  type TriggeredAction,
  expectCleanRecovery,
} from './recovery-checks';

interface LinkFault {
  name: string;
  faults: Partial<FaultSettings>;
  durationMs: number;
  reason: RegExp;
  /** Requests accepted during the fault keep its effect this long after it is cleared. */
  tailMs?: number;
}

const LINK_FAULTS: LinkFault[] = [
  {
    name: 'network loss (requests black-holed)',
    faults: { stalled: true },
    durationMs: 4_000,
    reason: /answer|reach|stopped/i,
  },
  {
    name: 'network loss (connections cut)',
    faults: { dropRate: 1 },
    durationMs: 2_000,
    reason: /reach|connection|answer/i,
  },
  {
    name: 'a burst of HTTP 5xx',
    faults: { http5xxRate: 1 },
    durationMs: 2_000,
    reason: /HTTP 50[23]/,
  },
  // The simulator delays a request when it arrives: those that arrived during the fault are
  // still answered 1.6 s late (and time out) after it is cleared, so the fault ends after that.
  {
    name: 'answers slower than the time limit',
    faults: { latencyMs: 1_600 },
    durationMs: 3_000,
    reason: /in time|answer/i,
    tailMs: 1_600,
  },
];

/** Each case on its own simulator and core, so the cases can run side by side. */
async function withSignedInHarness(
  run: (h: FaultHarness, agent: string) => Promise<void>,
): Promise<void> {
  const h = await startFaultHarness();
  try {
    await h.signIn();
    await run(h, h.sim.agents[1]!.agentId);
  } finally {
    await h.close();
  }
}

describe.concurrent('faults of the link to the gateway', () => {
  it.each(LINK_FAULTS)('recovers from $name', ({ faults, durationMs, reason, tailMs = 0 }) =>
    withSignedInHarness(async (h, agent) => {
      const since = Date.now();
      const actions: TriggeredAction[] = [];
      const cleared = await runFault(
        () => h.sim.faults.set(faults),
        () => h.sim.faults.clear(),
        durationMs,
        async () => {
          // Once the core has noticed, an action is refused at once with the reason.
          await h.waitForPhase('reconnecting', since, durationMs);
          const during = await h.core.execute('inspection.listen', {
            workNo: agent,
            source: 'hotkey',
          });
          expect(during.ok, 'an action while reconnecting').toBe(false);
          actions.push(describeOutcome('listen', during));
        },
      );
      await pause(tailMs);
      const window = { startedAt: cleared.startedAt, endedAt: cleared.endedAt + tailMs };
      expectReconnectingWithReason(h, window, reason);
      await expectBackToLiveData(h, window);
      actions.push(...(await listenAndCancel(h, agent)));
      expect(
        actions.slice(1).filter((action) => !action.ok),
        JSON.stringify(actions),
      ).toEqual([]);
      expectCleanRecovery(h, since, actions);
    }),
  );

  it('keeps working through a partial 5xx rate and is fully live after it', () =>
    withSignedInHarness(async (h, agent) => {
      const since = Date.now();
      const window = await runFault(
        () => h.sim.faults.set({ http5xxRate: 0.3 }),
        () => h.sim.faults.clear(),
        2_500,
      );
      // Under a partial rate the core may or may not go to "reconnecting"; it must never fail.
      expect(
        h
          .statesSince(window.startedAt)
          .some((state) => state.phase === 'failed' || state.phase === 'signed-out'),
      ).toBe(false);
      await expectBackToLiveData(h, window);
      const actions = await listenAndCancel(h, agent);
      expect(actions.filter((action) => !action.ok)).toEqual([]);
      expectCleanRecovery(h, since, actions);
    }));

  it('is not fooled by answers that are slow but within the limit', () =>
    withSignedInHarness(async (h, agent) => {
      const since = Date.now();
      h.sim.faults.set({ latencyMs: 300, jitterMs: 200 });
      try {
        const actions = await listenAndCancel(h, agent);
        expect(actions.filter((action) => !action.ok)).toEqual([]);
        await pause(1_000);
        expect(h.statesSince(since).some((state) => state.phase !== 'live')).toBe(false);
        expectJournal(h, since, actions);
        expectNoActionSentTwice(h, since, actions);
      } finally {
        h.sim.faults.clear();
      }
      expectNoCrash(h);
    }));
});
