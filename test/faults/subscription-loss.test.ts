/**
 * A fault that hits exactly the monitor subscription: the `beginmonitor` request after sign-in
 * fails (a connection reset), everything else works. Without the subscription no agent state
 * change reaches the roster (until the next slow reconcile, 60 s), so the core must not call
 * itself live: it recovers like a lost link and subscribes again (RosterSync.reconcile
 * re-subscribes on every recovery), and changes reach the roster within 5 s. When it cannot be
 * restored, the roster falls back to snapshots rather than go stale.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import { pause, waitFor } from '../support/wait-for';
import { expectNoCrash, RECOVERY_TARGET_MS } from './recovery-checks';

describe('a failed monitor subscription', () => {
  let h: FaultHarness;

  beforeEach(async () => {
    h = await startFaultHarness();
  });

  afterEach(async () => {
    await h?.close();
  });

  it('is re-established, so changes reach the roster within 5 s', async () => {
    h.failNext(/beginmonitor/);
    const inspector = h.sim.inspectors[0]!;
    const result = await h.core.execute('session.signIn', {
      gatewayUrl: h.sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      password: inspector.password,
      remember: false,
    });
    expect(result.ok).toBe(true);
    const failedAt = Date.now();
    await waitFor(() => h.requestsTo(/beginmonitor/).length > 0, {
      what: 'a beginmonitor request',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    await pause(1_000);
    expectNoCrash(h);
    await h.expectLiveData(RECOVERY_TARGET_MS - (Date.now() - failedAt));
    // Subscribed again, still following events (not silently degraded to snapshots).
    expect(h.requestsTo(/beginmonitor/).length).toBeGreaterThanOrEqual(2);
    expect(h.core.diagnostics().sync).toMatchObject({ mode: 'events', subscription: 'active' });
    // Not "live" while the subscription was missing: the failure was visible as reconnecting.
    expect(
      h
        .statesSince(failedAt - 1_000)
        .some((state) => state.phase === 'reconnecting' && /Live agent updates/.test(state.reason)),
    ).toBe(true);
  });

  it('that cannot be restored falls back to snapshots, and the data is live', async () => {
    h.failNext(/beginmonitor/, 1_000);
    const inspector = h.sim.inspectors[0]!;
    const result = await h.core.execute('session.signIn', {
      gatewayUrl: h.sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      password: inspector.password,
      remember: false,
    });
    expect(result.ok).toBe(true);
    const failedAt = Date.now();
    await waitFor(() => h.core.diagnostics().sync.mode === 'snapshots', {
      what: 'the fall-back to snapshots',
      timeoutMs: RECOVERY_TARGET_MS - (Date.now() - failedAt),
      intervalMs: 20,
    });
    // The first try and three retries on the backoff, then no more.
    expect(h.requestsTo(/beginmonitor/)).toHaveLength(4);
    await h.waitForPhase('live', failedAt);
    await h.expectLiveData(RECOVERY_TARGET_MS - (Date.now() - failedAt));
    expect(h.requestsTo(/beginmonitor/)).toHaveLength(4);
    expectNoCrash(h);
  });
});
