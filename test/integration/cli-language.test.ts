/**
 * Issue 15, item 4: with --lang zh-CN (or a Chinese locale) every line the command line writes
 * is Chinese — help, usage errors, results, tables, failures, fixes and notes — not only the
 * gateway's message. A line counts as English when, outside code (`…`), flags, URLs, ids and
 * the gateway's own interface names, it still holds three English words in a row (table rows
 * are the gateway's data, agent names and groups, and are not judged).
 */
import { ensureCliBuilt, runCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;
beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(2), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());

/** The lines of `text` that are still English sentences. */
function englishLines(text: string): string[] {
  return (
    text
      .split('\n')
      // Table rows are the gateway's data (names, groups): columns apart by two spaces or more.
      .filter((line) => (line.match(/\S {2,}(?=\S)/g) ?? []).length < 2)
      .filter((line) => {
        const prose = line
          .replace(/`[^`]*`/g, ' ')
          .replace(/'[^']*'/g, ' ')
          .replace(/"[^"]*"/g, ' ')
          .replace(/https?:\/\/\S+/g, ' ')
          .replace(/--?[\w-]+(?: <[^>]+>)?/g, ' ')
          .replace(/\b[A-Z][A-Za-z]*_[A-Za-z_]+\b/g, ' ')
          .replace(/\[[^\]]*\]/g, ' ')
          // Command words (request-call) and placeholders (CALLID, ID) are syntax, not prose.
          .replace(/\b[a-z]+(?:-[a-z]+)+\b/g, ' ')
          .replace(/\b[A-Z]{2,}\b/g, ' ');
        return /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(prose);
      })
  );
}

describe('--lang zh-CN', () => {
  it('help, a command help and a usage error are Chinese', async () => {
    for (const args of [['--help'], ['switch', '--help'], ['session', '--help'], ['lisen']]) {
      const run = await runCommand([...args, '--lang', 'zh-CN']);
      expect({ args, english: englishLines(run.stdout + run.stderr) }).toEqual({
        args,
        english: [],
      });
    }
  });

  it('results, tables, failures, fixes and notes are Chinese (LANG=zh_CN.UTF-8)', async () => {
    const { args, password } = fixture.inspector(0);
    const env = { CC_INSPECTOR_PASSWORD: password, LANG: 'zh_CN.UTF-8' };
    const target = fixture.talkingAgent(0);
    const runs = [
      await runCommand(['agents', ...args], { env }),
      await runCommand(['queue', ...args], { env }),
      await runCommand(['stats', ...args], { env }),
      await runCommand(['listen', target, ...args], { env }),
      await runCommand(['listen', fixture.signedOutAgent(), ...args], { env }),
      await runCommand(['switch', target, ...args], { env }),
      await runCommand(['doctor', ...args], { env }),
      await runCommand(['session', ...args], {
        env,
        input: `listen ${target}\nbarge\nstatus\nlisen\nhelp\ncancel\n`,
      }),
      await runCommand(['agents', '--gateway', 'http://x', '--agent', '9001'], { env }),
      await runCommand(['agents', ...args], { env: { LANG: 'zh_CN.UTF-8' } }),
    ];
    for (const run of runs) {
      expect(run.stdout + run.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLines(run.stdout + run.stderr)).toEqual([]);
    }
  });
});
