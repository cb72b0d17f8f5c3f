import { describe, expect, it } from 'vitest';
import { SessionGate } from './session-gate';

function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SessionGate', () => {
  it('runs a sign-out only after the pending sign-in settled', async () => {
    const gate = new SessionGate();
    const signIn = deferred<string>();
    const order: string[] = [];
    const first = gate.run('signIn', async () => {
      order.push('sign-in started');
      const value = await signIn.promise;
      order.push('sign-in done');
      return value;
    });
    const second = gate.run('signOut', async () => {
      order.push('sign-out started');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['sign-in started']);
    signIn.resolve('ok');
    await Promise.all([first, second]);
    expect(order).toEqual(['sign-in started', 'sign-in done', 'sign-out started']);
  });

  it('runs the next operation even when the previous one failed', async () => {
    const gate = new SessionGate();
    const failing = gate.run('signIn', () => Promise.reject(new Error('100-004')));
    const next = gate.run('signOut', () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('100-004');
    await expect(next).resolves.toBe('ran');
  });

  it('joins an identical operation that is still pending and forgets it afterwards', async () => {
    const gate = new SessionGate();
    let runs = 0;
    const release = deferred<void>();
    const operation = async (): Promise<number> => {
      runs++;
      await release.promise;
      return runs;
    };
    const a = gate.run('signIn', operation);
    const b = gate.run('signIn', operation);
    expect(b).toBe(a);
    release.resolve();
    await expect(Promise.all([a, b])).resolves.toEqual([1, 1]);
    await expect(gate.run('signIn', operation)).resolves.toBe(2);
  });
});
