/**
 * Issue 15, item 1: one-off commands act on a live session — `cc-inspector session --serve`
 * here, the desktop app in control-endpoint-core.test.ts — through the local control endpoint:
 * `switch` works while the live session inspects the agent, `barge` while listening switches
 * (the app's rule), actions are journaled with source `cli`, a wrong token is refused, and
 * without a live session `switch` says it needs one and shows the session form.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { connectToControl } from '../../src/main/control/control-client';
import { controlLocationOfThisProcess } from '../../src/main/control/control-location';
import { waitFor } from '../support/wait-for';
import { collect, ensureCliBuilt, readJsonLines, runCommand, startCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;
let controlDir: string;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(3), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());
beforeEach(() => {
  controlDir = mkdtempSync(join(tmpdir(), 'cc-live-'));
});
afterEach(() => rmSync(controlDir, { recursive: true, force: true }));

const control = () => ({ CC_INSPECTOR_CONTROL_DIR: join(controlDir, 'control') });
const logins = () => fixture.sim.center.stats().requestsByLogName.login ?? 0;

/** Starts `session --serve --json` and resolves once it serves; lines are collected. */
async function serveSession(index = 0): Promise<{
  child: ChildProcessWithoutNullStreams;
  lines: Array<Record<string, unknown>>;
}> {
  const { args, password } = fixture.inspector(index);
  const child = startCommand(['session', '--serve', '--json', ...args], {
    CC_INSPECTOR_PASSWORD: password,
    ...control(),
  });
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout }).on('line', (line) =>
    lines.push(JSON.parse(line) as Record<string, unknown>),
  );
  await waitFor(() => lines.some((line) => line.command === 'serve'), {
    what: 'the session to serve',
    timeoutMs: 10_000,
  });
  return { child, lines };
}

describe('one-off commands on `session --serve`', () => {
  it('switch, barge while listening, status and cancel act on the live inspection (source cli)', async () => {
    const target = fixture.talkingAgent(0);
    const { child, lines } = await serveSession(0);
    child.stdin.write(`listen ${target}\n`);
    await waitFor(() => lines.some((line) => line.command === 'listen'), { what: 'listen' });
    const before = logins();
    const requests = () => fixture.sim.center.stats().requestsByLogName;
    const switches = () =>
      (requests().switchSuperviseOrInsert ?? 0) + (requests().requestSwitchInsertWhisperAgent ?? 0);
    const switchesBefore = switches();
    const insertsBefore = requests().addInsert ?? 0;

    const barge = await runCommand(['barge', target, '--json'], { env: control() });
    expect(barge.code).toBe(0);
    expect(readJsonLines(barge.stdout)).toEqual([
      { ok: true, command: 'barge', target, mode: 'inserting', callId: null, via: 'session' },
    ]);
    const inspector = fixture.sim.inspectors[0]!.agentId;
    // Sent as the gateway's switch (listen → insert), not as a second start.
    expect(switches() - switchesBefore).toBe(1);
    expect((requests().addInsert ?? 0) - insertsBefore).toBe(0);

    const toWhisper = await runCommand(['switch', target, '--to', 'whisper', '--json'], {
      env: control(),
    });
    expect(readJsonLines(toWhisper.stdout)[0]).toMatchObject({ ok: true, mode: 'whispering' });

    const status = await runCommand(['status'], { env: control() });
    expect(status.stdout).toBe(
      `live as ${inspector}: whispering, agent ${target} (in cc-inspector session --serve).\n`,
    );

    const other = await runCommand(['switch', '1099'], { env: control() });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`the live session inspects agent ${target}, not 1099`);

    const cancel = await runCommand(['cancel', '--json'], { env: control() });
    expect(readJsonLines(cancel.stdout)[0]).toMatchObject({ ok: true, mode: 'idle' });
    // None of them signed in: they used the live session.
    expect(logins()).toBe(before);

    const client = await connectToControl(controlLocationOfThisProcess(control()));
    const journal = await client!.call('journal.list', { limit: 10 });
    client!.close();
    expect(journal.ok && journal.value.map((entry) => [entry.action, entry.source])).toEqual([
      ['cancel', 'cli'],
      ['switch-to-whisper', 'cli'],
      ['switch-to-barge', 'cli'],
      ['listen', 'cli'],
    ]);

    child.stdin.write('quit\n');
    const ended = await collect(child);
    expect(ended.code).toBe(0);
    // Its endpoint is gone with it, and it signed out: a plain sign-in works.
    expect(await connectToControl(controlLocationOfThisProcess(control()))).toBeNull();
    const { args, password } = fixture.inspector(0);
    expect(
      (await runCommand(['agents', ...args], { env: { CC_INSPECTOR_PASSWORD: password } })).code,
    ).toBe(0);
  });

  it('refuses a command whose token does not match (exit 4), and the session goes on', async () => {
    const { child } = await serveSession(1);
    const infoFile = join(controlDir, 'control', 'control.json');
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { token: string };
    writeFileSync(infoFile, JSON.stringify({ ...info, token: 'e'.repeat(64) }), { mode: 0o600 });
    const run = await runCommand(['status'], { env: control() });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('its control token did not match');
    writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
    expect((await runCommand(['status'], { env: control() })).code).toBe(0);
    child.kill('SIGTERM');
    expect((await collect(child)).code).toBe(143);
  });

  it('without a live session, switch says so and shows the session form, signing in nowhere', async () => {
    const before = logins();
    const { args, password } = fixture.inspector(2);
    const run = await runCommand(['switch', '1002', ...args], {
      env: { CC_INSPECTOR_PASSWORD: password, ...control() },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('`switch` acts on a running inspection');
    expect(run.stderr).toContain("printf 'listen 1002\\nswitch\\n' | cc-inspector session");
    expect(logins()).toBe(before);
    const help = await runCommand(['switch', '--help']);
    expect(help.stdout).toContain('cc-inspector session --serve');
    expect(help.stdout).toContain("printf 'listen 1002\\nswitch\\n' | cc-inspector session");
  });

  it('a live session of another inspector is not used: the command signs in itself', async () => {
    const { child } = await serveSession(1);
    const { args, password } = fixture.inspector(2);
    const target = fixture.talkingAgent(2);
    const before = logins();
    const run = await runCommand(['listen', target, ...args, '--json'], {
      env: { CC_INSPECTOR_PASSWORD: password, ...control() },
    });
    expect(run.code).toBe(0);
    expect(readJsonLines(run.stdout)[0]).toEqual({
      ok: true,
      command: 'listen',
      target,
      mode: 'listening',
    });
    expect(logins()).toBe(before + 1);
    child.kill('SIGINT');
    expect((await collect(child)).code).toBe(130);
  });
});
