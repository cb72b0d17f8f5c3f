/**
 * The test-only WebSocket binding itself: same validation as the IPC binding, unknown commands
 * refused, events forwarded, pages of other origins turned away, files outside the root not
 * served. Runs in Node; the other browser suites rely on it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Result } from '../../src/shared/ipc/contract';
import type { EventListener } from '../../src/main/supervisor/supervisor-api';
import {
  startWsContractServer,
  type ContractCore,
  type WsContractServer,
} from '../support/ws-contract-server';

let root: string;
let server: WsContractServer;
const executed: Array<{ name: string; args: unknown }> = [];
const listeners = new Set<EventListener>();
const core: ContractCore = {
  async execute(name, args) {
    executed.push({ name, args });
    return { ok: true, value: null } as Result<never>;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function connect(origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.wsUrl, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function ask(
  socket: WebSocket,
  id: number,
  name: string,
  args: unknown,
): Promise<{ id: number; result: Result<unknown> }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as { id?: number; result: Result<unknown> };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      resolve({ id, result: message.result });
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, name, args }));
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cc-ws-binding-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  server = await startWsContractServer({ core, rootDir: root });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('WebSocket contract binding', () => {
  it('validates arguments like the IPC binding and passes valid ones to the core', async () => {
    const socket = await connect(server.url.replace(/\/$/, ''));
    const bad = await ask(socket, 1, 'inspection.listen', { workNo: '12' });
    expect(bad.result).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', field: 'workNo' },
    });
    const good = await ask(socket, 2, 'inspection.listen', { workNo: '1001' });
    expect(good.result).toEqual({ ok: true, value: null });
    expect(executed.at(-1)).toEqual({
      name: 'inspection.listen',
      args: { workNo: '1001', source: 'window' },
    });
    const unknown = await ask(socket, 3, 'app.format', {});
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    socket.close();
  });

  it('forwards core events to the page', async () => {
    const socket = await connect(server.url.replace(/\/$/, ''));
    const received = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    for (const listener of listeners) listener('selection.changed', { workNo: '1002' });
    expect(await received).toEqual({ event: 'selection.changed', payload: { workNo: '1002' } });
    socket.close();
  });

  it('turns away pages of another origin', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/401/);
  });

  it('serves the renderer and nothing outside it', async () => {
    expect((await fetch(server.url)).status).toBe(200);
    // A file next to the served folder must stay out of reach, however the path is spelt.
    const outside = `${root}-secret.txt`;
    writeFileSync(outside, 'secret');
    const name = outside.split('/').pop() as string;
    for (const path of [`..%2F${name}`, `%2E%2E/${name}`, `a/..%2F..%2F${name}`]) {
      const response = await fetch(`${server.url}${path}`);
      expect({ path, status: response.status }).not.toEqual({ path, status: 200 });
    }
    rmSync(outside);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });
});
