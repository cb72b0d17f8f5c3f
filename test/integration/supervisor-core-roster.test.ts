/**
 * The supervisor core's roster against the simulator: the state-start warm-up after sign-in,
 * the window's start in two halves (screen, then agents) and the roster lag at 2,000 agents on
 * loopback.
 */
import { describe, expect, it } from 'vitest';
import type { AgentRow } from '../../src/shared/domain';
import { createNodeFetch, GatewayClient } from '../../src/main/gateway';
import { measureRosterLag } from '../support/core/roster-lag-measurement';
import { startCoreOnSimulator } from '../support/core/start-core-on-simulator';
import { requestsOf } from './supervisor-core-helpers';
import { pause, waitFor } from '../support/wait-for';

describe('state-start warm-up after sign-in on the simulator', () => {
  it('gives talking, busy and wrap-up agents their exact start from agentbyworkno.currentstatetime', async () => {
    const h = await startCoreOnSimulator({
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 50 } },
    });
    // A second inspector asks the gateway directly, to compare with what the core shows.
    const transport = createNodeFetch({ caPem: h.sim.caPem });
    const other = h.sim.inspectors[1]!;
    const witness = new GatewayClient({
      baseUrl: h.sim.baseUrl,
      agentId: other.agentId,
      fetch: transport,
      requestTimeoutMs: 3_000,
      pollTimeoutMs: 3_000,
    });
    try {
      const signInAt = Date.now();
      await h.signIn();
      await waitFor(() => !h.core.diagnostics().warmupEnrichment.running, {
        what: 'the warm-up to end',
        timeoutMs: 10_000,
        intervalMs: 20,
      });
      expect(h.core.diagnostics().warmupEnrichment).toMatchObject({
        running: false,
        endedBy: 'done',
      });
      const snapshot = await h.core.execute('app.getSnapshot', {});
      if (!snapshot.ok) throw new Error('no snapshot');
      const wanted = snapshot.value.roster.filter(
        (row) => row.state === 'talking' || row.state === 'busy' || row.state === 'wrap-up',
      );
      expect(wanted.filter((row) => row.state === 'talking').length).toBeGreaterThan(0);
      await witness.signIn({ password: other.password, phoneNumber: other.phoneNumber });
      for (const row of wanted) {
        const detail = await witness.getAgent(row.workNo);
        expect(row, row.workNo).toMatchObject({
          stateSinceExact: true,
          stateSince: detail.currentStateSince,
        });
        // Started before we ever saw it: only the gateway could have told.
        expect(row.stateSince!).toBeLessThan(signInAt);
        if (row.state === 'talking') expect(row.call?.since).toBe(detail.currentStateSince);
      }
      // Idle and signed-out rows keep the lower bound: their first sight, after the sign-in began.
      for (const row of snapshot.value.roster.filter((candidate) => !wanted.includes(candidate))) {
        expect(row.stateSinceExact, row.workNo).toBe(false);
        expect(row.stateSince!).toBeGreaterThanOrEqual(signInAt);
      }
      // One request per agent by the core (none for idle or signed-out ones), one by the witness.
      expect(requestsOf(h, 'queryAgentInfoByWorkNo')).toBe(wanted.length * 2);
      // The screen learns it through deltas, not only through snapshots (deltas go out on the
      // next ~50 ms flush, so the last rows may still be on their way).
      const allExactInDeltas = (): boolean => {
        const lastUpserts = new Map<string, AgentRow>();
        for (const event of h.recorder.of('roster.delta'))
          for (const row of event.payload.upserts) lastUpserts.set(row.workNo, row);
        return wanted.every((row) => lastUpserts.get(row.workNo)?.stateSinceExact === true);
      };
      await waitFor(allExactInDeltas, {
        what: 'the exact starts to reach the roster deltas',
        timeoutMs: 2_000,
        intervalMs: 20,
      });
    } finally {
      await witness.signOut().catch(() => undefined);
      await transport.close();
      await h.close();
    }
  });

  it('stops asking when the inspector signs out', async () => {
    const h = await startCoreOnSimulator({
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 4 } },
    });
    try {
      await h.signIn();
      await waitFor(() => requestsOf(h, 'queryAgentInfoByWorkNo') >= 1, {
        what: 'a first warm-up request',
        intervalMs: 20,
      });
      expect(h.core.diagnostics().warmupEnrichment.running).toBe(true);
      expect(await h.core.execute('session.signOut', { forgetPassword: false })).toEqual({
        ok: true,
        value: null,
      });
      expect(h.core.diagnostics().warmupEnrichment).toMatchObject({
        running: false,
        endedBy: 'cancelled',
      });
      const asked = requestsOf(h, 'queryAgentInfoByWorkNo');
      await pause(800);
      expect(requestsOf(h, 'queryAgentInfoByWorkNo')).toBe(asked);
    } finally {
      await h.close();
    }
  });
});

