/**
 * A SessionController over a scripted fake gateway and recorded pollers, on a manual clock, for
 * the session controller's unit tests.
 */
import type { ConnectionState } from '../../../src/shared/domain';
import type { EventPollerHandlers } from '../../../src/main/gateway/event-poller';
import { GatewayError } from '../../../src/main/gateway/gateway-error';
import type {
  AgentDetail,
  GatewayEvent,
  OwnStatus,
  SignInOptions,
  SignInResult,
} from '../../../src/main/gateway/gateway-types';
import {
  SessionController,
  type LossKind,
  type SessionGateway,
  type SessionTarget,
} from '../../../src/main/supervisor/session/session-controller';
import { ManualClock } from './manual-clock';

export const TARGET: SessionTarget = {
  gatewayUrl: 'https://gw.test:8043',
  inspectorId: '900',
  phoneNumber: '88001',
  password: 'pa55word',
  demo: false,
};
const SIGNED_IN: SignInResult = {
  workNo: '900',
  vdnId: 1,
  loginTime: 111,
  passwordMustChange: false,
  serverName: null,
  passwordDaysRemaining: null,
};
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export const retcode = (code: string): GatewayError =>
  new GatewayError({ kind: 'retcode', interfaceName: 'x', retcode: code });
export const transport = (): GatewayError =>
  new GatewayError({ kind: 'transport', interfaceName: 'x', message: 'connect ECONNREFUSED' });
export const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

type Script<T> = Array<() => Promise<T>>;

class FakeGateway implements SessionGateway {
  hasSession = false;
  signIns: SignInOptions[] = [];
  signOuts = 0;
  probes: string[] = [];
  signInScript: Script<SignInResult> = [];
  probeScript: Script<unknown> = [];

  signIn(options: SignInOptions): Promise<SignInResult> {
    this.signIns.push(options);
    const next = this.signInScript.shift() ?? (() => Promise.resolve(SIGNED_IN));
    return next().then((result) => {
      this.hasSession = true;
      return result;
    });
  }
  signOut(): Promise<void> {
    this.signOuts++;
    this.hasSession = false;
    return Promise.resolve();
  }
  getOwnStatus(): Promise<OwnStatus> {
    return this.probe('getOwnStatus') as Promise<OwnStatus>;
  }
  getAgent(): Promise<AgentDetail> {
    return this.probe('getAgent') as Promise<AgentDetail>;
  }
  refreshGuid(): Promise<void> {
    return this.probe('refreshGuid') as Promise<void>;
  }
  pollEvent(): Promise<GatewayEvent | null> {
    return never();
  }
  clearSession(): void {
    this.hasSession = false;
  }
  private probe(name: string): Promise<unknown> {
    this.probes.push(name);
    return (
      this.probeScript.shift() ?? (() => Promise.resolve({ agentState: 1, isWorking: false }))
    )();
  }
}

export interface SessionHarness {
  clock: ManualClock;
  gateway: FakeGateway;
  session: SessionController<FakeGateway>;
  phases: string[];
  states: ConnectionState[];
  losses: LossKind[];
  starts: boolean[];
  resumes: number;
  pollers: {
    handlers: EventPollerHandlers;
    starts: number;
    stops: number;
    wakes: number;
    running: boolean;
  }[];
  startedOk: { fail: unknown[] };
  /** Run inside the next onStarted / onResumed hooks, in order (e.g. report a subscription loss). */
  duringStart: Array<() => void>;
  duringResume: Array<() => void>;
  /** Every target a client was built for. */
  targets: SessionTarget[];
}

/** A session controller over a scripted gateway and recorded pollers, on a manual clock. */
export function setupSession(): SessionHarness {
  const clock = new ManualClock();
  const gateway = new FakeGateway();
  const harness: SessionHarness = {
    clock,
    gateway,
    phases: [],
    states: [],
    losses: [],
    starts: [],
    resumes: 0,
    pollers: [],
    startedOk: { fail: [] },
    duringStart: [],
    duringResume: [],
    targets: [],
    session: undefined as unknown as SessionController<FakeGateway>,
  };
  harness.session = new SessionController<FakeGateway>({
    clock,
    logger: silent,
    pollHoldMs: 10_000,
    stallGraceMs: 5_000,
    random: () => 0.5,
    createClient: (target) => {
      harness.targets.push(target);
      return gateway;
    },
    createPoller: (_client, handlers) => {
      const record = { handlers, starts: 0, stops: 0, wakes: 0, running: false };
      harness.pollers.push(record);
      return {
        start: () => {
          record.starts++;
          record.running = true;
        },
        stop: () => {
          record.stops++;
          record.running = false;
          return Promise.resolve();
        },
        // As if always waiting out an error backoff.
        wake: () => {
          record.wakes++;
          return true;
        },
        get running() {
          return record.running;
        },
      };
    },
    hooks: {
      onStarted: async (_client, { first }) => {
        harness.starts.push(first);
        harness.duringStart.shift()?.();
        const failure = harness.startedOk.fail.shift();
        if (failure) throw failure;
      },
      onResumed: async () => {
        harness.resumes++;
        harness.duringResume.shift()?.();
      },
      onLost: (kind) => harness.losses.push(kind),
      onEvent: () => undefined,
      onConnection: (state) => {
        harness.states.push(state);
        if (harness.phases.at(-1) !== state.phase) harness.phases.push(state.phase);
      },
    },
  });
  return harness;
}

export const currentPoller = (h: SessionHarness): SessionHarness['pollers'][number] =>
  h.pollers.at(-1)!;
