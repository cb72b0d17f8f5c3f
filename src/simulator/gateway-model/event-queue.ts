/**
 * Per-session event queue with a cap (oldest dropped first) and one waiter: the held long
 * poll. The gateway returns one event per poll, so a busy center can outrun a client; the cap
 * keeps memory bounded and the drop count shows how far behind the client is.
 */

/** One event as the gateway sends it inside `{"message":"","retcode":"0","event":{…}}`. */
export interface GatewayEventPayload {
  eventType?: unknown;
  workNo?: unknown;
  content?: unknown;
  /** ms since epoch, a number (cec_07_1346, 0552); absent on older gateways. */
  eventGenTime?: number;
}

const DEFAULT_EVENT_QUEUE_CAP = 20_000;

export interface EventQueueCounters {
  queued: number;
  delivered: number;
  dropped: number;
}

export class EventQueue {
  private items: GatewayEventPayload[] = [];
  private head = 0;
  private waiter: (() => void) | null = null;

  constructor(
    private readonly counters: EventQueueCounters,
    private readonly cap = DEFAULT_EVENT_QUEUE_CAP,
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Append an event, dropping the oldest when full, and wake the held poll if any. */
  push(event: GatewayEventPayload): void {
    if (this.size >= this.cap) {
      this.head += 1;
      this.counters.dropped += 1;
    }
    this.items.push(event);
    this.counters.queued += 1;
    this.compact();
    const wake = this.waiter;
    this.waiter = null;
    wake?.();
  }

  /** Take the oldest event, or null when empty. */
  shift(): GatewayEventPayload | null {
    if (this.size === 0) return null;
    const event = this.items[this.head] as GatewayEventPayload;
    this.head += 1;
    this.counters.delivered += 1;
    this.compact();
    return event;
  }

  /** Register the held poll's wake-up; replaced by a later call, cleared by push(). */
  setWaiter(wake: (() => void) | null): void {
    this.waiter = wake;
  }

  /** Wake the held poll without an event (its session ended or the server is closing). */
  interrupt(): void {
    const wake = this.waiter;
    this.waiter = null;
    wake?.();
  }

  /** Forget every queued event (session ended). */
  clear(): void {
    this.items = [];
    this.head = 0;
  }

  // Slide the array down once the consumed prefix is large, so shift stays O(1) amortised.
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    } else if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
  }
}
