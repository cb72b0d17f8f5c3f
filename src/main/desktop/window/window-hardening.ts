/**
 * What the page may do beyond showing itself: nothing. Navigation away and new windows are
 * denied, webviews cannot attach, and of all permissions only notifications are granted (to our
 * own page). In production every response also carries the strict CSP header.
 */
import type { Logger } from '../../supervisor/ports';
import { CONTENT_SECURITY_POLICY } from './window-options';

/** The WebContents events and methods hardening needs. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[] | string> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void;

/** The Session methods hardening needs. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void;
  webRequest: { onHeadersReceived(listener: HeadersListener | null): void };
}

/** The only permission the app's page may have. */
const GRANTED_PERMISSIONS = new Set(['notifications']);

/** Deny navigation to anything but our page, every new window and every webview. */
export function hardenWebContents(
  contents: HardenableContents,
  isAppUrl: (url: string) => boolean,
  logger?: Logger,
): void {
  const guard = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    logger?.warn('navigation blocked', { kind, url: url.slice(0, 200) });
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger?.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger?.warn('window.open blocked', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/** Grant notifications to our page only; set the CSP header when asked (production). */
export function hardenSession(
  session: HardenableSession,
  options: { isOurPage: (contents: unknown) => boolean; setCspHeader: boolean },
): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(GRANTED_PERMISSIONS.has(permission) && options.isOurPage(contents));
  });
  session.setPermissionCheckHandler(
    (contents, permission) => GRANTED_PERMISSIONS.has(permission) && options.isOurPage(contents),
  );
  if (!options.setCspHeader) return;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** The `app` event that announces every new WebContents. */
export interface WebContentsSource {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: HardenableContents) => void,
  ): unknown;
}

/**
 * Defence in depth for any WebContents the app did not create itself (devtools, future
 * windows): no new windows and no webviews, whatever page it shows.
 */
export function hardenEveryWebContents(app: WebContentsSource, logger?: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      logger?.warn('window.open blocked', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
