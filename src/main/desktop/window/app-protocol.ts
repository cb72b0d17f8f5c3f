/**
 * The page's own scheme: the renderer is served as `app://cc-inspector/…` by a handler of the
 * main process (`protocol.handle`) instead of being loaded from `file://`. A file page may read
 * other local files and shares one origin with every file on disk; an `app://` page has an
 * origin of its own, gets exactly the files of out/renderer (nothing above it, nothing not
 * built), and every answer carries the strict CSP. Together with the
 * GrantFileProtocolExtraPrivileges fuse turned off (electron-builder.yml) this is item 18 of
 * Electron's security checklist.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cc-inspector';
/** The page the window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Content types of what the renderer build contains; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The Electron `protocol` methods used here. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/**
 * Before `app.ready`: make `app:` a standard, secure scheme, so the page has a real origin
 * ('self' in the CSP means it), and may use fetch — nothing more (no CORS, no service workers,
 * no bypassing the CSP).
 */
export function registerAppScheme(
  protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>,
): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file under `root` a request names, or null when it names anything else. */
export function resolveAppFile(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(`${base}${sep}`) && CONTENT_TYPES[extname(file)] ? file : null;
}

/** After `app.ready`: answer `app://cc-inspector/…` from `root` with the CSP on every answer. */
export function serveAppProtocol(
  protocol: Pick<ProtocolLike, 'handle'>,
  options: { root: string; contentSecurityPolicy: string },
): void {
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppFile(request.url, options.root) : null;
    if (file === null)
      return new Response('Not found', { status: 404, headers: headers('text/plain') });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: headers(CONTENT_TYPES[extname(file)]!) });
    } catch {
      return new Response('Not found', { status: 404, headers: headers('text/plain') });
    }
  });
}
