/**
 * The supervisor core against the simulator over HTTPS: sign-in, live roster, the inspection
 * path, queued calls, duplicate triggers and the audit journal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JOURNAL_FILE_NAME,
  parseJournalText,
} from '../../src/main/supervisor/journal/audit-journal';
import {
  startCoreOnSimulator,
  type CoreOnSimulator,
} from '../support/core/start-core-on-simulator';
import { agentIn, agentShowing, requestsOf } from './supervisor-core-helpers';
import { pause } from '../support/wait-for';

describe('supervisor core on the simulator', () => {
  let h: CoreOnSimulator;
  let agentA: string;

  beforeAll(async () => {
    h = await startCoreOnSimulator();
    await h.signIn();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs in and loads the roster as one reset delta', async () => {
    const live = await h.recorder.waitFor('connection.changed', (state) => state.phase === 'live');
    expect(live.payload).toMatchObject({
      phase: 'live',
      inspectorId: h.inspector.agentId,
      demo: false,
    });
    const first = await h.recorder.waitFor('roster.delta', (delta) => delta.reset);
    expect(first.payload.version).toBe(1);
    const expected = h.sim.center
      .listAgents()
      .filter((agent) => agent.workNo !== h.inspector.agentId);
    expect(first.payload.upserts.map((row) => row.workNo).sort()).toEqual(
      expected.map((agent) => agent.workNo).sort(),
    );
    const snapshot = await h.core.execute('app.getSnapshot', {});
    expect(snapshot.ok && snapshot.value.passwordRemembered).toBe(true);
  });

  it('turns a center state change into a roster delta with that agent', async () => {
    agentA = agentIn(h, '4');
    await pause(300);
    const started = Date.now();
    h.sim.center.setAgentStatus(agentA, '3');
    const delta = await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === agentA && row.state === 'busy'),
      2_000,
      started,
    );
    const row = delta.payload.upserts.find((candidate) => candidate.workNo === agentA)!;
    expect(row.stateSince).toBeGreaterThanOrEqual(started);
    expect(delta.payload.reset).toBe(false);
    expect(delta.at - started).toBeLessThan(1_000);
    const versions = h.recorder.of('roster.delta').map((event) => event.payload.version);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
  });

  it('listen → switch → intercept, with inspection.changed following', async () => {
    h.sim.center.setAgentStatus(agentA, '7');
    await h.recorder.waitFor('roster.delta', (d) =>
      d.upserts.some((row) => row.workNo === agentA && row.state === 'talking'),
    );
    await h.core.execute('agents.select', { workNo: agentA });
    const since = Date.now();
    const listened = await h.core.execute('inspection.listen', {
      workNo: agentA,
      source: 'window',
    });
    expect(listened).toMatchObject({
      ok: true,
      value: { mode: 'listening', targetWorkNo: agentA },
    });
    await h.recorder.waitFor(
      'inspection.changed',
      (view) => view.mode === 'listening',
      2_000,
      since,
    );
    const marked = await h.recorder.waitFor(
      'roster.delta',
      (d) =>
        d.upserts.some(
          (row) =>
            row.workNo === agentA && row.inspectedBy?.inspectorWorkNo === h.inspector.agentId,
        ),
      2_000,
      since,
    );
    expect(marked.payload.upserts.find((row) => row.workNo === agentA)?.inspectedBy?.mode).toBe(
      'listen',
    );

    const switched = await h.core.execute('inspection.switch', { source: 'window' });
    expect(switched).toMatchObject({ ok: true, value: { mode: 'inserting' } });
    const whisper = await h.core.execute('inspection.switchTo', {
      mode: 'whisper',
      source: 'tray',
    });
    expect(whisper).toMatchObject({ ok: true, value: { mode: 'whispering' } });
    const intercepted = await h.core.execute('inspection.intercept', { source: 'window' });
    expect(intercepted).toMatchObject({
      ok: true,
      value: { mode: 'talking', targetWorkNo: agentA },
    });
    await h.recorder.waitFor(
      'roster.delta',
      (d) => d.upserts.some((row) => row.workNo === agentA && row.state === 'idle'),
      2_000,
      since,
    );
    expect(
      h.sim.center.listAgents().find((agent) => agent.workNo === h.inspector.agentId)?.status,
    ).toBe('7');

    const cancel = await h.core.execute('inspection.cancel', { source: 'window' });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    // The customer hangs up on the inspector: the machine follows the release events.
    const ended = Date.now();
    h.sim.center.setAgentStatus(h.inspector.agentId, '4');
    await h.recorder.waitFor('inspection.changed', (view) => view.mode === 'idle', 2_000, ended);
  });

  it('refuses forbidden actions before the network', async () => {
    const before = requestsOf(h, 'intercept') + requestsOf(h, 'addInsert');
    const intercept = await h.core.execute('inspection.intercept', { source: 'hotkey' });
    expect(intercept).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    const signedOut = await agentShowing(h, '2', 'signed-out', [agentA]);
    const barge = await h.core.execute('inspection.barge', { workNo: signedOut, source: 'window' });
    expect(barge).toMatchObject({
      ok: false,
      error: { code: 'forbidden-state', message: `Agent ${signedOut} is signed out.` },
    });
    expect(requestsOf(h, 'intercept') + requestsOf(h, 'addInsert')).toBe(before);
  });

  it('a double-triggered listen sends exactly one request', async () => {
    await h.core.execute('agents.select', { workNo: agentA });
    const before = requestsOf(h, 'addSupervise');
    const [first, second] = await Promise.all([
      h.core.runHotkey('listen'),
      h.core.runHotkey('listen'),
    ]);
    expect(first).toMatchObject({ ok: true, value: { mode: 'listening' } });
    expect(second).toEqual(first);
    const third = await h.core.runHotkey('listen');
    expect(third).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    expect(requestsOf(h, 'addSupervise')).toBe(before + 1);
    // The barge hotkey while listening to the focus agent barges into that call.
    expect(await h.core.runHotkey('barge')).toMatchObject({
      ok: true,
      value: { mode: 'inserting', targetWorkNo: agentA },
    });
    const cancel = await h.core.runHotkey('cancel');
    expect(cancel).toMatchObject({ ok: true, value: { mode: 'idle' } });
  });

  it('forces an agent busy, once for a double trigger', async () => {
    const target = await agentShowing(h, '4', 'idle', [agentA]);
    const before = requestsOf(h, 'forceBusy');
    const [one, two] = await Promise.all([
      h.core.execute('agents.forceBusy', { workNo: target, source: 'window' }),
      h.core.execute('agents.forceBusy', { workNo: target, source: 'window' }),
    ]);
    expect(one).toEqual({ ok: true, value: null });
    expect(two).toEqual(one);
    expect(requestsOf(h, 'forceBusy')).toBe(before + 1);
    await h.recorder.waitFor('roster.delta', (d) =>
      d.upserts.some((row) => row.workNo === target && row.state === 'busy'),
    );
  });

  it('shows a queued call and takes it with requestcall', async () => {
    const skill = h.sim.center.listSkills()[0]!;
    const callId = h.sim.center.enqueueCall(skill.id, '13800000000');
    const since = Date.now();
    await h.core.execute('queues.watch', { skillIds: [skill.id] });
    const shown = await h.recorder.waitFor(
      'queues.changed',
      (queues) =>
        queues.some((queue) => queue.calls?.some((call) => call.callId === callId) ?? false),
      3_000,
      since,
    );
    const queue = shown.payload.find((candidate) => candidate.skillId === skill.id)!;
    expect(queue.waitingCount).toBeGreaterThanOrEqual(1);
    expect(queue.calls?.find((call) => call.callId === callId)).toMatchObject({
      caller: '13800000000',
      skillId: skill.id,
    });
    const taken = await h.core.execute('queues.requestCall', {
      callId,
      skillId: skill.id,
      source: 'window',
    });
    expect(taken).toMatchObject({ ok: true, value: { mode: 'talking', callId } });
    expect(h.sim.center.listWaitingCalls(skill.id).some((call) => call.callId === callId)).toBe(
      false,
    );
    const ended = Date.now();
    h.sim.center.setAgentStatus(h.inspector.agentId, '4');
    await h.recorder.waitFor('inspection.changed', (view) => view.mode === 'idle', 2_000, ended);
    await h.core.execute('queues.watch', { skillIds: [] });
  });

  it('writes every action to the audit journal, without secrets', async () => {
    const text = fs.readFileSync(path.join(h.journalDir, JOURNAL_FILE_NAME), 'utf8');
    const entries = parseJournalText(text);
    expect(text.split('\n').filter((line) => line !== '')).toHaveLength(entries.length);
    const actions = entries.map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sign-in:ok',
        'listen:ok',
        'switch:ok',
        'switch-to-whisper:ok',
        'intercept:ok',
        'cancel:refused',
        'barge:refused',
        'force-busy:ok',
        'request-call:ok',
      ]),
    );
    expect(
      entries.find((entry) => entry.action === 'listen' && entry.source === 'hotkey'),
    ).toMatchObject({ modeBefore: 'idle', modeAfter: 'listening', target: agentA });
    expect(text).not.toContain(h.inspector.password);
    const listed = await h.core.execute('journal.list', { limit: 3 });
    expect(listed.ok && listed.value).toHaveLength(3);
    const allEvents = JSON.stringify(h.recorder.events);
    expect(allEvents).not.toContain(h.inspector.password);
  });
});
