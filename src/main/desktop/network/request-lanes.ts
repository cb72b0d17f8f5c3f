/**
 * Keeps connections free for the supervisor's own commands. Chromium opens at most 6 HTTP/1.1
 * connections to one host (net/socket/client_socket_pool_manager.cc, sockets per group of the
 * normal pool); the event long poll, the warm-up enrichment and the queue watcher (4 queues at
 * once) can hold all 6, and a barge would then wait behind them until it timed out. So reads
 * (GET: the poll, listings, look-ups — work that can wait a moment) share at most
 * `backgroundLimit` connections, queued in order; writes (PUT, POST, DELETE: sign-in and out,
 * listen, barge, whisper, switch, intercept, cancel, force-state, take a queued call) always go
 * out at once on the connections left. A read holds its slot until its answer's head arrives:
 * gateway answers are small JSON bodies that follow at once (the long poll, too, answers
 * head and body together when its hold ends).
 */

/** Chromium's connections per host for HTTP/1.1. */
export const CHROMIUM_CONNECTIONS_PER_HOST = 6;
/** Reads may use this many; the rest stay free for commands. */
export const DEFAULT_BACKGROUND_LIMIT = 4;

export type RequestLane = 'command' | 'background';

/** The lane of a request: writes are commands, reads are background work. */
export function laneOf(method: string): RequestLane {
  return method.toUpperCase() === 'GET' ? 'background' : 'command';
}

interface Waiting {
  start: () => void;
  fail: (reason: unknown) => void;
}

/** The lanes of one transport. */
export class RequestLanes {
  private running = 0;
  private readonly queue: Waiting[] = [];

  constructor(readonly backgroundLimit: number = DEFAULT_BACKGROUND_LIMIT) {
    if (!Number.isInteger(backgroundLimit) || backgroundLimit < 1)
      throw new RangeError('backgroundLimit must be a whole number of at least 1');
  }

  /** Background requests on the way, and waiting for a slot (diagnostics and tests). */
  get backgroundRunning(): number {
    return this.running;
  }
  get backgroundWaiting(): number {
    return this.queue.length;
  }

  /**
   * Run `send` in `lane`. A command runs at once; a background request waits for a free slot,
   * and fails with the signal's reason if it is aborted (or times out) while waiting.
   */
  async run<T>(
    lane: RequestLane,
    signal: AbortSignal | undefined,
    send: () => Promise<T>,
  ): Promise<T> {
    if (lane === 'command') return send();
    await this.acquire(signal);
    try {
      return await send();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running < this.backgroundLimit) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiting);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiting: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: reject,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiting);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    // The slot passes straight to the next waiting request: `running` stays the same.
    if (next) next.start();
    else this.running -= 1;
  }
}
