/**
 * Worker thread running the simulator, so the gateway does not share the core's event loop
 * (a real gateway is another machine). Answers control calls from the main thread and streams
 * agent state changes, each stamped with the monotonic clock the moment it happened.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator, type FaultSettings, type SimulatorOptions } from '../../src/simulator';
import { monotonicMs } from './stats';

export type SimulatorCall =
  | { id: number; kind: 'faults.set'; patch: Partial<FaultSettings> }
  | { id: number; kind: 'faults.clear' }
  | { id: number; kind: 'invalidateGuids' }
  | { id: number; kind: 'restart' }
  | { id: number; kind: 'stats' }
  | { id: number; kind: 'setAgentStatus'; workNo: string; status: string }
  | { id: number; kind: 'watchChanges'; on: boolean }
  | { id: number; kind: 'close' };

/** A batch of changes: [workNo, CC-Gateway status, monotonic ms] triples. */
export interface ChangeBatch {
  kind: 'changes';
  changes: Array<[string, string, number]>;
}

const port = parentPort;
if (!port) throw new Error('simulator-worker must run in a worker thread');
const sim = await startSimulator(workerData as SimulatorOptions);
let watching = false;
let batch: Array<[string, string, number]> = [];
let flushScheduled = false;
sim.center.onStateChange((change) => {
  if (!watching) return;
  batch.push([change.workNo, change.status, monotonicMs()]);
  if (flushScheduled) return;
  flushScheduled = true;
  // One message per turn of the loop: timestamps are taken above, so batching adds no error.
  setImmediate(() => {
    flushScheduled = false;
    const message: ChangeBatch = { kind: 'changes', changes: batch };
    batch = [];
    port.postMessage(message);
  });
});

port.on('message', async (call: SimulatorCall) => {
  let value: unknown = null;
  try {
    switch (call.kind) {
      case 'faults.set':
        sim.faults.set(call.patch);
        break;
      case 'faults.clear':
        sim.faults.clear();
        break;
      case 'invalidateGuids':
        sim.faults.invalidateGuids();
        break;
      case 'restart':
        sim.restart();
        break;
      case 'stats':
        value = sim.center.stats();
        break;
      case 'setAgentStatus':
        sim.center.setAgentStatus(call.workNo, call.status);
        break;
      case 'watchChanges':
        watching = call.on;
        break;
      case 'close':
        await sim.close();
        break;
    }
    port.postMessage({ kind: 'reply', id: call.id, ok: true, value });
  } catch (error) {
    port.postMessage({
      kind: 'reply',
      id: call.id,
      ok: false,
      value: error instanceof Error ? error.message : String(error),
    });
  }
});
port.postMessage({
  kind: 'started',
  baseUrl: sim.baseUrl,
  caPem: sim.caPem,
  inspectors: sim.inspectors,
  agents: sim.agents,
});
