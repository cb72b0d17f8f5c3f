/**
 * Worker thread standing in for the renderer process: it receives contract events by
 * structured clone (what Electron IPC uses), applies roster deltas with the renderer store's
 * own `applyRosterDelta`, and acknowledges each delta with the moment it was applied.
 */
import { parentPort } from 'node:worker_threads';
import type { AgentRow, RosterDelta } from '../../src/shared/domain';
import { monotonicMs } from './stats';

/** The renderer store's delta functions (src/renderer/store/roster-deltas.ts). */
interface RosterDeltaModule {
  applyRosterDelta(
    rows: Map<string, AgentRow>,
    currentVersion: number,
    delta: RosterDelta,
  ): { kind: 'applied'; version: number } | { kind: 'stale' } | { kind: 'gap' };
  replaceRows(rows: Map<string, AgentRow>, list: readonly AgentRow[]): void;
}

// Renderer code belongs to the web TypeScript project; loading it by a computed path keeps it
// out of the node project's type check while running the very same code here.
const RENDERER_DELTAS: string = '../../src/renderer/store/roster-deltas';
const { applyRosterDelta, replaceRows } = (await import(RENDERER_DELTAS)) as RosterDeltaModule;

export interface DeltaAck {
  kind: 'ack';
  version: number;
  appliedAt: number;
  outcome: 'applied' | 'stale' | 'gap';
}

export type StoreMessage =
  | { kind: 'delta'; delta: RosterDelta }
  | { kind: 'snapshot'; rows: AgentRow[]; version: number }
  | { kind: 'count' };

const port = parentPort;
if (!port) throw new Error('renderer-store-worker must run in a worker thread');
const rows = new Map<string, AgentRow>();
let version = -1;

port.on('message', (message: StoreMessage) => {
  if (message.kind === 'count') {
    port.postMessage({ kind: 'count', rows: rows.size, version });
    return;
  }
  if (message.kind === 'snapshot') {
    // What the real store does first (app.getSnapshot) and again after a version gap.
    replaceRows(rows, message.rows);
    version = message.version;
    return;
  }
  const outcome = applyRosterDelta(rows, version, message.delta);
  const appliedAt = monotonicMs();
  if (outcome.kind === 'applied') version = outcome.version;
  const ack: DeltaAck = {
    kind: 'ack',
    version: message.delta.version,
    appliedAt,
    outcome: outcome.kind,
  };
  port.postMessage(ack);
});
port.postMessage({ kind: 'ready' });
