import { describe, expect, it } from 'vitest';
import { GatewaySession } from '../session-identity';
import type { GatewayFetch, GatewayRequestInit, GatewayResponseLike } from '../gateway-types';
import { RequestRunner, type RequestPlan } from './request-runner';

const OK = '{"message":"","retcode":"0","result":{}}';

function okResponse(body = OK): GatewayResponseLike {
  return {
    status: 200,
    headers: { get: () => null, getSetCookie: () => [] },
    text: () => Promise.resolve(body),
  };
}

function plan(overrides: Partial<RequestPlan> = {}): RequestPlan {
  return {
    interfaceName: 'addSupervise',
    method: 'PUT',
    url: 'https://gw/agentgateway/resource/x',
    timeoutMs: 1_000,
    ...overrides,
  };
}

/** The signal a transport without its own time limit always gets. */
function signalOf(init: GatewayRequestInit): AbortSignal {
  if (init.signal === undefined) throw new Error('the client passed no abort signal');
  return init.signal;
}

function runnerWith(fetch: GatewayFetch): RequestRunner {
  const session = new GatewaySession();
  session.begin('guid');
  return new RequestRunner({ fetch, session, logger: undefined, now: Date.now });
}

describe('RequestRunner', () => {
  it('joins identical requests and sends different ones separately', async () => {
    const seen: string[] = [];
    const runner = runnerWith(async (url, init) => {
      seen.push(`${init.method} ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return okResponse();
    });
    const a = runner.run(plan());
    const b = runner.run(plan());
    const c = runner.run(plan({ url: 'https://gw/agentgateway/resource/y' }));
    const d = runner.run(plan({ method: 'POST' }));
    expect(b).toBe(a);
    expect(runner.pendingCount).toBe(3);
    await Promise.all([a, b, c, d]);
    expect(seen).toHaveLength(3);
    expect(runner.pendingCount).toBe(0);
  });

  it('leaves no stale entry when the transport throws synchronously', async () => {
    let calls = 0;
    const runner = runnerWith(((_url: string, _init: GatewayRequestInit) => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('sync'), { code: 'ECONNRESET' });
      return Promise.resolve(okResponse());
    }) as GatewayFetch);
    await expect(runner.run(plan())).rejects.toMatchObject({ kind: 'transport' });
    expect(runner.pendingCount).toBe(0);
    await expect(runner.run(plan())).resolves.toBeDefined();
    expect(calls).toBe(2);
  });

  it('refuses at once when the caller signal is already aborted', async () => {
    let calls = 0;
    const runner = runnerWith(async () => {
      calls++;
      return okResponse();
    });
    const controller = new AbortController();
    controller.abort();
    await expect(runner.run(plan({ signal: controller.signal }))).rejects.toMatchObject({
      kind: 'aborted',
    });
    expect(calls).toBe(0);
    expect(runner.pendingCount).toBe(0);
  });

  it('reuses an abort signal only when the transport removed its listeners and it never fired', async () => {
    const signals: AbortSignal[] = [];
    let leaveListener = false;
    const runner = runnerWith(async (_url, init) => {
      const signal = signalOf(init);
      signals.push(signal);
      const listener = (): void => {};
      signal.addEventListener('abort', listener);
      if (!leaveListener) signal.removeEventListener('abort', listener);
      return okResponse();
    });
    await runner.run(plan());
    await runner.run(plan());
    expect(signals[1]).toBe(signals[0]);
    leaveListener = true;
    await runner.run(plan());
    await runner.run(plan());
    expect(signals[3]).not.toBe(signals[2]);
    for (const signal of signals) expect(signal.aborted).toBe(false);
  });

  it('never reuses a signal that fired for a time limit', async () => {
    const signals: AbortSignal[] = [];
    let hang = true;
    const runner = runnerWith((_url, init) => {
      const signal = signalOf(init);
      signals.push(signal);
      if (!hang) return Promise.resolve(okResponse());
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
      );
    });
    await expect(runner.run(plan({ timeoutMs: 20 }))).rejects.toMatchObject({ kind: 'timeout' });
    hang = false;
    await runner.run(plan());
    expect(signals[1]).not.toBe(signals[0]);
    expect(signals[1]?.aborted).toBe(false);
  });
});
