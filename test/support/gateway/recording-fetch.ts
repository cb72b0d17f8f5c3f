/**
 * Wraps a GatewayFetch and records what the client sent (method, URL, headers), so tests
 * against a real server can check the Guid and Cookie headers the client chose. Test-only.
 */
import type { GatewayFetch } from '../../../src/main/gateway/gateway-types';
import { wrapGatewayFetch } from '../../../src/main/gateway/transport/transport-wrapping';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** The wrapped transport and the list it appends to. */
export function recordRequests(inner: GatewayFetch): { fetch: GatewayFetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = wrapGatewayFetch(inner, (url, init) => {
    sent.push({ method: init.method, url, headers: { ...init.headers } });
    return inner(url, init);
  });
  return { fetch, sent };
}