describe("the window's start in two halves on the simulator", () => {
  it('answers the screen without the agents past agentsUpTo, with them up to it, and the agents alone as the snapshot has them', async () => {
    // A still center (no changes, warm-up over): the three answers describe the same version.
    const h = await startCoreOnSimulator({
      simulator: { changesPerAgentPerMinute: 0 },
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 500 } },
    });
    try {
      await h.signIn();
      await waitFor(
        () => h.core.diagnostics().rosterSize > 0 && !h.core.diagnostics().warmupEnrichment.running,
        { what: 'the roster and the end of the warm-up', timeoutMs: 10_000 },
      );
      const whole = await h.core.execute('app.getSnapshot', {});
      if (!whole.ok) throw new Error('no snapshot');
      const count = whole.value.roster.length;
      const { roster, rosterVersion, ...screenParts } = whole.value;

      const big = await h.core.execute('app.getScreen', { agentsUpTo: count - 1 });
      expect(big).toEqual({ ok: true, value: { ...screenParts, agentCount: count, agents: null } });
      const small = await h.core.execute('app.getScreen', { agentsUpTo: count });
      expect(small.ok && small.value.agents).toEqual({ roster, rosterVersion });
      expect(await h.core.execute('roster.getSnapshot', {})).toEqual({
        ok: true,
        value: { roster, rosterVersion },
      });
    } finally {
      await h.close();
    }
  });

  it('sends a big center in the default order, with the glance figures and when it ordered them', async () => {
    const h = await startCoreOnSimulator({
      simulator: { agents: 2_400, changesPerAgentPerMinute: 0 },
      supervisor: { warmupEnrichment: { maxRequestsPerSecond: 2_000 } },
    });
    try {
      await h.signIn();
      await waitFor(() => h.core.diagnostics().rosterSize >= 2_400, {
        what: 'the roster of 2,400 agents',
        timeoutMs: 10_000,
      });
      const before = Date.now();
      const answer = await h.core.execute('roster.getSnapshot', {});
      if (!answer.ok) throw new Error('no roster');
      const { roster, presorted } = answer.value;
      // The inspectors' own rows are in the roster too.
      const size = h.core.diagnostics().rosterSize;
      expect(roster).toHaveLength(size);
      expect(presorted?.at).toBeGreaterThanOrEqual(before);
      expect(presorted?.at).toBeLessThanOrEqual(Date.now());
      const screen = await h.core.execute('app.getScreen', { agentsUpTo: 0 });
      expect(presorted?.thresholds).toEqual(screen.ok && screen.value.settings.alerts);
      // The attention order, written out: alerted first, then calls longest first (a call of
      // unknown start by its state's start), then the longest in state.
      const alerted = roster.filter((row) => row.alerts.length > 0).length;
      expect(roster.slice(0, alerted).every((row) => row.alerts.length > 0)).toBe(true);
      const callStart = (row: AgentRow): number =>
        row.call === null ? Infinity : (row.call.since ?? row.stateSince ?? Infinity);
      const rest = roster.slice(alerted);
      for (let index = 1; index < rest.length; index += 1)
        expect(callStart(rest[index - 1]!)).toBeLessThanOrEqual(callStart(rest[index]!));
      expect(rest.some((row) => row.call !== null)).toBe(true);
      const counts: Record<string, number> = {};
      for (const row of roster) counts[row.state] = (counts[row.state] ?? 0) + 1;
      for (const [state, count] of Object.entries(presorted!.stateCounts))
        expect(count, state).toBe(counts[state] ?? 0);
      expect(presorted).toMatchObject({ total: size, alerted });
    } finally {
      await h.close();
    }
  }, 30_000);

  it('refuses an agentsUpTo that is not a whole number from 0 to 100,000 (the IPC validation)', async () => {
    const { commandArgSchemas } = await import('../../src/shared/ipc/contract-schemas');
    for (const agentsUpTo of [-1, 1.5, 100_001, '10', null])
      expect(commandArgSchemas['app.getScreen'].safeParse({ agentsUpTo }).success).toBe(false);
    expect(commandArgSchemas['app.getScreen'].safeParse({}).success).toBe(false);
    expect(commandArgSchemas['app.getScreen'].safeParse({ agentsUpTo: 1_999 }).success).toBe(true);
  });
});

describe('roster lag at 2,000 agents on loopback', () => {
  it('shows a center state change in a roster delta within the 300 ms p95 target', async () => {
    const result = await measureRosterLag({
      agents: 2_000,
      changesPerAgentPerMinute: 1,
      measureMs: 4_000,
      settleMs: 1_500,
    });
    const { report, diagnostics } = result;
    console.log(
      `[core] roster lag @2,000 agents loopback: n=${report.samples} p50=${report.p50Ms} ms p95=${report.p95Ms} ms p99=${report.p99Ms} ms max=${report.maxMs} ms; mode=${diagnostics.sync.mode}; ${result.requestsPerSecond.toFixed(1)} req/s (state-start warm-up ${diagnostics.warmupEnrichment.running ? 'running' : 'ended'}, ${diagnostics.warmupEnrichment.requests} requests)`,
    );
    expect(report.samples).toBeGreaterThan(20);
    expect(report.p95Ms).toBeLessThanOrEqual(300);
  }, 20_000);
});
