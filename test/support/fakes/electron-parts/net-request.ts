/**
 * `net.request` of the fake: Electron's ClientRequest over Node's http/https, which share its
 * shape (an EventEmitter with `response`, `error`, `abort()`, `end()`, `setHeader()`; a response
 * that is a Readable with `statusCode` and lower-case `headers`). As in Electron
 * (https://www.electronjs.org/docs/latest/api/client-request), `redirect: 'manual'` turns a 3xx
 * into a `redirect` event instead of a response, and the `session` a request names is recorded.
 * electron-updater's ElectronHttpExecutor downloads through this.
 */
import http from 'node:http';
import https from 'node:https';

export interface FakeNetRequestOptions {
  protocol?: string;
  hostname?: string;
  host?: string;
  port?: number | string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  redirect?: 'follow' | 'error' | 'manual';
  session?: unknown;
  url?: string;
}

/** Every request made through net.request (tests look at where the updater went). */
export const netRequests: FakeNetRequestOptions[] = [];

export function netRequest(options: FakeNetRequestOptions | string): http.ClientRequest {
  const given: FakeNetRequestOptions = typeof options === 'string' ? { url: options } : options;
  netRequests.push(given);
  const url = given.url ? new URL(given.url) : null;
  const secure = (url?.protocol ?? given.protocol) === 'https:';
  const request = (secure ? https : http).request({
    protocol: url?.protocol ?? given.protocol ?? 'https:',
    hostname: url?.hostname ?? given.hostname ?? given.host,
    port: url?.port || given.port,
    path: url ? `${url.pathname}${url.search}` : given.path,
    method: given.method ?? 'GET',
    headers: given.headers,
  });
  if (given.redirect === 'manual') {
    // Electron emits `redirect` for a 3xx and no `response`; the caller aborts or follows.
    request.prependListener('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status < 300 || status >= 400) return;
      request.removeAllListeners('response');
      response.resume();
      request.emit(
        'redirect',
        status,
        given.method ?? 'GET',
        response.headers.location ?? '',
        response.headers,
      );
    });
  }
  return request;
}

export function resetNetRequests(): void {
  netRequests.length = 0;
}
