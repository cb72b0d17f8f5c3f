import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventPoller } from './event-poller';
import { GatewayError } from './gateway-error';
import type { GatewayEvent } from './gateway-types';

type Step = GatewayEvent | null | GatewayError | 'hang';

function event(eventType: string): GatewayEvent {
  return {
    eventType,
    rawType: null,
    known: true,
    workNo: '291',
    content: null,
    generatedAt: null,
    receivedAt: 0,
  };
}

/** A client whose polls answer from a script; records timing and concurrency. */
function scriptedClient(steps: Step[]) {
  const record = {
    calls: [] as number[],
    inFlight: 0,
    peakInFlight: 0,
    signals: [] as AbortSignal[],
  };
  const client = {
    pollEvent(signal?: AbortSignal): Promise<GatewayEvent | null> {
      record.calls.push(Date.now());
      record.inFlight++;
      record.peakInFlight = Math.max(record.peakInFlight, record.inFlight);
      if (signal) record.signals.push(signal);
      const step = steps.length > 0 ? steps.shift() : 'hang';
      const settle = <T>(promise: Promise<T>): Promise<T> =>
        promise.finally(() => record.inFlight--);
      if (step === 'hang' || step === undefined) {
        return settle(
          new Promise((_, reject) => {
            signal?.addEventListener(
              'abort',
              () => reject(new GatewayError({ kind: 'aborted', interfaceName: 'getAgentEvent' })),
              { once: true },
            );
          }),
        );
      }
      if (step instanceof GatewayError) return settle(Promise.reject(step));
      return settle(Promise.resolve(step));
    },
  };
  return { client, record };
}

const transportError = (): GatewayError =>
  new GatewayError({ kind: 'transport', interfaceName: 'getAgentEvent' });

