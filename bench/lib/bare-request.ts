/**
 * The baseline transports. A bare undici dispatcher request — no validation, no session logic,
 * no decoding, just the same method, URL and headers and the body read as text — is the
 * leanest way Node can send the request, so "ours ÷ bare request" is the client's whole
 * overhead. A bare WHATWG `fetch` of the same request is what the product target compares
 * with ("vs a bare fetch of the same request").
 */
import { Agent } from 'undici';

export interface BareResponse {
  status: number;
  text: string;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface BareRequester {
  /** A ready-to-send request: URL parsing is done here, outside any timed region. */
  prepare(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
  ): () => Promise<BareResponse>;
  close(): Promise<void>;
}

/** A bare requester on its own undici Agent (plain HTTP or a trusted CA for HTTPS). */
export function createBareRequester(caPem: string | null = null): BareRequester {
  const agent = new Agent(caPem ? { connect: { ca: caPem } } : {});
  return {
    prepare(method, url, headers) {
      const parsed = new URL(url);
      const options = {
        origin: parsed.origin,
        path: parsed.pathname + parsed.search,
        method,
        headers,
      };
      return async () => {
        const response = await agent.request(options);
        return { status: response.statusCode, text: await response.body.text() };
      };
    },
    close: () => agent.close(),
  };
}

/**
 * Bare WHATWG fetch: Node's global `fetch` (its own undici and connection pool), same method,
 * URL and headers, body read as text; no time limit, no signal.
 */
export function createBareFetcher(): Pick<BareRequester, 'prepare'> {
  return {
    prepare(method, url, headers) {
      const init: RequestInit = { method, headers };
      return async () => {
        const response = await fetch(url, init);
        return { status: response.status, text: await response.text() };
      };
    },
  };
}
