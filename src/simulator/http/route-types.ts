/**
 * What a route handler receives and returns. Handlers speak retcodes; the server wraps the
 * reply in the gateway envelope.
 */
import type { InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import type { GatewayEventPayload } from '../gateway-model/event-queue';
import type { GatewayState } from '../gateway-model/gateway-state';
import type { GatewaySession } from '../gateway-model/session-registry';

export interface RouteContext {
  state: GatewayState;
  name: InterfaceName;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when empty. */
  body: unknown;
  /** The body was present but not valid JSON. */
  bodyInvalid: boolean;
  /** The caller's session; null only for the sign-in routes. */
  session: GatewaySession | null;
  secure: boolean;
}

export interface RouteReply {
  retcode: string;
  message?: string;
  result?: unknown;
  /** Poll replies: the event, or null for an empty poll. */
  event?: GatewayEventPayload | null;
  headers?: Record<string, string | string[]>;
}

export type RouteHandler = (context: RouteContext) => RouteReply | Promise<RouteReply>;

/** A successful reply with a result (default `{}`). */
export function replySuccess(result: unknown = {}, message = ''): RouteReply {
  return { retcode: RETCODE_SUCCESS, message, result };
}

/** A business error reply. */
export function replyError(retcode: string): RouteReply {
  return { retcode };
}

/** The session of a GUID-authenticated route (the pipeline guarantees it). */
export function requireSession(context: RouteContext): GatewaySession {
  if (!context.session) throw new Error(`Route ${context.name} ran without a session.`);
  return context.session;
}
