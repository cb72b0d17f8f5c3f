/**
 * Session recovery policy, pure: how to react to a failure (give up, re-sign-in, wait for the
 * link), how long to wait before the next attempt, and how to explain it in en + zh.
 */
import { describeRetcode } from '../../../shared/gateway-protocol/gateway-retcodes';
import { EVENT_TYPE } from '../../../shared/gateway-protocol/gateway-status-codes';
import { GatewayError } from '../../gateway/gateway-error';
import { contentObject } from '../../gateway/decoding/event-decoding';
import type { GatewayEvent } from '../../gateway/gateway-types';

/**
 * - `fatal`: retrying cannot help (wrong password, locked, expired, bad configuration);
 * - `session`: the gateway session is gone: sign in again (forcelogin);
 * - `link`: the gateway could not be reached or answered badly: probe until it answers;
 * - `ignore`: cancelled by us.
 */
export type FailureClass = 'fatal' | 'session' | 'link' | 'ignore';

export const DEFAULT_BACKOFF_MS: readonly number[] = [500, 1000, 2000];

/**
 * What a failed request or poll means for the session, from the retcode class of the
 * error-code pages (cec_07_0580): session lost → sign in again; refusal and fatal sign-in →
 * `fatal` (repeating the request cannot help: a sign-in stops, a subscription gives up, an
 * action reports it); retry-later → `link` (the session stays; retried on the backoff).
 * HTTP 401/403 (the gateway or its NSLB refusing the session) is `session`.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!(error instanceof GatewayError)) return 'link';
  if (error.needsSignIn) return 'session';
  switch (error.kind) {
    case 'aborted':
      return 'ignore';
    case 'invalid-argument':
      return 'fatal';
    case 'retcode':
      return error.retcodeClass === 'retry-later' ? 'link' : 'fatal';
    default:
      return 'link';
  }
}

/**
 * What a failed sign-in means. An interactive sign-in reports every failure to the supervisor
 * at once; during recovery only a fatal answer stops the retries. 100-002 (signed in
 * elsewhere, typically our own half-dead session) is answered with a forced sign-in.
 */
export function classifySignInFailure(
  error: unknown,
  interactive: boolean,
): 'fatal' | 'force' | 'retry' {
  if (error instanceof GatewayError && error.kind === 'retcode' && error.retcode === '100-002')
    return 'force';
  const failure = classifyFailure(error);
  if (failure === 'fatal') return 'fatal';
  if (interactive) return 'fatal';
  // A certificate problem on a first sign-in needs the supervisor; during recovery it may be a
  // captive portal or a certificate rollover, so it is retried (never trusted).
  return 'retry';
}

/**
 * What follows a failed first sign-in: signed in but loading failed → recover like any outage
 * (the credentials are good); a start-up sign-in that may be retried → recover the session;
 * anything else → fail and tell the supervisor.
 */
export function judgeFirstSignInFailure(
  error: unknown,
  interactive: boolean,
  signedIn: boolean,
): 'session' | 'link' | 'fail' {
  if (signedIn) return classifyFailure(error) === 'session' ? 'session' : 'link';
  return classifySignInFailure(error, interactive) === 'retry' ? 'session' : 'fail';
}

/** Delay before attempt `attempt` (0-based): the schedule, capped at its last step, ±10 % jitter. */
export function computeBackoffMs(
  attempt: number,
  schedule: readonly number[] = DEFAULT_BACKOFF_MS,
  random: () => number = Math.random,
): number {
  if (schedule.length === 0) return 0;
  const base = schedule[Math.min(Math.max(0, attempt), schedule.length - 1)] ?? 0;
  const jitter = 1 + (random() * 2 - 1) * 0.1;
  return Math.max(0, Math.round(base * jitter));
}

export interface Reason {
  reason: string;
  reasonZh: string;
  retcode: string | null;
}

