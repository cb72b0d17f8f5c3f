/**
 * Main-thread handle of the simulator running in its own worker thread (see
 * simulator-worker.ts): the same control surface the benchmarks need, as async calls.
 */
import type { CenterStats } from '../../src/simulator/simulator-types';
import type { FaultSettings, SimulatorAccount, SimulatorOptions } from '../../src/simulator';
import type { ChangeBatch } from './simulator-worker';
import { nextMessage, startTsWorker } from './ts-worker';

export type ChangeListener = (workNo: string, status: string, at: number) => void;

export interface SimulatorThread {
  baseUrl: string;
  caPem: string | null;
  inspectors: SimulatorAccount[];
  agents: SimulatorAccount[];
  setFaults(patch: Partial<FaultSettings>): Promise<void>;
  clearFaults(): Promise<void>;
  setAgentStatus(workNo: string, status: string): Promise<void>;
  stats(): Promise<CenterStats>;
  /** Hear of every state change (stamped in the worker); returns the unsubscribe function. */
  onStateChange(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

interface Started {
  kind: 'started';
  baseUrl: string;
  caPem: string | null;
  inspectors: SimulatorAccount[];
  agents: SimulatorAccount[];
}

interface Reply {
  kind: 'reply';
  id: number;
  ok: boolean;
  value: unknown;
}

/** Start the simulator in a worker thread with these options. */
export async function startSimulatorThread(options: SimulatorOptions): Promise<SimulatorThread> {
  const worker = startTsWorker(new URL('./simulator-worker.ts', import.meta.url), options);
  const started = await nextMessage(
    worker,
    (message): message is Started => (message as { kind?: unknown }).kind === 'started',
    60_000,
  );
  const listeners = new Set<ChangeListener>();
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  worker.on('message', (message: Reply | ChangeBatch | { kind: string }) => {
    if (message.kind === 'changes') {
      for (const [workNo, status, at] of (message as ChangeBatch).changes)
        for (const listener of listeners) listener(workNo, status, at);
    } else if (message.kind === 'reply') {
      const reply = message as Reply;
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.ok) entry?.resolve(reply.value);
      else entry?.reject(new Error(String(reply.value)));
    }
  });
  const call = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: (value) => resolve(value as T), reject });
      worker.postMessage({ ...message, id });
    });
  return {
    baseUrl: started.baseUrl,
    caPem: started.caPem,
    inspectors: started.inspectors,
    agents: started.agents,
    setFaults: (patch) => call({ kind: 'faults.set', patch }),
    clearFaults: () => call({ kind: 'faults.clear' }),
    setAgentStatus: (workNo, status) => call({ kind: 'setAgentStatus', workNo, status }),
    stats: () => call<CenterStats>({ kind: 'stats' }),
    onStateChange(listener) {
      if (listeners.size === 0) void call({ kind: 'watchChanges', on: true });
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0)
          void call({ kind: 'watchChanges', on: false }).catch(() => undefined);
      };
    },
    async close() {
      await call({ kind: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
