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
const RESOURCE_PATH = '/agentgateway/resource/';
const GUID = 'b3f1c2d4-0000-4000-8000-soak00000001.AgentGateway0';

/** No answer here carries a header but the sign-in's `Set-GUID`. */
const NO_HEADERS: GatewayResponseLike['headers'] = { get: () => null, getSetCookie: () => [] };

/**
 * An answer. A class, not an object literal of closures: a real transport's response is one
 * object too, and closures made per answer (each also named by tsx's `__name` helper) made the
 * stand-in cost more than the client reading it.
 */
class MemoryAnswer implements GatewayResponseLike {
  readonly status = 200;
  constructor(
    private readonly body: string,
    readonly headers: GatewayResponseLike['headers'] = NO_HEADERS,
  ) {}

  text(): Promise<string> {
    return Promise.resolve(this.body);
  }
}

function reply(body: unknown, headers: Record<string, string> = {}): GatewayResponseLike {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return new MemoryAnswer(JSON.stringify(body), {
    get: (name) => lower[name.toLowerCase()] ?? null,
    getSetCookie: () => [],
  });
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

  // An event's answer as the gateway sends it (keys in another order), from parts made once:
  // serialising it is the gateway's work, not the client's.
  const eventHead =
    `{"message":"","retcode":"0","event":{"eventType":${JSON.stringify(EVENT_TYPE.qcAgentStateNotify)},` +
    `"workNo":${JSON.stringify(options.inspectorId)},"content":{"mediaserver":"CtiServer","subtype":`;
  const subtypeParts = SUBTYPES.map((subtype) => JSON.stringify(subtype));
  const agentParts = workNos.map(
    (workNo) => `,"monitoredagent":"${workNo}","agentname":"${workNo}"},"eventGenTime":`,
  );

  const nextEvent = (): GatewayResponseLike => {
    served++;
    const agent = agentParts[Math.floor(nextRandom() * agentParts.length)] as string;
    const subtype = subtypeParts[Math.floor(nextRandom() * subtypeParts.length)] as string;
    return new MemoryAnswer(`${eventHead}${subtype}${agent}${Date.now()}}}`);
  };

  const emptyPoll = async (signal: AbortSignal, timeoutMs: number) => {
    await waitOrAbort(Math.min(options.emptyHoldMs ?? 200, timeoutMs), signal);
    return reply({ message: '', retcode: '0' });
  };

  const answerOther = (path: string, method: string): GatewayResponseLike => {
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

  const answer = (
    url: string,
    init: Parameters<GatewayFetch>[1],
  ): GatewayResponseLike | Promise<GatewayResponseLike> => {
    const at = url.indexOf(RESOURCE_PATH) + RESOURCE_PATH.length;
    const queryAt = url.indexOf('?', at);
    const path = queryAt < 0 ? url.slice(at) : url.slice(at, queryAt);
    if (!path.startsWith('agentevent/')) return answerOther(path, init.method);
    if (served < limit) return nextEvent();
    return emptyPoll(init.signal ?? NEVER_ABORTED, init.timeoutMs ?? 30_000);
  };

  const settle = (
    resolve: (answer: GatewayResponseLike | Promise<GatewayResponseLike>) => void,
    reject: (error: unknown) => void,
    url: string,
    init: Parameters<GatewayFetch>[1],
  ): void => {
    try {
      resolve(answer(url, init));
    } catch (error) {
      reject(error);
    }
  };

  // Answer on a later turn of the event loop, as a socket would: an answer in the same
  // microtask chain would starve the core's timers (delta flush, health tick). Nothing here
  // waits longer than the request's time limit (an empty poll holds for at most `timeoutMs`),
  // so, like the app's undici transport, it enforces the limit itself and the client arms no
  // timer and no abort signal of its own per request.
  const fetch: GatewayFetch = Object.assign(
    (url: string, init: Parameters<GatewayFetch>[1]) =>
      new Promise<GatewayResponseLike>((resolve, reject) =>
        setImmediate(settle, resolve, reject, url, init),
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
