/**
 * Where the window's page comes from, and whether a URL is that page. In development
 * electron-vite serves it on a loopback dev server (ELECTRON_RENDERER_URL); everywhere else it
 * is out/renderer beside the main bundle, served as `app://cc-inspector/index.html` by the
 * app's own protocol handler (app-protocol.ts) — never `file://`. Nothing remote is loaded.
 */
import { resolve } from 'node:path';
import { APP_HOST, APP_PAGE_URL, APP_SCHEME } from './app-protocol';

export type RendererLocation =
  | { kind: 'dev-server'; url: string }
  /** `url`: the page; `root`: the folder the app protocol serves it from. */
  | { kind: 'app'; url: string; root: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server URL when it is a loopback http(s) URL; null otherwise. */
function acceptDevServer(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      LOOPBACK_HOSTS.has(parsed.hostname)
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}

/**
 * Pick the renderer: the dev server only in an unpackaged app (a packaged app ignores the
 * variable, so no environment can point the privileged window at other content).
 */
export function resolveRendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  /** Folder of the main bundle (out/main). */
  mainDirectory: string;
}): RendererLocation {
  const devServer = options.isPackaged ? null : acceptDevServer(options.devServerUrl);
  return devServer
    ? { kind: 'dev-server', url: devServer }
    : { kind: 'app', url: APP_PAGE_URL, root: resolve(options.mainDirectory, '../renderer') };
}

/** Whether `url` is our page (the dev server's origin, or exactly app://cc-inspector/index.html). */
export function isAppUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return parsed.origin === new URL(location.url).origin;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.pathname === '/index.html' &&
    parsed.username === '' &&
    parsed.port === ''
  );
}
