/**
 * Lazy agent details (agentbyworkno: group, skills, call id, state start) for the rows that need
 * them — the selected agent and the one being inspected — not for the whole list: one request
 * per agent per freshness period, never two for the same agent at once.
 */
import type { GatewayClient } from '../gateway/gateway-client';
import type { AgentDetail } from '../gateway/gateway-types';
import type { Clock, Logger } from './ports';

export type DetailGateway = Pick<GatewayClient, 'getAgent'>;

export interface AgentEnricherOptions {
  clock: Clock;
  logger: Logger;
  /** Details younger than this are not fetched again. */
  freshMs?: number;
  onDetail(detail: AgentDetail): void;
  onFailure(error: unknown): void;
}

/** Fetches agentbyworkno details for the rows that need them. */
export class AgentEnricher {
  private readonly fetchedAt = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: AgentEnricherOptions) {}

  /** Fetch details of `workNo` unless fresh or already on the way. */
  enrich(client: DetailGateway | null, workNo: string | null, force = false): void {
    if (!client || !workNo || this.inFlight.has(workNo)) return;
    const now = this.options.clock.now();
    const last = this.fetchedAt.get(workNo);
    if (!force && last !== undefined && now - last < (this.options.freshMs ?? 15_000)) return;
    this.inFlight.add(workNo);
    client.getAgent(workNo).then(
      (detail) => {
        this.inFlight.delete(workNo);
        this.fetchedAt.set(workNo, this.options.clock.now());
        this.options.onDetail(detail);
      },
      (error: unknown) => {
        this.inFlight.delete(workNo);
        this.options.logger.info('agent details unavailable', { workNo, error: error instanceof Error ? error.message : String(error) });
        this.options.onFailure(error);
      },
    );
  }

  /** Forget what was fetched (new session). */
  reset(): void {
    this.fetchedAt.clear();
  }
}
