import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../gateway/gateway-error';
import { currentPoller, retcode, setupSession as setup, TARGET } from '../../../../test/support/core/session-harness';

const http503 = (): GatewayError =>
  new GatewayError({ kind: 'http-status', interfaceName: 'beginMonitor', httpStatus: 503 });

describe('SessionController: the monitor subscription is part of "live"', () => {
  it('a subscription lost while live starts a link recovery; the resume (which subscribes again) makes it live', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.reportSubscriptionLoss(http503());
    expect(h.session.connectionState()).toMatchObject({
      phase: 'reconnecting',
      reason: expect.stringMatching(/Live agent updates.*HTTP 503/) as unknown,
    });
    await h.clock.advance(0);
    expect(h.gateway.probes).toEqual(['getOwnStatus']);
    expect(h.resumes).toBe(1);
    expect(h.session.connectionState().phase).toBe('live');
    // The session itself was fine: no sign-in, no session loss.
    expect(h.gateway.signIns).toHaveLength(1);
    expect(h.losses).toEqual([]);
  });

  it('stays reconnecting while the resumed subscription keeps failing, retrying on the backoff', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    const fail = (): void => h.session.reportSubscriptionLoss(http503());
    h.duringResume.push(fail, fail);
    fail();
    await h.clock.advance(0);
    expect(h.resumes).toBe(1);
    expect(h.session.connectionState()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    expect(h.clock.pendingDelays()[0]).toBe(500);
    await h.clock.advance(500);
    expect(h.resumes).toBe(2);
    expect(h.session.connectionState().phase).toBe('reconnecting');
    expect(h.clock.pendingDelays()[0]).toBe(1000);
    await h.clock.advance(1000);
    expect(h.resumes).toBe(3);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('a subscription lost during a re-sign-in turns into a link recovery, not another sign-in', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.duringStart.push(() => h.session.reportSubscriptionLoss(http503()));
    currentPoller(h).handlers.onError(retcode('100-006'));
    const before = h.states.length;
    await h.clock.advance(0);
    expect(h.starts).toEqual([true, false]);
    // Not live after the sign-in: reconnecting until the resume subscribed again.
    const after = h.states
      .slice(before)
      .map((state) => (state.phase === 'reconnecting' ? state.reason : state.phase));
    expect(after.at(-1)).toBe('live');
    expect(after.slice(0, -1).every((entry) => entry !== 'live')).toBe(true);
    expect(after).toContainEqual(expect.stringMatching(/Live agent updates/));
    expect(h.resumes).toBe(1);
    expect(h.gateway.signIns).toHaveLength(2);
  });

  it('a subscription refused for a lost session re-signs in', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.reportSubscriptionLoss(retcode('100-006'));
    await h.clock.advance(0);
    expect(h.gateway.signIns.at(-1)?.force).toBe(true);
    expect(h.session.connectionState().phase).toBe('live');
  });

  it('a loss reported before a resume does not keep the resume from going live', async () => {
    const h = setup();
    await h.session.signIn(TARGET, true);
    h.session.reportSubscriptionLoss(http503());
    // A second report while recovering (e.g. the full reload's subscription) only updates the reason.
    h.session.reportSubscriptionLoss(http503());
    await h.clock.advance(0);
    expect(h.session.connectionState().phase).toBe('live');
  });
});
