/**
 * Where the window's page comes from, and whether a URL is that page. In development
 * electron-vite serves it on a loopback dev server (ELECTRON_RENDERER_URL); everywhere else it
 * is `out/renderer/index.html` beside the main bundle. Nothing remote is ever loaded.
 */
import { fileURLToPath } from 'node:url';
import { posix, resolve, win32 } from 'node:path';

export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'file'; path: string };

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
    : { kind: 'file', path: resolve(options.mainDirectory, '../renderer/index.html') };
}

/**
 * Whether `url` is our page (the dev server's origin, or exactly our index.html file). On
 * Windows paths compare without regard to case: Chromium reports the page as `file:///C:/…`
 * with the drive letter upper-cased whatever case the app was started with (`c:\…`), and
 * NTFS names are case-insensitive anyway.
 */
export function isAppUrl(
  url: string,
  location: RendererLocation,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return parsed.origin === new URL(location.url).origin;
  if (parsed.protocol !== 'file:') return false;
  const windows = platform === 'win32';
  const paths = windows ? win32 : posix;
  try {
    const page = paths.resolve(
      fileURLToPath(`file://${parsed.host}${parsed.pathname}`, { windows }),
    );
    const ours = paths.resolve(location.path);
    return windows ? page.toLowerCase() === ours.toLowerCase() : page === ours;
  } catch {
    return false;
  }
}