/** Why the session is not live, in words for the status bar. */
export function explainFailure(error: unknown): Reason {
  if (!(error instanceof GatewayError)) {
    return {
      reason: 'The gateway could not be reached.',
      reasonZh: '无法连接网关。',
      retcode: null,
    };
  }
  switch (error.kind) {
    case 'retcode': {
      const text = describeRetcode(error.retcode ?? '');
      return { reason: text.en, reasonZh: text.zh, retcode: error.retcode ?? null };
    }
    case 'transport':
      return {
        reason: 'Cannot reach the gateway (connection failed).',
        reasonZh: '无法连接网关（连接失败）。',
        retcode: null,
      };
    case 'timeout':
      return {
        reason: 'The gateway did not answer in time.',
        reasonZh: '网关未及时响应。',
        retcode: null,
      };
    case 'tls':
      return {
        reason: `The gateway's certificate is not trusted: ${error.message}`,
        reasonZh: '网关证书不受信任，请检查证书或指纹设置。',
        retcode: null,
      };
    case 'http-status':
      if (error.needsSignIn)
        return {
          reason: `The gateway no longer accepts this session (HTTP ${error.httpStatus ?? '?'}): signing in again.`,
          reasonZh: `网关不再接受当前会话（HTTP ${error.httpStatus ?? '?'}），需要重新签入。`,
          retcode: null,
        };
      return {
        reason: `The gateway answered with HTTP ${error.httpStatus ?? '?'}.`,
        reasonZh: `网关返回 HTTP ${error.httpStatus ?? '?'}。`,
        retcode: null,
      };
    case 'malformed':
      return {
        reason: 'The gateway sent an answer that could not be read.',
        reasonZh: '网关返回的数据无法解析。',
        retcode: null,
      };
    case 'invalid-argument':
      return { reason: error.message, reasonZh: error.messageZh, retcode: null };
    case 'aborted':
      return { reason: 'The request was cancelled.', reasonZh: '请求已取消。', retcode: null };
  }
}

/** Why the session is not live when the roster's monitor subscription (beginmonitor) failed. */
export function explainSubscriptionLoss(error: unknown): Reason {
  const cause = explainFailure(error);
  return {
    reason: `Live agent updates could not be started: ${cause.reason}`,
    reasonZh: `无法启动坐席状态实时更新：${cause.reasonZh}`,
    retcode: cause.retcode,
  };
}

export const REASON_STALLED: Reason = {
  reason: 'The gateway stopped answering.',
  reasonZh: '网关停止响应。',
  retcode: null,
};

export const REASON_RESUMED: Reason = {
  reason: 'Checking the session after sleep or a network change.',
  reasonZh: '休眠唤醒或网络变化后正在检查会话。',
  retcode: null,
};

export const REASON_SHUT_DOWN: Reason = {
  reason: 'The gateway signed this inspector out (another sign-in or an administrator).',
  reasonZh: '网关已签出该质检员（其他位置签入或被管理员签出）。',
  retcode: null,
};

/** Failures of ordinary requests that mean the link, not just this request, is down. */
export function isLinkLoss(error: unknown): boolean {
  return error instanceof GatewayError && (error.kind === 'transport' || error.kind === 'timeout');
}

/** A ShutdownService this soon after our own sign-in is about the session we replaced. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Whether an AgentOther_ShutdownService ends *our* session: its loginTime matches ours, or
 * (without one) it came well after our sign-in — not the kick of the session we replaced.
 */
export function isShutdownOfSession(
  event: GatewayEvent,
  loginTime: number | null,
  signedInAt: number,
  now: number,
): boolean {
  if (event.eventType !== EVENT_TYPE.shutdownService) return false;
  const content = contentObject(event.content);
  const reported = content !== null ? Number(content.loginTime) : Number.NaN;
  if (Number.isFinite(reported) && loginTime !== null) return reported === loginTime;
  return now - signedInAt > SHUTDOWN_GRACE_MS;
}

/**
 * What a failed poll means. 000-007 is our previous (aborted) poll still held by the gateway;
 * one bad answer is retried by the poller at once; two in a row mean the link is down.
 */
export function judgePollFailure(
  error: unknown,
  consecutiveFailures: number,
  recovering: boolean,
): 'ignore' | 'retry' | 'session' | 'link' {
  if (error instanceof GatewayError && error.kind === 'retcode' && error.retcode === '000-007')
    return 'ignore';
  const failure = classifyFailure(error);
  if (failure === 'session') return 'session';
  if (failure === 'ignore') return 'ignore';
  return consecutiveFailures >= 2 || recovering ? 'link' : 'retry';
}
