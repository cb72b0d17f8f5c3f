/**
 * The roster's monitor subscription (`beginmonitor`): whether it is in place and how many
 * attempts in a row failed. Without it no QC_AgentState_Notify arrives, so a failed attempt is
 * not a detail of the roster: it is handed to the session (`onLost`), which stops calling the
 * connection live and retries on its backoff. After `maxAttempts` failures in a row, or an
 * answer no retry can fix, the subscription gives up and the roster follows snapshots instead.
 */
import type { GatewayClient } from '../../gateway/gateway-client';
import type { Logger } from '../ports';
import { errorMessage } from '../error-text';
import { classifyFailure } from '../session/session-policy';

export type SubscriptionState = 'none' | 'active' | 'broken';

/**
 * - `subscribed`: in place;
 * - `retry`: failed, the session was told and subscribes again on its next recovery attempt;
 * - `give-up`: cannot be restored: follow snapshots;
 * - `stale`: the sync moved on (stopped, new session) while the request ran: ignore.
 */
export type SubscribeOutcome = 'subscribed' | 'retry' | 'give-up' | 'stale';

/** Failed attempts in a row before the roster falls back to snapshots. */
const DEFAULT_SUBSCRIBE_ATTEMPTS = 4;

export interface MonitorSubscriptionOptions {
  logger: Logger;
  /** Failed attempts in a row before giving up (default 4: the first try and three retries). */
  maxAttempts?: number;
  /** A retryable failure: the data is not live until a later attempt succeeds. */
  onLost(error: unknown): void;
}

/** Tracks the monitor subscription of one roster. */
export class MonitorSubscription {
  private current: SubscriptionState = 'none';
  private failures = 0;

  constructor(private readonly options: MonitorSubscriptionOptions) {}

  get state(): SubscriptionState {
    return this.current;
  }

  /** Failed attempts since the last success. */
  get failuresInARow(): number {
    return this.failures;
  }

  /** The session ended (its subscription with it); failures in a row are kept. */
  reset(): void {
    this.current = 'none';
  }

  /** A new sign-in: start counting failures afresh. */
  forgetFailures(): void {
    this.failures = 0;
  }

  /** We ended the subscription ourselves (`endmonitor`, snapshot mode). */
  markEnded(): void {
    this.current = 'none';
  }

  /**
   * Subscribe `workNos`. A lost session (100-006 …) throws: only a new sign-in can help, and it
   * subscribes again. `isCurrent` says whether the caller still wants the answer.
   */
  async subscribe(
    client: Pick<GatewayClient, 'beginMonitor' | 'endMonitor'>,
    workNos: readonly string[],
    isCurrent: () => boolean,
  ): Promise<SubscribeOutcome> {
    try {
      // Re-subscribing on the same session: end the old subscription first, as Huawei's ICP
      // bridge does before every beginmonitor (AgentService.java doEndMonitor).
      if (this.current !== 'none') await this.endQuietly(client, workNos);
      await client.beginMonitor(workNos);
    } catch (error) {
      if (!isCurrent()) return 'stale';
      const failure = classifyFailure(error);
      if (failure === 'session') throw error;
      this.current = 'broken';
      this.failures++;
      const details = { attempt: this.failures, error: errorMessage(error) };
      if (
        failure !== 'fatal' &&
        this.failures < (this.options.maxAttempts ?? DEFAULT_SUBSCRIBE_ATTEMPTS)
      ) {
        this.options.logger.warn(
          'monitor subscription failed; retrying on the session backoff',
          details,
        );
        this.options.onLost(error);
        return 'retry';
      }
      this.options.logger.warn(
        'monitor subscription cannot be restored; the roster follows snapshots',
        details,
      );
      return 'give-up';
    }
    if (!isCurrent()) return 'stale';
    this.current = 'active';
    this.failures = 0;
    return 'subscribed';
  }

  /** endmonitor whose failure does not matter (the beginmonitor after it decides), except a lost session. */
  private async endQuietly(
    client: Pick<GatewayClient, 'endMonitor'>,
    workNos: readonly string[],
  ): Promise<void> {
    try {
      await client.endMonitor(workNos);
    } catch (error) {
      if (classifyFailure(error) === 'session') throw error;
      this.options.logger.info('endmonitor before re-subscribing failed; subscribing anyway', {
        error: errorMessage(error),
      });
    }
  }
}
