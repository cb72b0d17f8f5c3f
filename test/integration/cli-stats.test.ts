/**
 * `cc-inspector stats` against an in-process simulator: the figures of queryacdstat
 * (Huawei cec_07_0411) as a table, as JSON, for chosen skills, and --follow until SIGINT.
 */
import { collect, ensureCliBuilt, readJsonLines, runCommand, startCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(3), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());

function as(index: number) {
  const { args, password } = fixture.inspector(index);
  return { args, env: { CC_INSPECTOR_PASSWORD: password } };
}

describe('cc-inspector stats', () => {
  it('prints one row per skill with the gateway figures (JSON)', async () => {
    const skills = fixture.sim.center.listSkills();
    const first = skills[0]!;
    fixture.sim.center.enqueueCall(first.id);
    const { args, env } = as(0);
    const run = await runCommand(['stats', ...args, '--json'], { env });
    expect(run.code).toBe(0);
    const [line] = readJsonLines(run.stdout);
    expect(line).toMatchObject({ ok: true, command: 'stats' });
    const rows = line!.skills as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.skillId)).toEqual(skills.map((skill) => skill.id));
    const row = rows[0]!;
    expect(row).toMatchObject({ name: first.name, waiting: expect.any(Number) });
    expect(row.waiting as number).toBeGreaterThanOrEqual(1);
    expect(typeof row.signedIn).toBe('number');
    expect(typeof row.available).toBe('number');
  });

  it('--skill (repeatable) limits the rows; the text table has a header', async () => {
    const [a, , c] = fixture.sim.center.listSkills();
    const { args, env } = as(1);
    const run = await runCommand(
      ['stats', '--skill', String(a!.id), '--skill', String(c!.id), ...args],
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SKILL\s+NAME\s+WAITING\s+LONGEST WAIT\s+SIGNED IN\s+AVAILABLE$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(a!.name);
    expect(lines[2]).toContain(c!.name);
  });

  it('refuses a bad skill id with exit 2', async () => {
    const { args, env } = as(1);
    const run = await runCommand(['stats', '--skill', 'x', ...args], { env });
    expect(run.code).toBe(2);
  });

  it('--follow prints a JSON line per refresh until SIGINT, then signs out (exit 130)', async () => {
    const { args, env } = as(2);
    const child = startCommand(['stats', '--follow', ...args, '--json'], env);
    child.stdin.end();
    let printed = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes('"skills"') && printed.endsWith('\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    const { code, stdout } = await collect(child);
    expect(code).toBe(130);
    const lines = readJsonLines(printed + stdout);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(lines[0]!.skills)).toBe(true);
    // Signed out: a plain sign-in works again at once.
    expect((await runCommand(['stats', ...args], { env })).code).toBe(0);
  });
});
