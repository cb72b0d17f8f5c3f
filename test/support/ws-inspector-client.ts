/**
 * Browser side of the test-only WebSocket binding: defines `window.inspector` with the same
 * `InspectorApi` shape the preload exposes, over the contract WebSocket. Injected before the
 * page's scripts (`page.addInitScript`): the harness transpiles this file alone into a classic
 * script, so the function must be self-contained and the file may import types only.
 *
 * It also notes when the screen's answer, the first answer carrying the agents and the last
 * roster reset reached the page (`window.__ccScreenDeliveredAt`, `__ccSnapshotDeliveredAt`,
 * `__ccResetDeliveredAt`, performance.now() times) so a test can measure rendering from data
 * to paint.
 */
import type { InspectorApi } from '../../src/shared/ipc/contract';

// The page's globals, declared here because the Node tsconfig checking this file has no DOM
// library; module-scoped, so nothing leaks into other files, and erased when transpiled.
interface PageSocket {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
declare const window: Record<string, unknown>;
declare const WebSocket: { new (url: string): PageSocket; readonly OPEN: number };
declare const performance: { now(): number; mark(name: string): unknown };

export interface WsInspectorProbe {
  /** performance.now() when the screen's answer (everything but the agents) reached the page. */
  __ccScreenDeliveredAt?: number;
  /** performance.now() when the page first asked for the agents alone (`roster.getSnapshot`). */
  __ccRosterAskedAt?: number;
  /** performance.now() when the first answer carrying the agents reached the page. */
  __ccSnapshotDeliveredAt?: number;
  __ccSnapshotRows?: number;
  /** performance.now() when the last roster reset delta reached the page. */
  __ccResetDeliveredAt?: number;
}

/** Install `window.inspector` talking to `wsUrl`. */
export function installWsInspector(wsUrl: string): void {
  type Listener = (payload: unknown) => void;
  type Answer = { ok: boolean; value?: unknown; error?: unknown };
  const pending = new Map<number, (result: Answer) => void>();
  const listeners = new Map<string, Set<Listener>>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: PageSocket;
  const probe = window as unknown as WsInspectorProbe;

  const transportError = (detail: string): Answer => ({
    ok: false,
    error: {
      code: 'internal',
      message: `The test binding lost its connection (${detail}).`,
      messageZh: '测试连接已断开。',
      retcode: null,
      field: null,
    },
  });

  function connect(): void {
    socket = new WebSocket(wsUrl);
    socket.addEventListener('open', () => {
      for (const message of outbox.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        result?: Answer;
        event?: string;
        payload?: unknown;
      };
      if (typeof message.id === 'number') {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        if (resolve && message.result) resolve(message.result);
        return;
      }
      if (typeof message.event === 'string') {
        if (message.event === 'roster.delta' && (message.payload as { reset?: boolean }).reset)
          probe.__ccResetDeliveredAt = performance.now();
        for (const listener of [...(listeners.get(message.event) ?? [])]) listener(message.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve(transportError('closed'));
      }
      setTimeout(connect, 200);
    });
  }
  connect();

  const api = {
    invoke(name: string, args: unknown): Promise<Answer> {
      const id = nextId++;
      if (name === 'roster.getSnapshot' && probe.__ccRosterAskedAt === undefined)
        probe.__ccRosterAskedAt = performance.now();
      const message = JSON.stringify({ id, name, args });
      return new Promise<Answer>((resolve) => {
        pending.set(id, (result) => {
          if (name === 'app.getScreen' && result.ok && probe.__ccScreenDeliveredAt === undefined)
            probe.__ccScreenDeliveredAt = performance.now();
          // The first answer that brings the agents: the screen's own when they were few,
          // else the start's second half (or, from a page asking for everything, the snapshot).
          const value = result.ok ? (result.value as { roster?: unknown[]; agents?: unknown }) : {};
          const agents =
            name === 'app.getScreen'
              ? (value.agents as { roster: unknown[] } | null | undefined)?.roster
              : name === 'roster.getSnapshot' || name === 'app.getSnapshot'
                ? value.roster
                : undefined;
          if (agents !== undefined && probe.__ccSnapshotDeliveredAt === undefined) {
            probe.__ccSnapshotDeliveredAt = performance.now();
            performance.mark('cc-snapshot-delivered');
            probe.__ccSnapshotRows = agents.length;
          }
          resolve(result);
        });
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else outbox.push(message);
      });
    },
    on(name: string, listener: Listener): () => void {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  // Same shape as the preload's API; the cast only bridges the generic signatures.
  (window as unknown as { inspector: InspectorApi }).inspector = api as unknown as InspectorApi;
}
