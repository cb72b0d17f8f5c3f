/**
 * The main window's construction options, as a pure function: the security settings
 * (isolation, sandbox, no Node, web security) and the remembered bounds, fitted to a display
 * that still exists.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds, WindowState } from '../settings/settings-document';

/** The production CSP, sent as a header as well as the page's meta tag (same policy). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

export interface DisplayArea {
  workArea: WindowBounds;
}

/** How much of a window must lie on a display for the position to be kept. */
const MIN_VISIBLE = 100;

/** The remembered bounds when enough of them is on some display; null to let the OS place it. */
export function fitBoundsToDisplays(
  bounds: WindowBounds | null,
  displays: DisplayArea[],
): WindowBounds | null {
  if (bounds === null) return null;
  const visible = displays.some(({ workArea }) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, workArea.x + workArea.width) -
      Math.max(bounds.x, workArea.x);
    const overlapY =
      Math.min(bounds.y + bounds.height, workArea.y + workArea.height) -
      Math.max(bounds.y, workArea.y);
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
  });
  if (!visible) return null;
  return {
    ...bounds,
    width: Math.max(bounds.width, MIN_WINDOW_SIZE.width),
    height: Math.max(bounds.height, MIN_WINDOW_SIZE.height),
  };
}

/** Options of the main window. */
export function buildWindowOptions(options: {
  preloadPath: string;
  state: WindowState;
  displays: DisplayArea[];
  iconPath?: string;
}): BrowserWindowConstructorOptions {
  const bounds = fitBoundsToDisplays(options.state.bounds, options.displays);
  return {
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'CC Inspector',
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: '#1e1f22',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Keep timers running while hidden in the tray, so data on screen is fresh when reopened.
      backgroundThrottling: false,
    },
  };
}
