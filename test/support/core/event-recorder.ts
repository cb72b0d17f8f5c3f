/** Records the events a supervisor core emits and waits for matching ones (no polling). */
import type { EventName, EventPayloads } from '../../../src/shared/ipc/contract';

export interface RecordedEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayloads[E];
  at: number;
}

/** Records core events and waits for matching ones. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];

  record<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    this.events.push({ name, payload, at: Date.now() } as RecordedEvent);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Events of one name, oldest first. */
  of<E extends EventName>(name: E): RecordedEvent<E>[] {
    return this.events.filter((event): event is RecordedEvent<E> => event.name === name);
  }

  /** Wait until an event of `name` satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor<E extends EventName>(
    name: E,
    predicate: (payload: EventPayloads[E]) => boolean,
    timeoutMs = 5_000,
    since = 0,
  ): Promise<RecordedEvent<E>> {
    const find = (): RecordedEvent<E> | undefined =>
      this.of(name).find((event) => event.at >= since && predicate(event.payload));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.check !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
      }, timeoutMs);
      const check = (): boolean => find() !== undefined;
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve(find()!);
        },
      });
    });
  }
}