describe('EventPoller', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-polls at once after an event and after emptyPauseMs after an empty answer', async () => {
    const { client, record } = scriptedClient([event('A'), event('B'), null, event('C'), 'hang']);
    const seen: string[] = [];
    let idle = 0;
    const poller = new EventPoller(
      client,
      { onEvent: (e) => seen.push(e.eventType), onError: () => {}, onIdle: () => idle++ },
      { emptyPauseMs: 200 },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['A', 'B']);
    expect(record.calls).toHaveLength(3);
    expect(idle).toBe(1);
    await vi.advanceTimersByTimeAsync(199);
    expect(record.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(record.calls).toHaveLength(5);
    expect(seen).toEqual(['A', 'B', 'C']);
    expect(poller.lastAnswerTime).toBe(1_000_200);
    await poller.stop();
    expect(poller.running).toBe(false);
  });

  it('never has two polls in flight, even when started twice or restarted', async () => {
    const { client, record } = scriptedClient(['hang', 'hang', 'hang']);
    const poller = new EventPoller(client, { onEvent: () => {}, onError: () => {} });
    poller.start();
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(record.calls).toHaveLength(1);
    const stopping = poller.stop();
    poller.start();
    await stopping;
    await vi.advanceTimersByTimeAsync(0);
    expect(record.calls).toHaveLength(2);
    expect(record.peakInFlight).toBe(1);
    expect(poller.running).toBe(true);
    await poller.stop();
  });

  it('stop() aborts the poll in flight and resolves when the loop ended', async () => {
    const { client, record } = scriptedClient(['hang']);
    const errors: GatewayError[] = [];
    const poller = new EventPoller(client, {
      onEvent: () => {},
      onError: (error) => errors.push(error),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await poller.stop();
    expect(record.signals[0]?.aborted).toBe(true);
    expect(record.inFlight).toBe(0);
    expect(errors).toEqual([]);
    expect(poller.running).toBe(false);
  });

  it('backs off 500, 1000, 2000, 4000, 4000 ms after consecutive errors, and resets after success', async () => {
    const steps: Step[] = [
      transportError(),
      transportError(),
      transportError(),
      transportError(),
      transportError(),
      transportError(),
      null,
      transportError(),
      'hang',
    ];
    const { client, record } = scriptedClient(steps);
    const errors: GatewayError[] = [];
    const poller = new EventPoller(
      client,
      { onEvent: () => {}, onError: (error) => errors.push(error) },
      { emptyPauseMs: 200 },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 + 4000 + 4000 + 4000 + 200 + 500);
    const gaps = record.calls.slice(1).map((time, index) => time - (record.calls[index] ?? 0));
    expect(gaps).toEqual([500, 1000, 2000, 4000, 4000, 4000, 200, 500]);
    expect(errors).toHaveLength(7);
    expect(poller.running).toBe(true);
    await poller.stop();
  });

  it('uses a custom backoff list and repeats its last entry', async () => {
    const { client, record } = scriptedClient([
      transportError(),
      transportError(),
      transportError(),
      'hang',
    ]);
    const poller = new EventPoller(
      client,
      { onEvent: () => {}, onError: () => {} },
      { errorBackoffMs: [10, 30] },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(100);
    const gaps = record.calls.slice(1).map((time, index) => time - (record.calls[index] ?? 0));
    expect(gaps).toEqual([10, 30, 30]);
    await poller.stop();
  });

  it('stops itself when the session is gone (needsSignIn) after reporting the error', async () => {
    const gone = new GatewayError({
      kind: 'retcode',
      interfaceName: 'getAgentEvent',
      retcode: '100-006',
    });
    const { client, record } = scriptedClient([event('A'), gone, event('never')]);
    const seen: string[] = [];
    let runningDuringError: boolean | null = null;
    const poller = new EventPoller(client, {
      onEvent: (e) => seen.push(e.eventType),
      onError: (error) => {
        expect(error).toBe(gone);
        runningDuringError = poller.running;
      },
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toEqual(['A']);
    expect(record.calls).toHaveLength(2);
    expect(runningDuringError).toBe(false);
    expect(poller.running).toBe(false);
    await poller.stop();
  });

  it('can be started again from onError after it stopped itself', async () => {
    const gone = new GatewayError({
      kind: 'retcode',
      interfaceName: 'getAgentEvent',
      retcode: '000-003',
    });
    const { client, record } = scriptedClient([gone, event('after re-sign-in'), 'hang']);
    const seen: string[] = [];
    const poller: EventPoller = new EventPoller(client, {
      onEvent: (e) => seen.push(e.eventType),
      onError: () => poller.start(),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['after re-sign-in']);
    expect(record.peakInFlight).toBe(1);
    await poller.stop();
  });

  it('keeps polling when a handler throws, and logs it', async () => {
    const { client } = scriptedClient([event('A'), event('B'), 'hang']);
    const seen: string[] = [];
    const logged: string[] = [];
    const logger = {
      debug() {},
      info() {},
      warn() {},
      error: (message: string) => logged.push(message),
    };
    const poller = new EventPoller(
      client,
      {
        onEvent: (e) => {
          seen.push(e.eventType);
          throw new Error('handler bug');
        },
        onError: () => {},
      },
      { logger },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['A', 'B']);
    expect(logged).toEqual(['event handler failed', 'event handler failed']);
    await poller.stop();
  });

  it('wraps a non-GatewayError failure as transport', async () => {
    const client = { pollEvent: () => Promise.reject(new Error('bug')) };
    const errors: GatewayError[] = [];
    const poller = new EventPoller(client, {
      onEvent: () => {},
      onError: (error) => errors.push(error),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await poller.stop();
    expect(errors[0]).toBeInstanceOf(GatewayError);
    expect(errors[0]?.kind).toBe('transport');
  });

  it('wake() cuts an error backoff short, and leaves a poll in flight or the empty pause alone', async () => {
    const { client, record } = scriptedClient([transportError(), transportError(), null, 'hang']);
    const poller = new EventPoller(
      client,
      { onEvent: () => {}, onError: () => {} },
      { errorBackoffMs: [2_000], emptyPauseMs: 200 },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(record.calls).toHaveLength(1);
    expect(poller.wake()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(record.calls).toHaveLength(2);
    // Without a wake the second backoff runs its full length.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(record.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(record.calls).toHaveLength(3);
    // Now in the pause after an empty answer: not an error backoff.
    expect(poller.wake()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(record.calls).toHaveLength(4);
    // A poll in flight is not disturbed either.
    expect(poller.wake()).toBe(false);
    expect(record.peakInFlight).toBe(1);
    await poller.stop();
  });
});
