import { describe, expect, it } from 'vitest';
import { SessionPoll } from './session-poll';
import type { PollerLike } from './session-types';
import { ManualClock, flushPromises } from '../../../../test/support/core/manual-clock';

describe('SessionPoll', () => {
  function fakePoller(): PollerLike & { starts: number; stops: number } {
    const poller = {
      starts: 0,
      stops: 0,
      running: false,
      start() {
        poller.starts++;
        poller.running = true;
      },
      async stop() {
        poller.stops++;
        poller.running = false;
      },
    };
    return poller;
  }

  it('measures silence from the last answer or failure and counts failures in a row', async () => {
    const clock = new ManualClock();
    const poll = new SessionPoll(() => fakePoller(), clock);
    poll.start('client', { onEvent() {}, onIdle() {}, onError() {} });
    expect(poll.running).toBe(true);
    await clock.advance(3_000);
    expect(poll.silentFor(clock.now())).toBe(3_000);
    expect([poll.noteFailure(), poll.noteFailure()]).toEqual([1, 2]);
    expect(poll.silentFor(clock.now())).toBe(0);
    poll.noteAnswer();
    expect(poll.noteFailure()).toBe(1);
  });

  it('a restart starts the same poller again when still wanted and makes a reconcile due once', async () => {
    const clock = new ManualClock();
    const poller = fakePoller();
    const poll = new SessionPoll(() => poller, clock);
    poll.start('client', { onEvent() {}, onIdle() {}, onError() {} });
    poll.restart(() => true);
    await flushPromises();
    expect([poller.starts, poller.stops]).toEqual([2, 1]);
    expect(poll.takeReconcile()).toBe(true);
    expect(poll.takeReconcile()).toBe(false);
    poll.restart(() => false);
    await flushPromises();
    expect(poll.running).toBe(false);
    await poll.drop();
    poll.restart(() => true);
    await flushPromises();
    expect(poller.starts).toBe(2);
  });
});
