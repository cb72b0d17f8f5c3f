// @vitest-environment node
import { describeConnection, STALE_AFTER_MS } from './connection-status';

const now = 2_000_000;

describe('describeConnection', () => {
  it('is live while data is fresh, and stale once it is older than the limit', () => {
    const live = {
      phase: 'live' as const,
      gatewayUrl: 'u',
      inspectorId: '9001',
      demo: true,
      lastDataAt: now - 3_000,
    };
    expect(describeConnection(live, now)).toMatchObject({
      key: 'live',
      tone: 'ok',
      dataAgeSeconds: 3,
      demo: true,
    });
    const old = { ...live, lastDataAt: now - STALE_AFTER_MS - 1 };
    expect(describeConnection(old, now)).toMatchObject({
      key: 'stale',
      tone: 'warn',
      dataAgeSeconds: 10,
    });
  });

  it('says why it is reconnecting, which attempt, and when the next one comes', () => {
    const status = describeConnection(
      {
        phase: 'reconnecting',
        reason: 'Gateway restarted',
        reasonZh: '网关重启',
        retcode: '100-006',
        attempt: 3,
        nextAttemptAt: now + 2_500,
        lastDataAt: now - 42_000,
      },
      now,
    );
    expect(status).toMatchObject({
      key: 'reconnecting',
      reason: { en: 'Gateway restarted', zh: '网关重启' },
      retcode: '100-006',
      attempt: 3,
      nextAttemptSeconds: 3,
      dataAgeSeconds: 42,
    });
  });

  it('reports failure with its reason', () => {
    expect(
      describeConnection(
        { phase: 'failed', reason: 'Wrong password', reasonZh: '密码错误', retcode: '100-004' },
        now,
      ),
    ).toMatchObject({
      key: 'failed',
      tone: 'bad',
      retcode: '100-004',
    });
  });
});
