/**
 * Agent details (agentbyworkno: group, skills, call id, state start) for the rows that need
 * them — the selected agent, the one being inspected, and the sign-in warm-up's picks — never
 * for the whole list: one request per agent per freshness period, and never two for the same
 * agent at once (a second asker joins the request on the way).
 */
import type { GatewayClient } from '../../gateway/gateway-client';
import type { AgentDetail } from '../../gateway/gateway-types';
import type { Clock, Logger } from '../ports';
import { errorMessage } from '../error-text';

export type DetailGateway = Pick<GatewayClient, 'getAgent'>;

export interface AgentEnricherOptions {
  clock: Clock;
  logger: Logger;
  /** Details younger than this are not fetched again by `enrich`. */
  freshMs?: number;
  onDetail(detail: AgentDetail): void;
  onFailure(error: unknown): void;
}

/** Fetches agentbyworkno details for the rows that need them. */
export class AgentEnricher {
  private readonly fetchedAt = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<AgentDetail>>();

  constructor(private readonly options: AgentEnricherOptions) {}

  /** Fetch details of `workNo` in the background unless fresh or already on the way. */
  enrich(client: DetailGateway | null, workNo: string | null, force = false): void {
    if (!client || !workNo || this.inFlight.has(workNo)) return;
    const last = this.fetchedAt.get(workNo);
    if (
      !force &&
      last !== undefined &&
      this.options.clock.now() - last < (this.options.freshMs ?? 15_000)
    )
      return;
    // Failures are logged and reported to the session by fetch; nothing more to do here.
    this.fetch(client, workNo).catch(() => undefined);
  }

  /** Fetch details now (joining a request for the same agent on the way); rejects on failure. */
  fetch(client: DetailGateway, workNo: string): Promise<AgentDetail> {
    const pending = this.inFlight.get(workNo);
    if (pending) return pending;
    const request = client.getAgent(workNo).then(
      (detail) => {
        this.inFlight.delete(workNo);
        this.fetchedAt.set(workNo, this.options.clock.now());
        this.options.onDetail(detail);
        return detail;
      },
      (error: unknown) => {
        this.inFlight.delete(workNo);
        this.options.logger.info('agent details unavailable', {
          workNo,
          error: errorMessage(error),
        });
        this.options.onFailure(error);
        throw error;
      },
    );
    this.inFlight.set(workNo, request);
    return request;
  }

  /** Forget what was fetched (new session). */
  reset(): void {
    this.fetchedAt.clear();
  }
}
