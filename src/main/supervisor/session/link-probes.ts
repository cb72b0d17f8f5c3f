/**
 * Link probes while the gateway is unreachable: each probe uses an interface with no probe in
 * flight (the client joins identical requests, and a request hung in a black hole only ends at
 * its timeout), so a new probe leaves on every backoff step and the first answer after the
 * fault ends is seen at once.
 */
import { GatewayError } from '../../gateway/gateway-error';
import type { SessionGateway } from './session-types';

type ProbeName = 'getOwnStatus' | 'getAgent' | 'refreshGuid';
const PROBES: readonly ProbeName[] = ['getOwnStatus', 'getAgent', 'refreshGuid'];

export interface ProbeHandlers {
  /** The gateway answered on this session (any business answer counts). */
  onAlive(): void;
  /** No answer (link still down) or the session is gone (100-006 …). */
  onFailure(error: unknown): void;
}

/** Sends link probes on free interfaces. */
export class LinkProbes {
  private readonly inFlight = new Set<ProbeName>();

  /** Send one probe unless every probe interface is still busy. */
  fire(client: SessionGateway, inspectorId: string, handlers: ProbeHandlers): void {
    const name = PROBES.find((probe) => !this.inFlight.has(probe));
    if (!name) return;
    this.inFlight.add(name);
    const call: Promise<unknown> =
      name === 'getOwnStatus'
        ? client.getOwnStatus()
        : name === 'getAgent'
          ? client.getAgent(inspectorId)
          : client.refreshGuid();
    call.then(
      () => {
        this.inFlight.delete(name);
        handlers.onAlive();
      },
      (error: unknown) => {
        this.inFlight.delete(name);
        const sessionGone = error instanceof GatewayError && error.needsSignIn;
        if (error instanceof GatewayError && error.kind === 'retcode' && !sessionGone)
          handlers.onAlive();
        else handlers.onFailure(error);
      },
    );
  }
}
