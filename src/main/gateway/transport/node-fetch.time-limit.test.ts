/**
 * The Node transport enforces each request's `timeoutMs` itself (one timer per exchange that
 * aborts it through undici's dispatch controller), so the client passes it no abort signal on
 * the hot path. Real HTTP against the stub gateway: a silent gateway and a stalled body time
 * out on time, limits are per request, the caller's signal still aborts, and the client uses
 * this path end to end.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GatewayClient } from '../gateway-client';
import type { GatewayRequestInit } from '../gateway-types';
import { createNodeFetch, type NodeGatewayFetch } from './node-fetch';
import {
  okReply,
  startStubGateway,
  type StubGateway,
  type StubReply,
} from '../../../../test/support/gateway/stub-gateway-server';
import { routeSignIn } from '../../../../test/support/gateway/client-fixtures';
import { classifyTransportFailure } from './transport-errors';
import { wrapGatewayFetch } from './transport-wrapping';

const transport: NodeGatewayFetch = createNodeFetch();
let stub: StubGateway | null = null;

afterEach(async () => {
  await stub?.close();
  stub = null;
});
afterAll(() => transport.close());

/** A stub answering by the last path segment (`hang`, `stall`, `slow`, else success). */
async function startGateway(): Promise<StubGateway> {
  stub = await startStubGateway({
    handler: routeSignIn((request): StubReply => {
      if (request.path.endsWith('/hang')) return 'hang';
      if (request.path.endsWith('/stall')) return 'stall-body';
      if (request.path.endsWith('/slow')) return { ...okReply(), delayMs: 400 };
      return okReply();
    }),
  });
  return stub;
}

const get = (gateway: StubGateway, path: string, init: Partial<GatewayRequestInit> = {}) =>
  transport(`${gateway.baseUrl}${path}`, { method: 'GET', headers: {}, ...init });

const classify = (error: unknown, timeoutMs: number, callerAborted = false) =>
  classifyTransportFailure(error, {
    interfaceName: 'x',
    timedOut: false,
    callerAborted,
    timeoutMs,
    limitEnforcedByTransport: true,
  });

describe('Node transport time limits', () => {
  it('declares that it enforces timeoutMs', () => {
    expect(transport.enforcesTimeout).toBe(true);
  });

  it('a gateway that never answers → TimeoutError after timeoutMs (not later), classified as timeout', async () => {
    const gateway = await startGateway();
    const started = performance.now();
    const failure = await get(gateway, 'x/hang', { timeoutMs: 200 }).catch(
      (error: unknown) => error,
    );
    const elapsed = performance.now() - started;
    expect(failure).toMatchObject({ name: 'TimeoutError' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    // One exact timer, not undici's coarse 0.5 s ticks.
    expect(elapsed).toBeLessThan(450);
    expect(classify(failure, 200)).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('within 200 ms') as unknown,
    });
  });

  it('a body that stalls → TimeoutError while reading it; the limit covers head and body together', async () => {
    const gateway = await startGateway();
    const started = performance.now();
    const response = await get(gateway, 'x/stall', { timeoutMs: 200 });
    expect(response.status).toBe(200);
    const failure = await response.text().catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(450);
    expect(classify(failure, 200).kind).toBe('timeout');
  });

  it('the limit also covers a connection that cannot be set up (a TLS handshake that never ends)', async () => {
    // A TCP server that accepts and then says nothing: the request never leaves the connect phase.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const fresh = createNodeFetch();
    try {
      const started = performance.now();
      const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/agentgateway/resource/x`;
      const failure = await fresh(url, { method: 'GET', headers: {}, timeoutMs: 100 }).catch(
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ name: 'TimeoutError' });
      expect(performance.now() - started).toBeLessThan(400);
    } finally {
      for (const socket of sockets) socket.destroy();
      await fresh.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('an answer and its body read within the limit leave no timer behind', async () => {
    const gateway = await startGateway();
    const response = await get(gateway, 'x/ok', { timeoutMs: 100 });
    expect(JSON.parse(await response.text())).toMatchObject({ retcode: '0' });
    // Long after the limit the body is still readable (the timer was cleared, nothing aborted).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(JSON.parse(await response.text())).toMatchObject({ retcode: '0' });
  });

  it('limits are per request on one connection pool: a long limit outlasts a slow answer', async () => {
    const gateway = await startGateway();
    const [short, long] = await Promise.allSettled([
      get(gateway, 'a/hang', { timeoutMs: 150 }),
      get(gateway, 'b/slow', { timeoutMs: 2_000 }),
    ]);
    expect(short.status).toBe('rejected');
    expect(long.status).toBe('fulfilled');
    if (long.status === 'fulfilled')
      expect(JSON.parse(await long.value.text())).toMatchObject({ retcode: '0' });
  });

  it("the caller's signal still aborts a request that has a time limit", async () => {
    const gateway = await startGateway();
    const controller = new AbortController();
    const pending = get(gateway, 'x/hang', { timeoutMs: 5_000, signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    setTimeout(() => controller.abort(), 20);
    expect(classify(await pending, 5_000, true).kind).toBe('aborted');
  });
});

describe('the client on a transport that enforces the limit', () => {
  it('sends no signal of its own, only the caller’s, and hands each call its limit', async () => {
    const gateway = await startGateway();
    const seen: Array<{ signal: AbortSignal | undefined; timeoutMs: number | undefined }> = [];
    const recording = wrapGatewayFetch(transport, (url, init) => {
      seen.push({ signal: init.signal, timeoutMs: init.timeoutMs });
      return transport(url, init);
    });
    const client = new GatewayClient({
      baseUrl: gateway.origin,
      agentId: '291',
      fetch: recording,
      requestTimeoutMs: 700,
      pollTimeoutMs: 1_900,
    });
    await client.signIn({ password: 'x', phoneNumber: '1' });
    await client.listAgentStatuses().catch(() => undefined);
    const stop = new AbortController();
    await client.pollEvent(stop.signal);
    expect(seen.map((entry) => entry.timeoutMs)).toEqual([700, 700, 1_900]);
    expect(seen[0]?.signal).toBeUndefined();
    expect(seen[1]?.signal).toBeUndefined();
    expect(seen[2]?.signal).toBe(stop.signal);
  });

  it('a gateway that never answers → timeout error naming the limit, and the next call works', async () => {
    const gateway = await startGateway();
    const client = new GatewayClient({
      baseUrl: gateway.origin,
      agentId: '291',
      fetch: transport,
      requestTimeoutMs: 250,
    });
    await client.signIn({ password: 'x', phoneNumber: '1' });
    gateway.setHandler(routeSignIn(() => 'hang'));
    await expect(client.listen('101')).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('250 ms') as unknown,
    });
    gateway.setHandler(routeSignIn(() => okReply()));
    await expect(client.listen('101')).resolves.toBeUndefined();
  });
});
