/**
 * The same action twice: a double-pressed hotkey, or the button and the hotkey at once, must
 * put exactly one request on the wire and never earn a 000-007 ("same request still running")
 * from the gateway — whatever else the core is doing at the time (polls, snapshots, queue
 * refreshes, a resume). And when a 000-007 does come back (a retrying proxy duplicated the
 * request), the core reports it as a typed failure, journals it and carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCGW_STATUS } from '../../src/shared/gateway-protocol/gateway-status-codes';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import { pause, waitFor } from '../support/wait-for';
import { actionRequestsSince, expectNoCrash } from './recovery-checks';

describe('double-triggered actions and 000-007', () => {
  let h: FaultHarness;
  let agent: string;
  let other: string;

  beforeAll(async () => {
    h = await startFaultHarness({ simulator: { changesPerAgentPerMinute: 10 } });
    await h.signIn();
    agent = h.sim.agents[3]!.agentId;
    other = h.sim.agents[4]!.agentId;
    h.sim.center.setAgentStatus(agent, CCGW_STATUS.talking);
    await h.core.execute('agents.select', { workNo: agent });
  });

  afterAll(async () => {
    await h?.close();
  });

  const journalSince = (since: number) =>
    h.journal().filter((entry) => Date.parse(entry.at) >= since && entry.action !== 'sign-in');

  it('sends one listen for a double hotkey press plus the button, and every trigger gets the result', async () => {
    const since = Date.now();
    const results = await Promise.all([
      h.core.runHotkey('listen'),
      h.core.runHotkey('listen'),
      h.core.execute('inspection.listen', { workNo: agent, source: 'window' }),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(actionRequestsSince(h, since)).toEqual([
      expect.stringMatching(/^PUT qualitycontrol\/\d+\/addsupervise\/\d+$/),
    ]);
    const cancels = await Promise.all([h.core.runHotkey('cancel'), h.core.runHotkey('cancel')]);
    expect(cancels.map((result) => result.ok)).toEqual([true, true]);
    expect(actionRequestsSince(h, since)).toHaveLength(2);
    // The journal has the action that ran: one listen, one cancel, both ok.
    expect(journalSince(since).map((entry) => [entry.action, entry.outcome])).toEqual([
      ['listen', 'ok'],
      ['cancel', 'ok'],
    ]);
  });

  it('sends one force-busy for a double trigger, and a second one after the first finished', async () => {
    // The core refuses to force an agent its roster shows signed out: wait until the roster has
    // seen the agent idle (a fixed pause raced the poll and the center's own activity).
    h.sim.center.setAgentStatus(other, CCGW_STATUS.idle);
    await waitFor(
      async () => {
        const snapshot = await h.core.execute('app.getSnapshot', {});
        return (
          snapshot.ok &&
          snapshot.value.roster.some((row) => row.workNo === other && row.state === 'idle')
        );
      },
      { what: `the roster to show ${other} idle`, intervalMs: 20 },
    );
    const since = Date.now();
    const [first, second] = await Promise.all([
      h.core.execute('agents.forceBusy', { workNo: other, source: 'tray' }),
      h.core.execute('agents.forceBusy', { workNo: other, source: 'window' }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    expect(actionRequestsSince(h, since)).toHaveLength(1);
    expect((await h.core.execute('agents.forceIdle', { workNo: other, source: 'window' })).ok).toBe(
      true,
    );
    expect(actionRequestsSince(h, since)).toHaveLength(2);
    expect(journalSince(since).map((entry) => entry.action)).toEqual(['force-busy', 'force-idle']);
  });

  it('never earns a 000-007 while everything runs at once', async () => {
    const logBefore = h.gatewayLog.length;
    const outcomes: string[] = [];
    const note = (label: string) => (result: { ok: boolean }) =>
      void outcomes.push(`${label}:${result.ok ? 'ok' : 'refused/failed'}`);
    for (let round = 0; round < 5; round++) {
      h.sim.center.setAgentStatus(other, CCGW_STATUS.idle);
      // A resume re-checks the session with probes that overlap the poll; actions wait for live.
      h.core.onResume();
      await waitFor(() => h.core.trayModel().connection.phase === 'live', {
        what: 'live after the resume',
        timeoutMs: 10_000,
        intervalMs: 5,
      });
      await Promise.all([
        h.core.runHotkey('listen').then(note('listen')),
        h.core.runHotkey('listen').then(note('listen')),
        h.core.execute('queues.watch', {
          skillIds: h.sim.center.listSkills().map((skill) => skill.id),
        }),
        h.core.execute('agents.forceBusy', { workNo: other, source: 'tray' }).then(note('busy')),
        h.core.execute('agents.forceBusy', { workNo: other, source: 'tray' }).then(note('busy')),
        h.core.execute('app.getSnapshot', {}),
      ]);
      await Promise.all([
        h.core.runHotkey('switch').then(note('switch')),
        h.core.runHotkey('switch').then(note('switch')),
        h.core.execute('agents.forceIdle', { workNo: other, source: 'tray' }).then(note('idle')),
      ]);
      await Promise.all([
        h.core.runHotkey('cancel').then(note('cancel')),
        h.core.runHotkey('cancel').then(note('cancel')),
      ]);
    }
    await pause(500);
    // Every trigger worked (the storm is real, not a string of refusals) ...
    expect(outcomes.filter((outcome) => !outcome.endsWith(':ok'))).toEqual([]);
    const answers = h.gatewayLog.slice(logBefore);
    // ... and the gateway saw the actions once each plus polls, snapshots and queue refreshes.
    expect(
      answers.filter((line) =>
        /addsupervise|forcebusy|forceidle|switch|qualitycontrol\/\d+\/\d+ /.test(line),
      ).length,
    ).toBe(25);
    expect(answers.filter((line) => line.endsWith(' 000-007'))).toEqual([]);
    expectNoCrash(h);
  });

  it('reports a 000-007 it did get (a proxy duplicated the request) as a typed, journaled failure', async () => {
    const since = Date.now();
    // Latency keeps the first copy in flight when the second arrives.
    h.sim.faults.set({ latencyMs: 150 });
    h.duplicateNext(/addsupervise/);
    const result = await h.core.execute('inspection.listen', { workNo: agent, source: 'window' });
    h.sim.faults.clear();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'gateway', retcode: '000-007' });
      expect(result.error.message.length).toBeGreaterThan(0);
    }
    const entries = journalSince(since);
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.retcode])).toEqual([
      ['listen', 'failed', '000-007'],
    ]);
    expect(h.core.trayModel().connection.phase).toBe('live');
    await h.expectLiveData(3_000);
    expectNoCrash(h);
  });
});
