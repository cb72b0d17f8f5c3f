/**
 * Main-thread side of the stand-in renderer: forwards every `roster.delta` the core emits to
 * the worker (structured clone, as over Electron IPC) and reports, per delta, when the
 * renderer-side store had applied it.
 */
import type { Worker } from 'node:worker_threads';
import type { AgentRow, RosterDelta } from '../../src/shared/domain';
import type { DeltaAck } from './renderer-store-worker';
import { monotonicMs } from './stats';
import { nextMessage, startTsWorker } from './ts-worker';

export interface AppliedDelta {
  rows: readonly Pick<AgentRow, 'workNo' | 'state'>[];
  emittedAt: number;
  appliedAt: number;
}

export interface RendererStoreThread {
  /** Send a delta (call from the core's event listener). */
  send(delta: RosterDelta): void;
  /** Replace the store's rows (the app.getSnapshot the real store starts from). */
  load(rows: AgentRow[], version: number): void;
  /** Deltas that arrived out of order (the store would have to reload). */
  readonly gaps: number;
  stop(): Promise<void>;
}

function isAck(message: unknown): message is DeltaAck {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { kind?: unknown }).kind === 'ack'
  );
}

/** Start the worker; `onApplied` hears of every delta the store applied. */
export async function startRendererStoreThread(
  onApplied: (applied: AppliedDelta) => void,
): Promise<RendererStoreThread> {
  const worker: Worker = startTsWorker(new URL('./renderer-store-worker.ts', import.meta.url));
  await nextMessage(
    worker,
    (message): message is { kind: 'ready' } => (message as { kind?: unknown }).kind === 'ready',
  );
  const sent = new Map<number, { rows: Pick<AgentRow, 'workNo' | 'state'>[]; emittedAt: number }>();
  let gaps = 0;
  worker.on('message', (message: unknown) => {
    if (!isAck(message)) return;
    const entry = sent.get(message.version);
    sent.delete(message.version);
    if (message.outcome === 'gap') gaps++;
    if (entry && message.outcome === 'applied')
      onApplied({ rows: entry.rows, emittedAt: entry.emittedAt, appliedAt: message.appliedAt });
  });
  return {
    send(delta) {
      sent.set(delta.version, {
        rows: delta.upserts.map((row) => ({ workNo: row.workNo, state: row.state })),
        emittedAt: monotonicMs(),
      });
      worker.postMessage({ kind: 'delta', delta });
    },
    load(rows, version) {
      worker.postMessage({ kind: 'snapshot', rows, version });
    },
    get gaps() {
      return gaps;
    },
    async stop() {
      await worker.terminate();
    },
  };
}
