/**
 * Keeps one long poll running: re-polls at once after an event, after `emptyPauseMs` after an
 * empty answer, backs off after errors, and stops itself when the session is gone. There is
 * never more than one poll in flight.
 */
import { GatewayError } from './gateway-error';
import type { GatewayEvent, GatewayLogger } from './gateway-types';
import type { GatewayClient } from './gateway-client';

export interface EventPollerHandlers {
  onEvent(event: GatewayEvent): void;
  /** Every failed poll; when `error.needsSignIn` the poller has stopped itself. */
  onError(error: GatewayError): void;
  /** An empty answer arrived (the link is alive). */
  onIdle?(): void;
}

export interface EventPollerOptions {
  emptyPauseMs?: number;
  /**
   * Pause after an answer that brought an event (default 0: poll again at once). The pages
   * ask for 200–500 ms between polls (cec_07_1274); see docs/decisions/gateway-client.md for
   * why an event is followed by the next poll at once.
   */
  eventPauseMs?: number;
  /** Pauses after consecutive errors; the last one repeats. */
  errorBackoffMs?: readonly number[];
  now?: () => number;
  /** Where exceptions thrown by the handlers are reported (they never stop the loop). */
  logger?: GatewayLogger;
}

const DEFAULT_EMPTY_PAUSE_MS = 200;
const DEFAULT_BACKOFF_MS: readonly number[] = [500, 1000, 2000, 4000];

export class EventPoller {
  private readonly emptyPauseMs: number;
  private readonly eventPauseMs: number;
  private readonly backoffMs: readonly number[];
  private readonly now: () => number;
  private active = false;
  private controller: AbortController | null = null;
  private loop: Promise<void> = Promise.resolve();
  private lastAnswerAt: number | null = null;
  /** Ends the pause after an error early; set only while such a pause runs. */
  private wakeFromBackoff: (() => void) | null = null;

  constructor(
    private readonly client: Pick<GatewayClient, 'pollEvent'>,
    private readonly handlers: EventPollerHandlers,
    private readonly options: EventPollerOptions = {},
  ) {
    this.emptyPauseMs = Math.max(0, options.emptyPauseMs ?? DEFAULT_EMPTY_PAUSE_MS);
    this.eventPauseMs = Math.max(0, options.eventPauseMs ?? 0);
    const backoff = (options.errorBackoffMs ?? DEFAULT_BACKOFF_MS).filter(
      (ms) => Number.isFinite(ms) && ms >= 0,
    );
    this.backoffMs = backoff.length > 0 ? backoff : DEFAULT_BACKOFF_MS;
    this.now = options.now ?? Date.now;
  }

  get running(): boolean {
    return this.active;
  }

  /** When the last successful poll answer arrived (ms since epoch), or null. */
  get lastAnswerTime(): number | null {
    return this.lastAnswerAt;
  }

  /** Starts polling; does nothing when already running. */
  start(): void {
    if (this.active) return;
    this.active = true;
    const controller = new AbortController();
    this.controller = controller;
    // A restart right after stop() waits for the old loop, so two polls never overlap.
    this.loop = this.loop.then(() => this.runLoop(controller.signal));
  }

  /**
   * Poll now if the loop is waiting out its error backoff (the link is known to be back);
   * returns whether it was. A poll in flight or the short pause after an answer are left alone.
   */
  wake(): boolean {
    const wake = this.wakeFromBackoff;
    if (!wake) return false;
    wake();
    return true;
  }

  /** Aborts the poll in flight; resolves when the loop has ended. */
  stop(): Promise<void> {
    this.active = false;
    this.controller?.abort();
    this.controller = null;
    return this.loop;
  }

  private async runLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let event: GatewayEvent | null;
      try {
        event = await this.client.pollEvent(signal);
      } catch (error) {
        if (signal.aborted) break;
        const failure = asGatewayError(error);
        if (failure.needsSignIn) this.stopFromInside(signal);
        this.call(() => this.handlers.onError(failure));
        if (signal.aborted) break;
        const pause = this.backoffMs[Math.min(failures, this.backoffMs.length - 1)] ?? 0;
        failures++;
        await pauseFor(pause, signal, (wake) => (this.wakeFromBackoff = wake));
        this.wakeFromBackoff = null;
        continue;
      }
      failures = 0;
      this.lastAnswerAt = this.now();
      if (event !== null) {
        const received = event;
        this.call(() => this.handlers.onEvent(received));
        // No pause asked for (the default): poll again without a wait of even one microtask.
        if (this.eventPauseMs > 0) await pauseFor(this.eventPauseMs, signal);
        continue;
      }
      this.call(() => this.handlers.onIdle?.());
      await pauseFor(this.emptyPauseMs, signal);
    }
  }

  /** Ends the loop of `signal` from within (session gone) unless a newer loop replaced it. */
  private stopFromInside(signal: AbortSignal): void {
    if (this.controller?.signal === signal) {
      this.active = false;
      this.controller.abort();
      this.controller = null;
    }
  }

  /** Runs a handler; an exception in it is logged and does not stop the poller. */
  private call(handler: () => void): void {
    try {
      handler();
    } catch (error) {
      this.options.logger?.error('event handler failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError({
    kind: 'transport',
    interfaceName: 'getAgentEvent',
    message: 'The event poll failed unexpectedly.',
    cause: error,
  });
}

/** Waits `ms`, or less when `signal` aborts or the function handed to `onWakeable` is called. */
function pauseFor(
  ms: number,
  signal: AbortSignal,
  onWakeable?: (wake: () => void) => void,
): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    onWakeable?.(done);
  });
}
