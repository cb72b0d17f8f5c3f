/**
 * What the connection indicator says, as a pure function of the connection and the clock:
 * live, stale (no data for a while although "live"), reconnecting (and why), or down.
 */
import type { ConnectionState } from '../../../shared/domain';

/** Data older than this is called stale even while the session is up. */
export const STALE_AFTER_MS = 10_000;

export type ConnectionTone = 'ok' | 'warn' | 'bad' | 'neutral';

export interface ConnectionStatus {
  tone: ConnectionTone;
  /** i18n key under `connection.` */
  key: 'live' | 'stale' | 'reconnecting' | 'failed' | 'signedOut' | 'signingIn';
  /** Seconds since the last event or snapshot, when known. */
  dataAgeSeconds: number | null;
  /** Seconds until the next attempt while reconnecting. */
  nextAttemptSeconds: number | null;
  attempt: number | null;
  reason: { en: string; zh: string } | null;
  retcode: string | null;
  demo: boolean;
}

function ageSeconds(lastDataAt: number | null, now: number): number | null {
  return lastDataAt === null ? null : Math.max(0, Math.floor((now - lastDataAt) / 1000));
}

/** Describe the connection for the strip and the banner. */
export function describeConnection(connection: ConnectionState, now: number): ConnectionStatus {
  const base = {
    dataAgeSeconds: null,
    nextAttemptSeconds: null,
    attempt: null,
    reason: null,
    retcode: null,
    demo: false,
  };
  switch (connection.phase) {
    case 'signed-out':
      return { ...base, tone: 'neutral', key: 'signedOut' };
    case 'signing-in':
      return { ...base, tone: 'neutral', key: 'signingIn' };
    case 'live': {
      const stale = connection.lastDataAt !== null && now - connection.lastDataAt > STALE_AFTER_MS;
      return {
        ...base,
        tone: stale ? 'warn' : 'ok',
        key: stale ? 'stale' : 'live',
        dataAgeSeconds: ageSeconds(connection.lastDataAt, now),
        demo: connection.demo,
      };
    }
    case 'reconnecting':
      return {
        ...base,
        tone: 'warn',
        key: 'reconnecting',
        dataAgeSeconds: ageSeconds(connection.lastDataAt, now),
        nextAttemptSeconds:
          connection.nextAttemptAt === null
            ? null
            : Math.max(0, Math.ceil((connection.nextAttemptAt - now) / 1000)),
        attempt: connection.attempt,
        reason: { en: connection.reason, zh: connection.reasonZh },
        retcode: connection.retcode,
      };
    case 'failed':
      return {
        ...base,
        tone: 'bad',
        key: 'failed',
        reason: { en: connection.reason, zh: connection.reasonZh },
        retcode: connection.retcode,
      };
  }
}
