import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/domain';
import type { EventPollerHandlers } from '../gateway/event-poller';
import { GatewayError } from '../gateway/gateway-error';
import type { AgentDetail, GatewayEvent, OwnStatus, SignInOptions, SignInResult } from '../gateway/gateway-types';
import { SessionController, type LossKind, type SessionGateway, type SessionTarget } from './session-controller';
import { ManualClock, flushPromises } from './testing/manual-clock';

const TARGET: SessionTarget = { gatewayUrl: 'https://gw.test:8043', inspectorId: '900', phoneNumber: '88001', password: 'pa55word', demo: false };
const SIGNED_IN: SignInResult = { workNo: '900', vdnId: 1, loginTime: 111, passwordMustChange: false, serverName: null, passwordDaysRemaining: null };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const retcode = (code: string): GatewayError => new GatewayError({ kind: 'retcode', interfaceName: 'x', retcode: code });
const transport = (): GatewayError => new GatewayError({ kind: 'transport', interfaceName: 'x', message: 'connect ECONNREFUSED' });
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

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
    return (this.probeScript.shift() ?? (() => Promise.resolve({ agentState: 1, isWorking: false })))();
  }
}

interface Harness {
  clock: ManualClock;
  gateway: FakeGateway;
  session: SessionController<FakeGateway>;
  phases: string[];
  states: ConnectionState[];
  losses: LossKind[];
  starts: boolean[];
  resumes: number;
  pollers: { handlers: EventPollerHandlers; starts: number; stops: number; running: boolean }[];
  startedOk: { fail: unknown[] };
}

