/**
 * The baseline of the live-roster figures: a client that follows the event stream the way
 * Huawei's demo clients do — sign in, load allagentstatus once, beginmonitor every agent (500
 * per call), then one long poll at a time with a fixed 200 ms pause after every answer, one
 * event per poll. No snapshots, no coalescing, no adaptation.
 */
import type { AgentState } from '../../src/shared/domain';
import { EVENT_TYPE } from '../../src/shared/gateway-protocol/gateway-status-codes';
import { GatewayClient, contentObject, createNodeFetch } from '../../src/main/gateway';
import { mapAgentStatus, mapNotifySubtype } from '../../src/main/supervisor';
import { monotonicMs } from './stats';

export interface NaiveClientOptions {
  baseUrl: string;
  caPem: string | null;
  account: { agentId: string; password: string; phoneNumber: string };
  /** Pause after every poll answer (the demos use 200–500 ms). */
  pauseMs?: number;
  /** The client's model now shows `workNo` in `state` (monotonic ms). */
  onShown?(workNo: string, state: AgentState, at: number): void;
}

export interface NaiveClient {
  readonly rows: ReadonlyMap<string, AgentState>;
  /** Events applied so far. */
  readonly eventsApplied: number;
  stop(): Promise<void>;
}

const ERROR_PAUSE_MS = 500;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Sign in, load, subscribe and start the naive poll loop. */
export async function startNaiveClient(options: NaiveClientOptions): Promise<NaiveClient> {
  const transport = createNodeFetch({ caPem: options.caPem });
  const client = new GatewayClient({
    baseUrl: options.baseUrl,
    agentId: options.account.agentId,
    fetch: transport,
  });
  await client.signIn({
    password: options.account.password,
    phoneNumber: options.account.phoneNumber,
  });
  const rows = new Map<string, AgentState>();
  for (const entry of await client.listAgentStatuses())
    rows.set(entry.workNo, mapAgentStatus(entry.status, entry.ctiStatus));
  await client.beginMonitor([...rows.keys()]);
  const controller = new AbortController();
  const pauseMs = options.pauseMs ?? 200;
  let eventsApplied = 0;
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        const event = await client.pollEvent(controller.signal);
        const content = event ? contentObject(event.content) : null;
        if (event?.eventType === EVENT_TYPE.qcAgentStateNotify && content !== null) {
          const workNo = String(content.monitoredagent ?? '');
          const state = mapNotifySubtype(String(content.subtype ?? '')).state;
          if (state !== undefined && rows.has(workNo)) {
            rows.set(workNo, state);
            eventsApplied++;
            options.onShown?.(workNo, state, monotonicMs());
          }
        }
        await sleep(pauseMs, controller.signal);
      } catch {
        await sleep(ERROR_PAUSE_MS, controller.signal);
      }
    }
  })();
  return {
    rows,
    get eventsApplied() {
      return eventsApplied;
    },
    async stop() {
      controller.abort();
      await loop;
      await client.signOut().catch(() => undefined);
      await transport.close();
    },
  };
}
