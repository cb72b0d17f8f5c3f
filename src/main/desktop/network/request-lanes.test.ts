/**
 * Platform fact: Chromium (and so Electron's net.fetch) opens at most 6 HTTP/1.1 connections
 * per host (net/socket/client_socket_pool_manager.cc); a 7th request waits for one of them. The
 * Electron stand-in's session keeps the same limit. With the long poll, one warm-up look-up and
 * the queue watcher's four listings all waiting on the gateway, a barge must still go out at
 * once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetElectronFake, session } from '../../../../test/support/fakes/electron';
import { createTestPki, type TestPki } from '../../../../test/support/test-certificates';
import { createNetTransportFactory } from './net-transport';
import { CHROMIUM_CONNECTIONS_PER_HOST, laneOf, RequestLanes } from './request-lanes';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('RequestLanes', () => {
  it('puts writes in the command lane and reads in the background lane', () => {
    for (const method of ['PUT', 'POST', 'DELETE']) expect(laneOf(method)).toBe('command');
    expect(laneOf('GET')).toBe('background');
  });

  it('runs at most the limit of background requests, in order, and commands always at once', async () => {
    const lanes = new RequestLanes(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: string[] = [];
    const background = gates.map((gate, index) =>
      lanes.run('background', undefined, async () => {
        started.push(`read${index}`);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual(['read0', 'read1']);
    expect(lanes.backgroundWaiting).toBe(1);
    await expect(lanes.run('command', undefined, async () => 'barge')).resolves.toBe('barge');
    gates[1]?.resolve();
    await background[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['read0', 'read1', 'read2']);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await expect(Promise.all(background)).resolves.toEqual([0, 1, 2]);
    expect(lanes.backgroundRunning).toBe(0);
  });

  it('gives up a waiting request when its signal aborts (a time limit counts the wait)', async () => {
    const lanes = new RequestLanes(1);
    const gate = deferred();
    const first = lanes.run('background', undefined, () => gate.promise);
    let sent = false;
    const waiting = lanes.run('background', AbortSignal.timeout(30), async () => {
      sent = true;
    });
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sent).toBe(false);
    expect(lanes.backgroundWaiting).toBe(0);
    gate.resolve();
    await first;
    expect(lanes.backgroundRunning).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new RequestLanes(0)).toThrow(RangeError);
  });
});

describe('a barge while background work holds the connections (Electron transport)', () => {
  let pki: TestPki;
  let server: Server;
  let baseUrl: string;
  let held: ServerResponse[];
  let writesSeenAt: number[];
  let readsSeen: number;

  beforeAll(async () => {
    pki = await createTestPki();
    const leaf = await pki.issue();
    server = createServer(
      { cert: leaf.chainPem, key: leaf.keyPem },
      (request: IncomingMessage, response: ServerResponse) => {
        request.resume();
        request.on('end', () => {
          // Reads hang like a long poll or a slow listing; writes are answered at once.
          if (request.method === 'GET') {
            readsSeen += 1;
            held.push(response);
            return;
          }
          writesSeenAt.push(performance.now());
          response.end('{"retcode":"0"}');
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/agentgateway/resource/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    resetElectronFake();
    held = [];
    writesSeenAt = [];
    readsSeen = 0;
  });

  const releaseReads = (): void => {
    for (const response of held.splice(0)) response.end('{"retcode":"0"}');
  };

  /** 6 background reads, then a barge; how long the barge took to reach the gateway. */
  async function bargeUnderLoad(backgroundLimit: number): Promise<{
    bargeMs: number | null;
    readsOutBeforeBarge: number;
    reads: Promise<unknown[]>;
  }> {
    const gatewayFetch = createNetTransportFactory({
      fromPartition: (partition) => session.fromPartition(partition),
      backgroundLimit,
    }).create({ caPem: pki.rootPem, pinSha256: null });
    const get = (path: string) =>
      gatewayFetch(`${baseUrl}${path}`, { method: 'GET', headers: {}, timeoutMs: 20_000 }).then(
        (response) => response.text(),
      );
    const reads = Promise.all([
      get('agentevent/900'), // the long poll
      get('agentgroup/900/agentbyworkno/1001'), // warm-up enrichment
      ...[1, 2, 3, 4].map((skill) => get(`calldata/900/waitcallinfo/${skill}`)), // queue watcher
    ]);
    const expected = Math.min(backgroundLimit, CHROMIUM_CONNECTIONS_PER_HOST);
    for (let attempt = 0; attempt < 500 && readsSeen < expected; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const readsOutBeforeBarge = readsSeen;
    const started = performance.now();
    const barge = gatewayFetch(`${baseUrl}qualitycontrol/900/addinsert/1001`, {
      method: 'PUT',
      headers: {},
      timeoutMs: 10_000,
    });
    const arrived = await Promise.race([
      barge.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000)),
    ]);
    const bargeMs = arrived ? (writesSeenAt[0] as number) - started : null;
    releaseReads();
    await barge;
    return { bargeMs, readsOutBeforeBarge, reads };
  }

  it('sends the barge at once: reads hold at most 4 of the 6 connections', async () => {
    const { bargeMs, readsOutBeforeBarge, reads } = await bargeUnderLoad(4);
    expect(readsOutBeforeBarge).toBe(4);
    expect(bargeMs).not.toBeNull();
    expect(bargeMs as number).toBeLessThan(500);
    // The two reads that waited go out once connections free up.
    const waitForReads = async (): Promise<void> => {
      for (let attempt = 0; attempt < 400 && readsSeen < 6; attempt += 1) {
        releaseReads();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      releaseReads();
    };
    await waitForReads();
    await expect(reads).resolves.toHaveLength(6);
  }, 20_000);

  it('without the lane the same load holds all 6 connections and the barge waits behind it', async () => {
    const { bargeMs, readsOutBeforeBarge, reads } = await bargeUnderLoad(6);
    expect(readsOutBeforeBarge).toBe(6);
    expect(bargeMs).toBeNull();
    await expect(reads).resolves.toHaveLength(6);
  }, 20_000);
});
