/**
 * The core's gateway session: a SessionController whose clients and pollers are built on the
 * core's transport port and timings, each client with the TLS trust of its target.
 */
import { EventPoller } from '../../gateway/event-poller';
import { GatewayClient } from '../../gateway/gateway-client';
import type { Clock, Logger, SupervisorPorts } from '../ports';
import { SessionController, type SessionHooks } from './session-controller';
import type { SupervisorOptions } from '../supervisor-options';

const NO_EXTRA_TRUST = { caPem: null, pinSha256: null };

/** Build the session controller of the core. */
export function createGatewaySession(
  ports: SupervisorPorts,
  options: SupervisorOptions,
  clock: Clock,
  logger: Logger,
  hooks: SessionHooks<GatewayClient>,
): SessionController<GatewayClient> {
  const pollHoldMs = options.pollHoldMs ?? 10_000;
  return new SessionController<GatewayClient>({
    clock,
    logger,
    pollHoldMs,
    stallGraceMs: options.stallGraceMs,
    backoffMs: options.backoffMs,
    random: options.random,
    createClient: (target) =>
      new GatewayClient({
        baseUrl: target.gatewayUrl,
        agentId: target.inspectorId,
        fetch: ports.transport.create(target.tls ?? NO_EXTRA_TRUST, {
          maxAnswerBytes: target.maxAnswerBytes,
        }),
        logger,
        requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
        pollTimeoutMs: options.pollTimeoutMs ?? pollHoldMs + 5_000,
        now: () => clock.now(),
      }),
    createPoller: (client, handlers) =>
      new EventPoller(client, handlers, {
        emptyPauseMs: options.emptyPauseMs ?? 200,
        eventPauseMs: options.pollEventPauseMs ?? 0,
        errorBackoffMs: [250, 500, 1000, 2000],
        logger,
      }),
    hooks,
  });
}
