/**
 * The README is true (issue 15): every ```sh block of it is run, as written and in order, by
 * bash against the simulator the blocks themselves start — `npm link` into a throwaway global
 * prefix, the control endpoint in a throwaway folder. A line marked `# until Ctrl+C` is
 * stopped with SIGINT after a few seconds and must end with 130, as Ctrl+C does. The keys and
 * names the prose shows (the simulator's first line, --faults, the command list) are checked
 * against what the program prints and accepts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFaultSpec } from '../../src/simulator';
import { ensureCliBuilt, runCommand } from '../integration/cli-harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const UNTIL_CTRL_C = /^(.*?)\s+# until Ctrl\+C\s*$/;

/** The README's shell blocks, in order. */
function shellBlocks(): string[] {
  return [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** A block as bash runs it: `# until Ctrl+C` lines get a SIGINT after 4 s and must exit 130. */
function runnable(block: string): string {
  return block
    .split('\n')
    .map((line) => {
      const stopped = UNTIL_CTRL_C.exec(line);
      return stopped
        ? `{ timeout --preserve-status -s INT 4 ${stopped[1]} || [ $? -eq 130 ]; }`
        : line;
    })
    .join('\n');
}

let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cc-readme-'));
  await ensureCliBuilt();
}, 90_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README.md', () => {
  it('has shell blocks, and every one of them runs against the simulator', async () => {
    const blocks = shellBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const prefix = join(work, 'npm-global');
    // The first block is run in the clone (it builds and links); the rest in a work folder.
    const script = [
      'set -euo pipefail',
      `trap 'kill $(jobs -p) 2>/dev/null || true' EXIT`,
      `cd ${JSON.stringify(ROOT)}`,
      ...blocks.flatMap((block, index) => [
        `echo "::block ${index + 1}" >&2`,
        runnable(block),
        index === 0 ? `cd ${JSON.stringify(work)}` : '',
      ]),
      'echo "::done" >&2',
    ].join('\n');
    writeFileSync(join(work, 'readme.sh'), script);
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn('bash', [join(work, 'readme.sh')], {
          cwd: work,
          env: {
            PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
            HOME: process.env.HOME ?? work,
            LANG: 'C',
            npm_config_prefix: prefix,
            npm_config_update_notifier: 'false',
            CC_INSPECTOR_CONTROL_DIR: join(work, 'control'),
            DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cc-inspector-test-bus',
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      },
    );
    expect({ code: run.code, tail: run.stderr.slice(-3000) }).toEqual({
      code: 0,
      tail: expect.stringContaining('::done'),
    });
    // What the blocks printed is what the README says they do.
    expect(run.stdout).toMatch(/^0\.\d+\.\d+$/m);
    expect(run.stdout).toContain('All checks passed.');
    expect(run.stdout).toMatch(/"command":"barge","target":"\d+","mode":"inserting"/);
    expect(run.stdout).toMatch(/"command":"switch","target":"\d+","mode":"whispering"/);
    expect(run.stdout).toMatch(/Now barged in \(agent \d+, in cc-inspector session --serve\)\./);
    // The simulator's first line has exactly the keys the README names.
    const startup = JSON.parse(
      readFileSync(join(work, 'sim.json'), 'utf8').split('\n')[0]!,
    ) as Record<string, unknown>;
    const sentence = /with the keys (.*?); `--admin`/s.exec(README)?.[1] ?? '';
    const words = (text: string) => [...text.matchAll(/`(\w+)`/g)].map((match) => match[1]);
    const groups = [...sentence.matchAll(/`(\w+)` \(([^)]*)\)/g)];
    expect(Object.keys(startup)).toEqual(words(sentence.replace(/\([^)]*\)/g, '')));
    const inside = Object.fromEntries(groups.map((group) => [group[1], words(group[2]!)]));
    expect(Object.keys((startup.inspectors as object[])[0]!)).toEqual(
      expect.arrayContaining(inside.inspectors!),
    );
    expect(Object.keys(startup.agents as object)).toEqual(inside.agents);
  }, 180_000);

  it('names --faults keys the simulator accepts', () => {
    const specs = [...README.matchAll(/--faults ([^`\s]+)`/g)].map((match) => match[1]!);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) expect(() => parseFaultSpec(spec)).not.toThrow();
    const longNames = /or the long\s+names (.*?)\)/s.exec(README)?.[1] ?? '';
    const names = [...longNames.matchAll(/`(\w+)`/g)].map((match) => match[1]!);
    expect(names.length).toBe(6);
    for (const name of names) expect(() => parseFaultSpec(`${name}=0`)).not.toThrow();
  });

  it('lists the commands cc-inspector has', async () => {
    const help = await runCommand(['--help']);
    const reference = /Commands: (.*?)\.\nCommon options/s.exec(README)?.[1] ?? '';
    const words = new Set(
      [...reference.matchAll(/`([a-z][a-z-]*(?:\|[a-z][a-z-]*)*)/g)].flatMap((match) =>
        match[1]!.split('|'),
      ),
    );
    expect(words.size).toBeGreaterThan(15);
    for (const word of words) expect(help.stdout).toMatch(new RegExp(`^  ${word} `, 'm'));
  });

  it('states the Node version honestly: the one tested on, and what electron declares', () => {
    const electron = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as { engines?: { node?: string } };
    const declared = /(\d+\.\d+)/.exec(electron.engines?.node ?? '')?.[1];
    expect(declared).toBeDefined();
    expect(README).toContain(`declares Node ${declared} or later`);
    expect(README).toContain(
      `tested on Node ${process.versions.node.split('.').slice(0, 2).join('.')}`,
    );
  });
});
