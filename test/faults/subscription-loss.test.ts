/**
 * A fault that hits exactly the monitor subscription: the `beginmonitor` request after sign-in
 * fails (a connection reset), everything else works. The core notices a link problem, probes,
 * and reports "live" again — but the subscription is never re-issued, so no agent state change
 * reaches the roster until the next slow reconcile (60 s), while the screen says live.
 *
 * Known defect, reported to the lead: RosterSync.reconcile() on the same client only diffs a
 * snapshot; a failed beginMonitor is not retried. Fix: remember that the subscription failed
 * (or re-issue beginMonitor for the roster on every link resume in events mode) in
 * src/main/supervisor/roster-sync.ts. `it.fails` turns red once fixed; then make it a plain `it`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pause, startFaultHarness, type FaultHarness } from './fault-harness';
import { expectNoCrash, RECOVERY_TARGET_MS } from './recovery-checks';

describe('a failed monitor subscription', () => {
  let h: FaultHarness;

  beforeEach(async () => {
    h = await startFaultHarness();
  });

  afterEach(async () => {
    await h?.close();
  });

  it.fails('is re-established, so changes reach the roster within 5 s', async () => {
    h.failNext(/beginmonitor/);
    const inspector = h.sim.inspectors[0]!;
    const result = await h.core.execute('session.signIn', { gatewayUrl: h.sim.baseUrl, inspectorId: inspector.agentId, phoneNumber: inspector.phoneNumber, password: inspector.password, remember: false });
    expect(result.ok).toBe(true);
    const failedAt = Date.now();
    while (h.requestsTo(/beginmonitor/).length === 0) await pause(20);
    await pause(1_000);
    expectNoCrash(h);
    await h.expectLiveData(RECOVERY_TARGET_MS - (Date.now() - failedAt));
  });
});