function setup(): Harness {
  const clock = new ManualClock();
  const gateway = new FakeGateway();
  const harness: Harness = {
    clock,
    gateway,
    phases: [],
    states: [],
    losses: [],
    starts: [],
    resumes: 0,
    pollers: [],
    startedOk: { fail: [] },
    session: undefined as unknown as SessionController<FakeGateway>,
  };
  harness.session = new SessionController<FakeGateway>({
    clock,
    logger: silent,
    pollHoldMs: 10_000,
    stallGraceMs: 5_000,
    random: () => 0.5,
    createClient: () => gateway,
    createPoller: (_client, handlers) => {
      const record = { handlers, starts: 0, stops: 0, running: false };
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
        get running() {
          return record.running;
        },
      };
    },
    hooks: {
      onStarted: async (_client, { first }) => {
        harness.starts.push(first);
        const failure = harness.startedOk.fail.shift();
        if (failure) throw failure;
      },
      onResumed: async () => {
        harness.resumes++;
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

const currentPoller = (h: Harness): Harness['pollers'][number] => h.pollers.at(-1)!;

describe('SessionController: sign-in', () => {
  it('signs in, starts the poll and goes live', async () => {
    const h = setup();
    expect(await h.session.signIn(TARGET, true)).toEqual({ ok: true });
    expect(h.phases).toEqual(['signing-in', 'live']);
    expect(h.gateway.signIns).toEqual([{ password: 'pa55word', phoneNumber: '88001', force: false }]);
    expect(h.starts).toEqual([true]);
    expect(currentPoller(h).starts).toBe(1);
    expect(h.session.connectionState()).toMatchObject({ phase: 'live', inspectorId: '900', demo: false });
  });

  it('a wrong password fails at once, with no retry loop', async () => {
    const h = setup();
    h.gateway.signInScript = [() => Promise.reject(retcode('100-004'))];
    const outcome = await h.session.signIn(TARGET, false);
    expect(outcome.ok).toBe(false);
    expect(h.session.connectionState()).toMatchObject({ phase: 'failed', retcode: '100-004', reason: 'Wrong agent ID or password.' });
    expect(h.clock.pendingDelays()).toEqual([]);
    await h.clock.advance(60_000);
    expect(h.gateway.signIns).toHaveLength(1);
  });

  it('forces the sign-in when the inspector is still signed in elsewhere (100-002)', async () => {
    const h = setup();
    h.gateway.signInScript = [() => Promise.reject(retcode('100-002'))];
    expect(await h.session.signIn(TARGET, true)).toEqual({ ok: true });
    expect(h.gateway.signIns.map((call) => call.force)).toEqual([false, true]);
  });

  it('an interactive sign-in reports an unreachable gateway; a start-up one keeps trying', async () => {
    const interactive = setup();
    interactive.gateway.signInScript = [() => Promise.reject(transport())];
    expect((await interactive.session.signIn(TARGET, true)).ok).toBe(false);
    expect(interactive.session.connectionState().phase).toBe('failed');

    const background = setup();
    background.gateway.signInScript = [() => Promise.reject(transport()), () => Promise.reject(transport())];
    expect((await background.session.signIn(TARGET, false)).ok).toBe(false);
    expect(background.session.connectionState()).toMatchObject({ phase: 'reconnecting', reason: 'Cannot reach the gateway (connection failed).' });
    await background.clock.advance(0);
    expect(background.gateway.signIns.map((call) => call.force)).toEqual([false, true]);
    await background.clock.advance(500);
    expect(background.session.connectionState().phase).toBe('live');
  });
});

describe('SessionController: recovery', () => {
  it('re-signs in with forcelogin right after 100-006 and reconciles', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    currentPoller(h).handlers.onError(retcode('100-006'));
    expect(h.session.connectionState()).toMatchObject({ phase: 'reconnecting', retcode: '100-006', attempt: 0 });
    expect(h.losses).toEqual(['recovering']);
    await h.clock.advance(0);
    expect(h.gateway.signIns.at(-1)?.force).toBe(true);
    expect(h.starts).toEqual([true, false]);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('backs off 0, 0.5, 1, 2, 2 s while the gateway stays down, then recovers', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.gateway.signInScript = Array.from({ length: 5 }, () => () => Promise.reject(transport()));
    currentPoller(h).handlers.onError(retcode('000-003'));
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(h.clock.pendingDelays()[0] ?? -1);
      await h.clock.advance(delays.at(-1)!);
    }
    expect(delays).toEqual([0, 500, 1000, 2000, 2000]);
    expect(h.session.connectionState()).toMatchObject({ phase: 'reconnecting', attempt: 5 });
    await h.clock.advance(2000);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('treats 105-xxx as a lost session', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.reportFailure(retcode('105-004'));
    await h.clock.advance(0);
    expect(h.gateway.signIns.at(-1)?.force).toBe(true);
  });

  it('a wrong password during recovery stops the retries', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.gateway.signInScript = [() => Promise.reject(retcode('100-004'))];
    currentPoller(h).handlers.onError(retcode('100-006'));
    await h.clock.advance(0);
    expect(h.session.connectionState().phase).toBe('failed');
    await h.clock.advance(30_000);
    expect(h.gateway.signIns).toHaveLength(2);
  });

  it('one bad poll is retried by the poller; two in a row start link probes', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const poller = currentPoller(h);
    poller.handlers.onError(transport());
    expect(h.session.connectionState().phase).toBe('live');
    poller.handlers.onIdle?.();
    poller.handlers.onError(transport());
    expect(h.session.connectionState().phase).toBe('live');
    poller.handlers.onError(transport());
    expect(h.session.connectionState().phase).toBe('reconnecting');
    await h.clock.advance(0);
    expect(h.gateway.probes).toEqual(['getOwnStatus']);
    expect(h.resumes).toBe(1);
    expect(h.session.connectionState().phase).toBe('live');
    expect(h.gateway.signIns).toHaveLength(1);
  });

  it('a hung probe does not block the next one', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.gateway.probeScript = [never, never];
    h.session.reportFailure(new GatewayError({ kind: 'timeout', interfaceName: 'x' }));
    await h.clock.advance(0);
    await h.clock.advance(500);
    expect(h.session.connectionState().phase).toBe('reconnecting');
    await h.clock.advance(1000);
    expect(h.gateway.probes).toEqual(['getOwnStatus', 'getAgent', 'refreshGuid']);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('a probe answered 100-006 escalates to a re-sign-in', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.gateway.probeScript = [() => Promise.reject(retcode('100-006'))];
    h.session.reportFailure(transport());
    await h.clock.advance(0);
    await h.clock.advance(0);
    expect(h.gateway.signIns.at(-1)?.force).toBe(true);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('detects a stalled poll and restarts it', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const poller = currentPoller(h);
    h.session.checkHealth(h.clock.now() + 14_000);
    expect(h.session.connectionState().phase).toBe('live');
    h.session.checkHealth(h.clock.now() + 15_001);
    expect(h.session.connectionState()).toMatchObject({ phase: 'reconnecting', reason: 'The gateway stopped answering.' });
    await flushPromises();
    expect(poller.stops).toBe(1);
    expect(poller.starts).toBe(2);
    await h.clock.advance(0);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('after a long silence (sleep), resume restarts the poll and reconciles once it answers', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const poller = currentPoller(h);
    await h.clock.advance(60_000);
    h.session.resume();
    await flushPromises();
    expect(poller.stops).toBe(1);
    expect(poller.starts).toBe(2);
    await h.clock.advance(0);
    expect(h.session.connectionState().phase).toBe('live');
    const reconciled = h.resumes;
    poller.handlers.onIdle?.();
    await flushPromises();
    expect(h.resumes).toBe(reconciled + 1);
    poller.handlers.onIdle?.();
    await flushPromises();
    expect(h.resumes).toBe(reconciled + 1);
  });

  it('re-checks the session after resume without aborting a healthy poll', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.resume();
    expect(currentPoller(h).stops).toBe(0);
    expect(h.session.connectionState()).toMatchObject({ phase: 'reconnecting', reason: expect.stringMatching(/sleep/) as unknown });
    await h.clock.advance(0);
    expect(h.resumes).toBe(1);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('a ShutdownService for our own session fails without fighting back', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const event: GatewayEvent = { eventType: 'AgentOther_ShutdownService', workNo: '900', content: { loginTime: 111 }, generatedAt: null, receivedAt: 0 };
    currentPoller(h).handlers.onEvent(event);
    expect(h.session.connectionState()).toMatchObject({ phase: 'failed', reason: expect.stringMatching(/signed this inspector out/) as unknown });
    await h.clock.advance(10_000);
    expect(h.gateway.signIns).toHaveLength(1);
  });

  it('ignores a ShutdownService about the session we replaced', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const event: GatewayEvent = { eventType: 'AgentOther_ShutdownService', workNo: '900', content: { loginTime: 42 }, generatedAt: null, receivedAt: 0 };
    currentPoller(h).handlers.onEvent(event);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('signs out, stops the poll and the timers', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    await h.session.signOut();
    expect(h.gateway.signOuts).toBe(1);
    expect(currentPoller(h).running).toBe(false);
    expect(h.session.connectionState()).toEqual({ phase: 'signed-out' });
    expect(h.losses).toEqual(['signed-out']);
    expect(h.session.knownSecrets).toEqual([]);
  });

  it('a failing load after sign-in recovers instead of failing the sign-in', async () => {
    const h = setup();
    h.startedOk.fail.push(transport());
    expect(await h.session.signIn(TARGET, true)).toEqual({ ok: true });
    expect(h.session.connectionState().phase).toBe('reconnecting');
    await h.clock.advance(0);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('never puts the password in a connection state', async () => {
    const h = setup();
    h.gateway.signInScript = [() => Promise.reject(transport())];
    await h.session.signIn(TARGET, false);
    await h.clock.advance(3_000);
    expect(JSON.stringify(h.states)).not.toContain('pa55word');
  });
});
