/**
 * Fake `protocol`: records the schemes registered as privileged (Electron allows that only
 * before `ready`, so a late call throws as it does there) and the handlers of
 * `protocol.handle`; `fetch` runs a handler the way Chromium would for a page request.
 */
import { app } from './app';

type Handler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void {
    if (app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged must be called before app is ready');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Handler): void {
    if (protocol.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    protocol.handlers.set(scheme, handler);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocol.handlers.has(scheme);
  },
  /** Test helper: what a page request for `url` would get. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = protocol.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  },
};

/** Forget registrations and handlers. */
export function resetProtocol(): void {
  protocol.privileged = [];
  protocol.handlers.clear();
}
