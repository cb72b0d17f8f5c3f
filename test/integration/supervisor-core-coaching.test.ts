/**
 * The coaching room of the real core against the simulator over HTTPS: a note to 150 agents
 * in two batches with per-batch results and journal lines, force rest / release / adjust
 * skills with guards, following an agent's next calls, the sampler, a scorecard after an
 * inspection, and one agent's coaching file joining states, actions, notes and scores — kept
 * in the SQLite file beside the journal, and still there after a restart of the core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseJournalText,
  JOURNAL_FILE_NAME,
} from '../../src/main/supervisor/journal/audit-journal';
import type { CoachingView } from '../../src/shared/coaching';
import {
  startCoreOnSimulator,
  createCoreOnGateway,
  type CoreOnSimulator,
} from '../support/core/start-core-on-simulator';
import { waitFor } from '../support/wait-for';
import { agentShowing, requestsOf } from './supervisor-core-helpers';
import { listPlainAgents } from '../support/simulator-agents';

describe('coaching on the simulator', () => {
  let h: CoreOnSimulator;
  const journal = () =>
    parseJournalText(fs.readFileSync(path.join(h.journalDir, JOURNAL_FILE_NAME), 'utf8'));
  const agent = (workNo: string) => h.sim.center.listAgents().find((a) => a.workNo === workNo)!;
  const lastView = (): CoachingView | undefined =>
    h.recorder.of('coaching.changed').at(-1)?.payload;

  beforeAll(async () => {
    h = await startCoreOnSimulator({ simulator: { agents: 160 } });
    await h.signIn();
    await h.recorder.waitFor('roster.delta', (delta) => delta.reset, 5_000);
    await waitFor(
      async () => {
        const view = await h.core.execute('coaching.getView', {});
        return view.ok && view.value.fileAvailable;
      },
      { what: 'the coaching file to open' },
    );
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('sends a note to 150 agents in two batches, says who was signed in, journals each batch', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1001 + i));
    const before = h.sim.center.listNotes().length;
    const result = await h.core.execute('coaching.sendNote', {
      recipients: { kind: 'agents', workNos: ids },
      text: '请在本通电话后休息 — take a break after this call',
      source: 'window',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.recipients).toBe(150);
    expect(result.value.batches.map((b) => [b.index, b.workNos.length, b.outcome])).toEqual([
      [0, 100, 'ok'],
      [1, 50, 'ok'],
    ]);
    const signedOut = ids.filter((id) => agent(id).status === '2');
    expect(result.value.batches.flatMap((b) => b.signedIn).sort()).toEqual(
      ids.filter((id) => !signedOut.includes(id)).sort(),
    );
    expect(
      h.sim.center
        .listNotes()
        .slice(before)
        .map((note) => note.agentIds.length),
    ).toEqual([100, 50]);
    const notes = journal().filter((entry) => entry.action === 'note');
    expect(notes.map((entry) => [entry.target?.split(',').length, entry.outcome])).toEqual([
      [100, 'ok'],
      [50, 'ok'],
    ]);
  });

  it('refuses a 1,024-byte note before the network', async () => {
    const notes = requestsOf(h, 'sendNoteletEx');
    const result = await h.core.execute('coaching.sendNote', {
      recipients: { kind: 'agents', workNos: ['1001'] },
      text: 'x'.repeat(1_024),
      source: 'window',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(requestsOf(h, 'sendNoteletEx')).toBe(notes);
  });

  it('a saved query picks the agents resting long enough; a group picks its signed-in agents', async () => {
    const resting = await agentShowing(h, '8', 'rest');
    const preview = await h.core.execute('coaching.previewRecipients', {
      recipients: { kind: 'query', queryId: 'resting-10' },
    });
    // Just started resting: not "resting > 10 min" yet.
    expect(preview.ok && preview.value.workNos.includes(resting)).toBe(false);
    const group = listPlainAgents(h.sim).find((a) => a.workNo === resting)!.groupName;
    const byGroup = await h.core.execute('coaching.previewRecipients', {
      recipients: { kind: 'group', group },
    });
    expect(byGroup.ok && byGroup.value.workNos).toContain(resting);
  });

  it('force rest, release and adjust skills go to the gateway, with guards and journal lines', async () => {
    const idle = await agentShowing(h, '4', 'idle');
    expect(
      await h.core.execute('coaching.forceRest', {
        workNo: idle,
        seconds: 300,
        reason: 5,
        source: 'window',
      }),
    ).toEqual({ ok: true, value: null });
    expect(agent(idle).status).toBe('8');

    const talking = await agentShowing(h, '7', 'talking', [idle]);
    await waitFor(() => h.core.execute('agents.select', { workNo: talking }).then(() => true));
    const releasedAt = Date.now();
    const released = await h.core.execute('coaching.forceRelease', {
      workNo: talking,
      source: 'tray',
    });
    expect(released).toEqual({ ok: true, value: null });
    expect(agent(talking).callId).toBeNull();
    // Not in a call any more (once the roster shows it): refused before the network.
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === talking && row.state !== 'talking'),
      3_000,
      releasedAt,
    );
    const drops = requestsOf(h, 'forceDropCall');
    expect(
      await h.core.execute('coaching.forceRelease', { workNo: talking, source: 'window' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    expect(requestsOf(h, 'forceDropCall')).toBe(drops);

    const skills = h.sim.center.listSkills().map((skill) => skill.id);
    expect(
      await h.core.execute('coaching.adjustSkills', {
        workNo: idle,
        skillIds: [skills[1]!, skills[0]!],
        source: 'window',
      }),
    ).toEqual({ ok: true, value: null });
    expect(agent(idle).skills).toEqual([skills[1], skills[0]]);

    const self = await h.core.execute('coaching.forceRest', {
      workNo: h.inspector.agentId,
      seconds: 60,
      reason: 1,
      source: 'window',
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    const lines = journal().filter((entry) =>
      ['force-rest', 'force-release', 'adjust-skills'].includes(entry.action),
    );
    expect(lines.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['force-rest', 'ok'],
      ['force-release', 'ok'],
      ['force-release', 'refused'],
      ['adjust-skills', 'ok'],
      ['force-rest', 'refused'],
    ]);
  });

  it('follows an agent: listens to its next call when idle, leaves it when it ends, stops after 1 call', async () => {
    const followed = await agentShowing(h, '4', 'idle');
    const following = await h.core.execute('coaching.follow', {
      workNo: followed,
      calls: 1,
      minutes: null,
      source: 'window',
    });
    expect(following).toMatchObject({ ok: true, value: { workNo: followed, callsLeft: 1 } });
    const since = Date.now();
    h.sim.center.setAgentStatus(followed, '7');
    await h.recorder.waitFor(
      'inspection.changed',
      (view) => view.mode === 'listening' && view.targetWorkNo === followed,
      5_000,
      since,
    );
    expect(lastView()?.follow).toMatchObject({ workNo: followed, callsLeft: 0, listening: true });
    const ended = Date.now();
    h.sim.center.setAgentStatus(followed, '5');
    await h.recorder.waitFor('inspection.changed', (view) => view.mode === 'idle', 5_000, ended);
    await waitFor(() => lastView()?.follow === null, { what: 'following to end' });
    // The inspection is offered for a scorecard, and the listen was journalled as the system's.
    expect(lastView()?.scorecardDue).toMatchObject({ workNo: followed, origin: 'follow' });
    expect(
      journal()
        .filter((entry) => entry.target === followed && entry.source === 'system')
        .map((e) => e.action),
    ).toEqual(['listen', 'cancel']);
  });

  it('saves a scorecard against that inspection and shows it in the coaching file with states, actions, notes', async () => {
    const due = lastView()!.scorecardDue!;
    const snapshot = await h.core.execute('app.getSnapshot', {});
    if (!snapshot.ok) throw new Error('no snapshot');
    const settings = snapshot.value.settings.coaching.scorecardForms[0];
    const saved = await h.core.execute('coaching.saveScorecard', {
      inspectionId: due.id,
      workNo: due.workNo,
      formId: settings!.id,
      scores: settings!.items.map((item, index) => ({
        itemId: item.id,
        score: index % 6,
        comment: '',
      })),
      comment: 'Good greeting; missed the identity check.',
    });
    expect(saved).toMatchObject({ ok: true, value: { total: 0 + 1 + 2 + 3 + 4, maxScore: 5 } });
    expect(lastView()?.scorecardDue).toBeNull();
    // A note to this agent too, so the file joins all four kinds.
    await h.core.execute('coaching.sendNote', {
      recipients: { kind: 'agents', workNos: [due.workNo] },
      text: 'Well done on that call.',
      source: 'window',
    });
    const file = await h.core.execute('coaching.timeline', {
      workNo: due.workNo,
      kinds: ['state', 'action', 'note', 'inspection', 'scorecard'],
      from: null,
      to: null,
      limit: 200,
    });
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const kinds = new Set(file.value.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(['action', 'inspection', 'note', 'scorecard', 'state']);
    const states = file.value.filter((entry) => entry.kind === 'state').map((entry) => entry.state);
    expect(states).toEqual(expect.arrayContaining(['talking', 'wrap-up']));
    expect(file.value.map((entry) => entry.at)).toEqual(
      [...file.value.map((entry) => entry.at)].sort((a, b) => b - a),
    );
    const onlyNotes = await h.core.execute('coaching.timeline', {
      workNo: due.workNo,
      kinds: ['note'],
      from: null,
      to: null,
      limit: 200,
    });
    expect(onlyNotes.ok && onlyNotes.value.every((entry) => entry.kind === 'note')).toBe(true);
  });

  it('the sampler proposes the longest call and joins it when allowed', async () => {
    const talking = await agentShowing(h, '7', 'talking');
    await h.core.execute('settings.update', {
      coaching: {
        sampler: {
          enabled: true,
          onePerAgentPerShift: true,
          preferCallSeconds: 0,
          skillIds: [],
          autoJoin: false,
          minGapSeconds: 10,
        },
      },
    });
    await waitFor(
      () => lastView()?.sampler.proposal !== null && lastView()?.sampler.enabled === true,
      {
        what: 'a sampler proposal',
      },
    );
    const since = Date.now();
    const joined = await h.core.execute('coaching.sampleNext', { source: 'window' });
    expect(joined).toMatchObject({ ok: true, value: { mode: 'listening' } });
    expect(joined.ok && joined.value.targetWorkNo).not.toBe(h.inspector.agentId);
    await h.recorder.waitFor('inspection.changed', (v) => v.mode === 'listening', 3_000, since);
    await h.core.execute('inspection.cancel', { source: 'window' });
    expect(talking).toBeTruthy();
    await h.core.execute('settings.update', {
      coaching: { sampler: { ...lastSampler(), enabled: false } },
    });
  });

  function lastSampler() {
    return {
      enabled: false,
      onePerAgentPerShift: true,
      preferCallSeconds: 360,
      skillIds: [],
      autoJoin: false,
      minGapSeconds: 60,
    };
  }

  it('many journalled actions at once all land in the coaching file, which survives a restart', async () => {
    const workNos = listPlainAgents(h.sim)
      .map((a) => a.workNo)
      .slice(100, 140);
    await Promise.all(
      workNos.map((workNo) => h.core.execute('agents.forceBusy', { workNo, source: 'window' })),
    );
    const file = path.join(h.journalDir, 'coaching.sqlite');
    // A second core on the same folder (the first still running writes its file on close).
    await h.core.dispose();
    const reopened = createCoreOnGateway({
      gateway: h.sim,
      inspector: h.inspector,
      journalDir: h.journalDir,
    });
    try {
      // Not signed in: asking for a timeline opens the file on demand.
      expect(fs.existsSync(file)).toBe(true);
      for (const workNo of workNos) {
        const timeline = await reopened.core.execute('coaching.timeline', {
          workNo,
          kinds: ['action'],
          from: null,
          to: null,
          limit: 10,
        });
        expect(
          timeline.ok &&
            timeline.value.some((e) => e.kind === 'action' && e.action === 'force-busy'),
          workNo,
        ).toBe(true);
      }
    } finally {
      await reopened.close();
    }
  });
});
