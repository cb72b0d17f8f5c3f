/**
 * The coaching commands of the built command line against an in-process simulator: `note`
 * (sendnoteletex, cec_07_1205: ≤ 100 ids per request, 0–1,023 bytes), `force-rest`
 * (cec_07_2411), `force-release` (forcedropcall, cec_07_2408 / cec_07_0442) and
 * `adjust-skills` (cec_07_2409 / cec_07_0443), with the exit codes of the other commands.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, readJsonLines, runCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';
import { startRecordingSocket } from '../support/gateway/recording-socket';

let fixture: CliSimulator;
let folder: string;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(3), ensureCliBuilt()]);
  folder = mkdtempSync(join(tmpdir(), 'cc-inspector-cli-notes-'));
}, 60_000);
afterAll(async () => {
  await fixture.close();
  rmSync(folder, { recursive: true, force: true });
});

function as(index: number) {
  const { args, password } = fixture.inspector(index);
  return { args, env: { CC_INSPECTOR_PASSWORD: password } };
}

const requests = (logName: string) => fixture.sim.center.stats().requestsByLogName[logName] ?? 0;
const agentOf = (workNo: string) =>
  fixture.sim.center.listAgents().find((agent) => agent.workNo === workNo)!;

describe('cc-inspector note', () => {
  it('sends a note to 150 agents in two batches of 100 and 50', async () => {
    const { args, env } = as(0);
    const ids = Array.from({ length: 150 }, (_, i) => String(1001 + i));
    const before = fixture.sim.center.listNotes().length;
    const run = await runCommand(
      ['note', ids.join(','), '--text', '交接班 handover', ...args, '--json'],
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    const notes = fixture.sim.center.listNotes().slice(before);
    expect(notes.map((note) => note.agentIds.length)).toEqual([100, 50]);
    expect(notes.flatMap((note) => note.agentIds)).toEqual(ids);
    expect(notes.every((note) => note.content === '交接班 handover')).toBe(true);
    const [result] = readJsonLines(run.stdout);
    expect(result).toMatchObject({
      ok: true,
      command: 'note',
      batches: [
        { agents: ids.slice(0, 100), outcome: 'ok' },
        { agents: ids.slice(100), outcome: 'ok' },
      ],
    });
    expect(run.stderr).toContain('batch 2/2 (50 agents): sent');
  });

  it('refuses a 1,024-byte note with exit 2 before signing in', async () => {
    const { args, env } = as(0);
    const logins = requests('login') + requests('forceLogin');
    const notes = requests('sendNoteletEx');
    const run = await runCommand(['note', '1001', '--text', 'x'.repeat(1_024), ...args], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is 1024 bytes long; a note holds at most 1023 bytes');
    expect(requests('login') + requests('forceLogin')).toBe(logins);
    expect(requests('sendNoteletEx')).toBe(notes);
  });

  it('reads the note from standard input after the password line, and from a file', async () => {
    const { args, password } = fixture.inspector(1);
    const before = fixture.sim.center.listNotes().length;
    const piped = await runCommand(['note', '1002,1003', ...args, '--password-stdin'], {
      input: `${password}\nline one\n第二行\n`,
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe('Note sent to 2 agents in 1 batch.\n');
    const file = join(folder, 'note.txt');
    writeFileSync(file, 'from a file\n');
    const fromFile = await runCommand(['note', '1004', '--text-file', file, ...args], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(fromFile.code).toBe(0);
    expect(
      fixture.sim.center
        .listNotes()
        .slice(before)
        .map((note) => note.content),
    ).toEqual(['line one\n第二行', 'from a file']);
  });

  it('exit 2 for a bad receiver list or an unreadable file', async () => {
    const { args, env } = as(0);
    expect((await runCommand(['note', '10a1', '--text', 'x', ...args], { env })).code).toBe(2);
    const missing = await runCommand(
      ['note', '1001', '--text-file', join(folder, 'missing.txt'), ...args],
      { env },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--text-file');
  });
});

describe('cc-inspector force-rest, force-release, adjust-skills', () => {
  it('force-rest rests an idle agent; a rest of 0 s or reason 256 is exit 2', async () => {
    const { args, env } = as(0);
    const idle = fixture.sim.center
      .listAgents()
      .find((agent) => agent.status === '4' && /^1\d{3}$/.test(agent.workNo))!;
    const run = await runCommand(
      ['force-rest', idle.workNo, '--seconds', '600', '--reason', '12', ...args, '--json'],
      { env },
    );
    expect(run.code).toBe(0);
    expect(readJsonLines(run.stdout)).toEqual([
      { ok: true, command: 'force-rest', target: idle.workNo, seconds: 600, reason: 12 },
    ]);
    expect(agentOf(idle.workNo).status).toBe('8');
    const zero = await runCommand(
      ['force-rest', idle.workNo, '--seconds', '0', '--reason', '1', ...args],
      { env },
    );
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('rest duration: a whole number from 1 to 86399');
    const reason = await runCommand(
      ['force-rest', idle.workNo, '--seconds', '60', '--reason', '256', ...args],
      { env },
    );
    expect(reason.code).toBe(2);
  });

  it('force-release hangs up a call; an unknown call is refused by the gateway (exit 1)', async () => {
    const { args, env } = as(1);
    const talking = fixture.talkingAgent(2);
    const callId = agentOf(talking).callId!;
    const run = await runCommand(['force-release', callId, ...args], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Released call ${callId}.\n`);
    expect(agentOf(talking).callId).toBeNull();
    const again = await runCommand(['force-release', callId, ...args], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[200-001]');
  });

  it('adjust-skills replaces the skills; 1,001 skills or a word is exit 2', async () => {
    const { args, env } = as(2);
    const skills = fixture.sim.center.listSkills().map((skill) => skill.id);
    const agent = fixture.sim.center
      .listAgents()
      .find((candidate) => candidate.status === '4' && /^1\d{3}$/.test(candidate.workNo))!;
    const chosen = skills.slice(0, 2);
    const run = await runCommand(
      ['adjust-skills', agent.workNo, '--skills', chosen.join(','), ...args, '--json'],
      { env },
    );
    expect(run.code).toBe(0);
    expect(readJsonLines(run.stdout)[0]).toMatchObject({ ok: true, skills: chosen });
    expect(agentOf(agent.workNo).skills).toEqual(chosen);
    const many = Array.from({ length: 1_001 }, (_, i) => i).join(',');
    const tooMany = await runCommand(['adjust-skills', agent.workNo, '--skills', many, ...args], {
      env,
    });
    expect(tooMany.code).toBe(2);
    expect(
      (await runCommand(['adjust-skills', agent.workNo, '--skills', '3,x', ...args], { env })).code,
    ).toBe(2);
  });
});

// Issue 9's rule on issue 12's commands: a plain-HTTP gateway is refused before anything is
// sent — the listening socket records that no connection was even opened.
describe('coaching commands and a plain-HTTP gateway', () => {
  it('refuse it with exit 2 and send nothing', async () => {
    const socket = await startRecordingSocket((connection) => connection.end());
    try {
      const gateway = ['--gateway', `http://127.0.0.1:${socket.port}`];
      const connection = [...gateway, '--agent', '9001', '--phone', '89001'];
      for (const command of [
        ['note', '1001', '--text', 'hi'],
        ['force-rest', '1001', '--seconds', '60', '--reason', '1'],
        ['force-release', '1700000001-77'],
        ['adjust-skills', '1001', '--skills', '3,5'],
      ]) {
        const run = await runCommand([...command, ...connection], {
          env: { CC_INSPECTOR_PASSWORD: 'Cleartext-Canary-1205' },
        });
        expect(run.code, command[0]).toBe(2);
        expect(run.stderr).toContain('--allow-insecure-http');
      }
      expect(socket.connections).toBe(0);
      expect(socket.received()).toBe('');
    } finally {
      await socket.close();
    }
  });
});
