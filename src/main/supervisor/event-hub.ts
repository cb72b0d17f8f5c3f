/**
 * Fan-out of contract events to subscribers. A throwing listener is logged and never stops the
 * others or the core.
 */
import type { EventName, EventPayloads } from '../../shared/ipc/contract';
import type { Logger } from './ports';
import type { EventListener } from './supervisor-api';
import { errorMessage } from './error-text';

/** Delivers contract events to every subscriber. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logger: Logger) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.logger.error('event listener failed', { event: name, error: errorMessage(error) });
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
