/**
 * Issue 16 on the built command line: the administrator policy (a policy file given by
 * CC_INSPECTOR_POLICY_FILE, read like /etc/cc-inspector/policy.json and below it) presets and
 * locks the gateway and its CA, a bad key is reported and ignored alone, and
 * `diagnostics --out x.zip` against the simulator writes a bundle in which no byte carries the
 * password or a session key, and call parties' numbers only when asked.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { ensureCliBuilt, readJsonLines, runCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;
let folder: string;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(), ensureCliBuilt()]);
  folder = mkdtempSync(join(tmpdir(), 'cc-inspector-deploy-'));
}, 90_000);
afterAll(async () => {
  await fixture.close();
  rmSync(folder, { recursive: true, force: true });
});

function writePolicy(name: string, document: unknown): Record<string, string> {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(document));
  return { CC_INSPECTOR_POLICY_FILE: path };
}

/** `--agent … --phone …` of inspector 0 (no --gateway, no --ca: the policy gives them). */
function identity(): { args: string[]; password: string } {
  const account = fixture.sim.inspectors[0]!;
  return {
    args: ['--agent', account.agentId, '--phone', account.phoneNumber],
    password: account.password,
  };
}

describe('cc-inspector under an administrator policy', () => {
  it('takes the locked gateway and CA from the policy', async () => {
    const env = writePolicy('locked.json', {
      GatewayUrl: fixture.sim.origin,
      PrivateCaPem: fixture.sim.caPem,
    });
    const { args, password } = identity();
    const run = await runCommand(['doctor', ...args, '--password-stdin', '--json'], {
      input: `${password}\n`,
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [report] = readJsonLines(run.stdout);
    expect(report).toMatchObject({ ok: true, target: fixture.sim.origin });
  });

  it('refuses another gateway or CA than the locked ones, naming the key and the source', async () => {
    const env = writePolicy('locked2.json', {
      GatewayUrl: fixture.sim.origin,
      PrivateCaPem: fixture.sim.caPem,
      AllowInsecureHttp: false,
    });
    const { args } = identity();
    const other = await runCommand(
      ['agents', ...args, '--gateway', 'https://elsewhere.example:8043'],
      { env },
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('GatewayUrl is set by your administrator');
    expect(other.stderr).toContain(env.CC_INSPECTOR_POLICY_FILE);
    const ca = await runCommand(['agents', ...args, '--ca', fixture.caFile], { env });
    expect(ca.code).toBe(2);
    expect(ca.stderr).toContain('PrivateCaPem is set by your administrator');
    const http = await runCommand(['agents', ...args, '--allow-insecure-http'], { env });
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('AllowInsecureHttp');
  });

  it('uses a preset gateway only when none is given, and reports a bad key alone', async () => {
    // Nothing listens on port 1: a run that went to the preset fails at once, and says where.
    const env = writePolicy('preset.json', {
      Language: 'klingon',
      Recommended: { GatewayUrl: 'https://127.0.0.1:1' },
    });
    const shown = await runCommand(['policy', '--json'], { env });
    expect(readJsonLines(shown.stdout)[0]).toMatchObject({
      ok: true,
      recommended: { GatewayUrl: 'https://127.0.0.1:1' },
      locked: {},
    });
    expect(shown.stderr).toContain('administrator policy: Policy Language was ignored');
    const { args } = identity();
    const preset = await runCommand(['doctor', ...args, '--json', '--timeout', '2'], { env });
    expect(preset.code).toBe(3);
    expect(readJsonLines(preset.stdout)[0]).toMatchObject({
      ok: false,
      target: 'https://127.0.0.1:1',
    });
    // Given on the command line, the gateway wins over the preset.
    const given = await runCommand(
      ['agents', ...fixture.inspector(0).args, '--password-stdin', '--json'],
      { env, input: `${fixture.sim.inspectors[0]!.password}\n` },
    );
    expect(given.code).toBe(0);
  });
});

describe('cc-inspector diagnostics', () => {
  const CALLER = '+86 138 0013 8000';
  const PLANTED_GUID = '0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e.AgentGateway1';

  function dataDir(password: string): string {
    const dir = mkdtempSync(join(folder, 'data-'));
    mkdirSync(join(dir, 'logs'));
    mkdirSync(join(dir, 'journal'));
    // A log written by an older build that did not redact, and a clean one.
    writeFileSync(
      join(dir, 'logs', 'main.old.log'),
      `[info] sign-in body {"password":"${password}"} Guid: ${PLANTED_GUID}\n[info] typed ${password}\n`,
    );
    writeFileSync(join(dir, 'logs', 'main.log'), '[info] started {"demo":false}\n');
    const entry = {
      at: '2026-01-02T03:04:05.000Z',
      action: 'request-call',
      target: 'call-1@2',
      source: 'window',
      modeBefore: 'idle',
      modeAfter: 'talking',
      outcome: 'ok',
      retcode: null,
      message: `took the call of ${CALLER}`,
      durationMs: 80,
    };
    writeFileSync(join(dir, 'journal', 'journal.jsonl'), `${JSON.stringify(entry)}\n`);
    return dir;
  }

  it('writes one zip with every part, and no byte of it holds the password or a session key', async () => {
    const { args, password } = fixture.inspector(0);
    const out = join(folder, 'bundle.zip');
    const run = await runCommand(
      ['diagnostics', ...args, '--password-stdin', '--out', out, '--data-dir', dataDir(password)],
      { input: `${password}\n` },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*bundle\.zip: 9 files \(2 logs, 1 journal entries\)\.$/m);
    const raw = readFileSync(out);
    const files = unzipSync(new Uint8Array(raw));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'doctor.json',
      'journal-tail.json',
      'logs/main.log',
      'logs/main.old.log',
      'policy.json',
      'settings.json',
      'state.json',
      'versions.json',
    ]);
    // The doctor ran against the simulator, sign-in and all.
    const doctor = JSON.parse(strFromU8(files['doctor.json']!)) as {
      steps: Array<{ id: string; status: string }>;
    };
    expect(doctor.steps.map((step) => [step.id, step.status])).toEqual([
      ['resolve', 'ok'],
      ['connect', 'ok'],
      ['tls', 'ok'],
      ['sign-in', 'ok'],
      ['poll', 'ok'],
      ['sign-out', 'ok'],
    ]);
    expect(strFromU8(files['logs/main.old.log']!)).toContain('[redacted]');
    const texts = [
      raw.toString('latin1'),
      ...Object.values(files).map((bytes) => strFromU8(bytes)),
    ];
    for (const text of texts) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(PLANTED_GUID.slice(0, 36));
      // No session key of any shape: the simulator's GUIDs are UUIDs too.
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(text).not.toContain(CALLER);
    }
  });

  it("keeps call parties' numbers only with --include-call-parties", async () => {
    const { args, password } = fixture.inspector(1);
    const out = join(folder, 'with-numbers.zip');
    const run = await runCommand(
      [
        'diagnostics',
        ...args,
        '--password-stdin',
        '--out',
        out,
        '--include-call-parties',
        '--data-dir',
        dataDir(password),
      ],
      { input: `${password}\n` },
    );
    expect(run.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(strFromU8(files['journal-tail.json']!)).toContain(CALLER);
  });

  it('is written even without a gateway, and says why the doctor did not run', async () => {
    const out = join(folder, 'no-gateway.zip');
    const run = await runCommand(['diagnostics', '--out', out, '--data-dir', join(folder, 'none')]);
    expect(run.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(strFromU8(files['doctor.json']!)).toContain('No gateway');
    expect(strFromU8(files['README.txt']!)).toContain('No app logs found');
  });
});
