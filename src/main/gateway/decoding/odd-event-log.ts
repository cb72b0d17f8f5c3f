/**
 * Counts the events the client could not recognise (a type outside the documented catalogue,
 * or no readable type at all) and logs each kind once — redacted: the type and the shape of
 * its content, never the content itself (it may carry caller numbers).
 */
import type { GatewayEvent, GatewayLogger } from '../gateway-types';

/** Distinct kinds logged; after that only the count grows (a chatty gateway cannot flood logs). */
const MAX_LOGGED_KINDS = 50;

export class OddEventLog {
  private total = 0;
  private readonly logged = new Set<string>();

  constructor(private readonly logger: GatewayLogger | undefined) {}

  get count(): number {
    return this.total;
  }

  note(event: GatewayEvent): void {
    this.total++;
    const kind = event.rawType === null ? event.eventType : `unknown ${event.rawType}`;
    if (this.logged.has(kind) || this.logged.size >= MAX_LOGGED_KINDS) return;
    this.logged.add(kind);
    this.logger?.info('gateway event of unknown type passed on', {
      eventType: event.eventType.slice(0, 64),
      rawType: event.rawType,
      hasWorkNo: event.workNo !== null,
      content: describeShape(event.content),
      unknownSoFar: this.total,
    });
  }
}

function describeShape(content: GatewayEvent['content']): string {
  if (content === null) return 'null';
  if (Array.isArray(content)) return 'list';
  return typeof content;
}
