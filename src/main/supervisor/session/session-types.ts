/**
 * Types shared by the session controller and the code that wires it: the slice of the gateway
 * client it uses, the poller it drives, what it signs in to and the hooks it calls.
 */
import type { ConnectionState } from '../../../shared/domain';
import type { EventPollerHandlers } from '../../gateway/event-poller';
import type { GatewayClient } from '../../gateway/gateway-client';
import type { GatewayEvent } from '../../gateway/gateway-types';
import type { Clock, Logger } from '../ports';

export type SessionGateway = Pick<
  GatewayClient,
  | 'signIn'
  | 'signOut'
  | 'getOwnStatus'
  | 'getAgent'
  | 'refreshGuid'
  | 'pollEvent'
  | 'clearSession'
  | 'hasSession'
>;

export interface PollerLike {
  start(): void;
  stop(): Promise<void>;
  /** Poll now if waiting out an error backoff; returns whether it was (optional). */
  wake?(): boolean;
  readonly running: boolean;
}

/** TLS trust of a gateway on top of the system store: a private CA and/or a pinned certificate. */
export interface TlsTrust {
  caPem: string | null;
  pinSha256: string | null;
}

export interface SessionTarget {
  gatewayUrl: string;
  inspectorId: string;
  phoneNumber: string;
  /** Held in memory only, for re-sign-in. */
  password: string;
  demo: boolean;
  /** Trust for this gateway's certificate; omitted: the system store only. */
  tls?: TlsTrust;
  /** Cap of one answer in bytes; omitted: the transport's default. */
  maxAnswerBytes?: number;
}

export type LossKind = 'recovering' | 'signed-out' | 'failed';

export interface SessionHooks<C extends SessionGateway> {
  /** A session began (first sign-in or re-sign-in): subscribe and load. Throwing fails the attempt. */
  onStarted(client: C, context: { first: boolean }): Promise<void>;
  /** The link came back on the same session: reconcile. Throwing fails the attempt. */
  onResumed(client: C): Promise<void>;
  /** The session stopped being usable. */
  onLost(kind: LossKind): void;
  onEvent(event: GatewayEvent): void;
  onConnection(state: ConnectionState): void;
}

export interface SessionOptions<C extends SessionGateway> {
  clock: Clock;
  logger: Logger;
  createClient(target: SessionTarget): C;
  createPoller(client: C, handlers: EventPollerHandlers): PollerLike;
  hooks: SessionHooks<C>;
  backoffMs?: readonly number[];
  /** The gateway's empty-poll hold; no poll answer for hold + grace means the link stalled. */
  pollHoldMs: number;
  stallGraceMs?: number;
  random?: () => number;
}

export type SignInOutcome = { ok: true } | { ok: false; error: unknown };
