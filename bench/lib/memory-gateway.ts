/**
 * An in-memory gateway behind the GatewayFetch shape, for the soak figure: it answers the
 * requests a signed-in core makes with well-formed envelopes and serves an endless stream of
 * QC_AgentState_Notify events with no network and no hold (each answer on the next turn of the
 * event loop, like I/O), so a million events pass through
 * the client's decoding and the core's event handling in seconds. Once `eventLimit` events
 * are served, polls get empty answers after a short hold.
 */
import type { GatewayFetch, GatewayResponseLike } from '../../src/main/gateway';
import {
  EVENT_TYPE,
  QC_NOTIFY_SUBTYPE,
} from '../../src/shared/gateway-protocol/gateway-status-codes';

export interface MemoryGatewayOptions {
  agents: number;
  inspectorId: string;
  /** Events to serve in all. */
  eventLimit: number;
  /** Hold of an empty poll (real time), once the events are used up. */
  emptyHoldMs?: number;
}

export interface MemoryGateway {
  fetch: GatewayFetch;
  readonly eventsServed: number;
  /** Serve `count` more events (the soak feeds in stages). */
  allow(count: number): void;
}

const SUBTYPES = [
  QC_NOTIFY_SUBTYPE.idle,
  QC_NOTIFY_SUBTYPE.busy,
  QC_NOTIFY_SUBTYPE.active,
  QC_NOTIFY_SUBTYPE.work,
  QC_NOTIFY_SUBTYPE.rest,
];
const GUID = 'b3f1c2d4-0000-4000-8000-soak00000001.AgentGateway0';

function reply(body: unknown, headers: Record<string, string> = {}): GatewayResponseLike {
  const text = JSON.stringify(body);
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    status: 200,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null, getSetCookie: () => [] },
    text: () => Promise.resolve(text),
  };
}

/** Stands in for a missing signal (the client passes one to a transport without its own time limit). */
const NEVER_ABORTED = new AbortController().signal;

function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = (): void => {
      clearTimeout(timer);
      const error = new Error('aborted');
      error.name = 'AbortError';
      reject(error);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/** Create the in-memory gateway. */
export function createMemoryGateway(options: MemoryGatewayOptions): MemoryGateway {
  const workNos = Array.from({ length: options.agents }, (_, index) => String(10_000 + index));
  const agents = workNos.map((workNo) => ({
    workno: workNo,
    name: `Agent ${workNo}`,
    status: '4',
    ctiStatus: '1',
    groupName: 'Soak',
  }));
  let limit = options.eventLimit;
  let served = 0;
  let seed = 12345;
  const nextRandom = (): number => {
    // A tiny LCG: deterministic and allocation-free.
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };

  const answer = async (
    url: string,
    method: string,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<GatewayResponseLike> => {
    const path =
      url
        .slice(url.indexOf('/agentgateway/resource/') + '/agentgateway/resource/'.length)
        .split('?')[0] ?? '';
    if (path.startsWith('agentevent/')) {
      if (served >= limit) {
        await waitOrAbort(Math.min(options.emptyHoldMs ?? 200, timeoutMs), signal);
        return reply({ message: '', retcode: '0' });
      }
      served++;
      const workNo = workNos[Math.floor(nextRandom() * workNos.length)] as string;
      const subtype = SUBTYPES[Math.floor(nextRandom() * SUBTYPES.length)] as string;
      return reply({
        message: '',
        retcode: '0',
        event: {
          eventType: EVENT_TYPE.qcAgentStateNotify,
          workNo: options.inspectorId,
          eventGenTime: Date.now(),
          content: { subtype, monitoredagent: workNo, agentname: workNo, mediaserver: 'CtiServer' },
        },
      });
    }
    if (method === 'PUT' && /^onlineagent\/\d+(\/forcelogin)?$/.test(path)) {
      const result = {
        vdnid: 1,
        workno: options.inspectorId,
        loginTime: String(Date.now()),
        isForceChange: 'false',
        serverName: 'Soak',
        timeRemaining: '30',
      };
      return reply({ message: '', retcode: '0', result }, { 'Set-GUID': `JSESSIONID=${GUID}` });
    }
    if (path.endsWith('/agentstatus'))
      return reply({ message: '', retcode: '0', result: { agentState: 4, isWorking: true } });
    if (path.endsWith('/allagentstatus'))
      return reply({ message: '', retcode: '0', result: agents });
    if (path.endsWith('/allagent'))
      return reply({
        message: '',
        retcode: '0',
        result: agents.map(({ workno, name, status }) => ({ workno, name, status })),
      });
    if (path.includes('/agentvdnskill')) return reply({ message: '', retcode: '0', result: [] });
    return reply({ message: '', retcode: '0', result: {} });
  };

  // Answer on a later turn of the event loop, as a socket would: an answer in the same
  // microtask chain would starve the core's timers (delta flush, health tick). Nothing here
  // waits longer than the request's time limit (an empty poll holds for at most `timeoutMs`),
  // so, like the app's undici transport, it enforces the limit itself and the client arms no
  // timer and no abort signal of its own per request.
  const fetch: GatewayFetch = Object.assign(
    (url: string, init: Parameters<GatewayFetch>[1]) =>
      new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        answer(url, init.method, init.signal ?? NEVER_ABORTED, init.timeoutMs ?? 30_000),
      ),
    { enforcesTimeout: true as const },
  );
  return {
    fetch,
    get eventsServed() {
      return served;
    },
    allow(count) {
      limit = served + count;
    },
  };
}
