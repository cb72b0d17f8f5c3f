import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../gateway/gateway-error';
import type { GatewayEvent } from '../../gateway/gateway-types';
import { flushPromises } from '../../../../test/support/core/manual-clock';
import {
  currentPoller,
  never,
  retcode,
  setupSession as setup,
  transport,
  TARGET,
} from '../../../../test/support/core/session-harness';

describe('SessionController: recovery', () => {
  it('re-signs in with forcelogin right after 100-006 and reconciles', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    currentPoller(h).handlers.onError(retcode('100-006'));
    expect(h.session.connectionState()).toMatchObject({
      phase: 'reconnecting',
      retcode: '100-006',
      attempt: 0,
    });
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

  // cec_07_0580: 105-005…007 ask for a new sign-in; 105-002…004 do not.
  it('treats 105-005…007 as a lost session and 105-002…004 as passing', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.reportFailure(retcode('105-004'));
    await h.clock.advance(5_000);
    expect(h.gateway.signIns).toHaveLength(1);
    expect(h.session.connectionState().phase).toBe('live');
    h.session.reportFailure(retcode('105-006'));
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

  it('back from a link loss, a poll waiting out its error backoff polls at once and is not taken for a stall', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const poller = currentPoller(h);
    h.gateway.probeScript = Array.from({ length: 6 }, () => () => Promise.reject(transport()));
    poller.handlers.onError(transport());
    poller.handlers.onError(transport());
    const lastPollAt = h.clock.now();
    await h.clock.advance(10_000);
    expect(h.session.connectionState().phase).toBe('live');
    expect(poller.wakes).toBe(1);
    expect(poller.stops).toBe(0);
    // 16 s after the last poll but ~6 s after the wake: the stall check (hold 10 s + grace 5 s)
    // counts from the wake and does not fire.
    h.session.checkHealth(lastPollAt + 16_000);
    expect(h.session.connectionState().phase).toBe('live');
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
    expect(h.session.connectionState()).toMatchObject({
      phase: 'reconnecting',
      reason: 'The gateway stopped answering.',
    });
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
    expect(h.session.connectionState()).toMatchObject({
      phase: 'reconnecting',
      reason: expect.stringMatching(/sleep/) as unknown,
    });
    await h.clock.advance(0);
    expect(h.resumes).toBe(1);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('a ShutdownService for our own session fails without fighting back', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const event: GatewayEvent = {
      eventType: 'AgentOther_ShutdownService',
      rawType: null,
      known: true,
      workNo: '900',
      content: { loginTime: 111 },
      generatedAt: null,
      receivedAt: 0,
    };
    currentPoller(h).handlers.onEvent(event);
    expect(h.session.connectionState()).toMatchObject({
      phase: 'failed',
      reason: expect.stringMatching(/signed this inspector out/) as unknown,
    });
    await h.clock.advance(10_000);
    expect(h.gateway.signIns).toHaveLength(1);
  });

  it('ignores a ShutdownService about the session we replaced', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const event: GatewayEvent = {
      eventType: 'AgentOther_ShutdownService',
      rawType: null,
      known: true,
      workNo: '900',
      content: { loginTime: 42 },
      generatedAt: null,
      receivedAt: 0,
    };
    currentPoller(h).handlers.onEvent(event);
    expect(h.session.connectionState().phase).toBe('live');
  });
});
