import { describe, expect, it } from 'vitest';
import { RequestTurns } from './request-turns';

/** A task whose end the test decides, recording when it started. */
function controlled(log: string[], name: string) {
  let finish!: (ok: boolean) => void;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = (ok) => (ok ? resolve(name) : reject(new Error(name)));
    });
  return { task, finish: (ok: boolean) => finish(ok) };
}

describe('RequestTurns', () => {
  it('starts a task of a key only after the one before it ended, even when that failed', async () => {
    const turns = new RequestTurns();
    const log: string[] = [];
    const first = controlled(log, 'a1');
    const second = controlled(log, 'a2');
    const one = turns.run('a', first.task);
    const two = turns.run('a', second.task);
    await Promise.resolve();
    expect(log).toEqual(['start a1']);
    first.finish(false);
    await expect(one).rejects.toThrow('a1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start a1', 'start a2']);
    second.finish(true);
    await expect(two).resolves.toBe('a2');
  });

  it('runs tasks of different keys side by side', async () => {
    const turns = new RequestTurns();
    const log: string[] = [];
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const done = [turns.run('a', a.task), turns.run('b', b.task)];
    await Promise.resolve();
    expect(log).toEqual(['start a', 'start b']);
    b.finish(true);
    a.finish(true);
    await expect(Promise.all(done)).resolves.toEqual(['a', 'b']);
  });
});
