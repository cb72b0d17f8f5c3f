/**
 * Wrapping a transport (recording what was sent, injecting faults, timing): the wrapper must
 * keep what the inner transport declares about itself, or the client would treat it as one
 * without its own time limit and fall back to its slower per-request abort signal.
 */
import type { GatewayFetch, GatewayRequestInit, GatewayResponseLike } from '../gateway-types';

/** `outer` (which calls `inner`) as a GatewayFetch with `inner`'s declared capabilities. */
export function wrapGatewayFetch(
  inner: GatewayFetch,
  outer: (url: string, init: GatewayRequestInit) => Promise<GatewayResponseLike>,
): GatewayFetch {
  return inner.enforcesTimeout === true ? Object.assign(outer, { enforcesTimeout: true }) : outer;
}
