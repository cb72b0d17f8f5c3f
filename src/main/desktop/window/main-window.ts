/**
 * The one main window: created hardened, shown when ready, its size and position remembered,
 * hidden (not closed) by the close button so the app keeps living in the tray — or minimised
 * where no tray can be relied on (Linux) — and taken out of full screen first on macOS. Only
 * a quit really closes it.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../../supervisor/ports';
import { isAppUrl, type RendererLocation } from './renderer-location';
import type { WindowState } from '../settings/settings-document';
import {
  hardenSession,
  hardenWebContents,
  type HardenableContents,
  type HardenableSession,
} from './window-hardening';
import { buildWindowOptions, type DisplayArea } from './window-options';

/**
 * What the close button does: `hide` to the tray (Windows and macOS always have one), or
 * `minimize` where the desktop may show no tray at all. GNOME shows none without an extension
 * and Electron cannot tell whether a StatusNotifier host exists, so on Linux a hidden window
 * could leave a running app with no way back.
 */
export type CloseBehaviour = 'hide' | 'minimize';

/** The close button's behaviour on `platform`. */
export function closeBehaviourFor(platform: string): CloseBehaviour {
  return platform === 'win32' || platform === 'darwin' ? 'hide' : 'minimize';
}

export type BrowserWindowConstructor = new (
  options: BrowserWindowConstructorOptions,
) => BrowserWindow;

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  preloadPath: string;
  location: RendererLocation;
  /** Remembered bounds and their store. */
  windowState: { load(): WindowState; save(state: WindowState): void };
  displays: () => DisplayArea[];
  /** Production: add the CSP header to responses (the dev server needs the page's own policy). */
  setCspHeader: boolean;
  iconPath?: string;
  logger?: Logger;
  /** Debounce of saving bounds while the user drags or resizes. */
  saveDelayMs?: number;
  /** Decides the close button and full-screen handling. Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Windows is ending the session (shutdown, restart, log-off): BrowserWindow `session-end`. */
  onSessionEnd?: () => void;
}

export interface MainWindowController {
  /** Show the window (creating it again if needed), restored and focused. */
  show(): void;
  /** The window, or null when there is none. */
  get(): BrowserWindow | null;
  /** Whether the user is looking at the window now. */
  isFocused(): boolean;
  /** From now on closing the window really closes it (the app is quitting). */
  allowClose(): void;
}

/** Create the window controller and the window itself (shown once its page is ready). */
export function createMainWindow(options: MainWindowOptions): MainWindowController {
  const { logger } = options;
  const platform = options.platform ?? process.platform;
  const closeBehaviour = closeBehaviourFor(platform);
  let window: BrowserWindow | null = null;
  let closingAllowed = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const rememberState = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!window || window.isDestroyed()) return;
    const maximized = window.isMaximized();
    const raw = maximized ? window.getNormalBounds() : window.getBounds();
    const bounds = {
      x: Math.round(raw.x),
      y: Math.round(raw.y),
      width: Math.round(raw.width),
      height: Math.round(raw.height),
    };
    options.windowState.save({ bounds, maximized });
  };
  const rememberStateSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(rememberState, options.saveDelayMs ?? 500);
  };

  /** Hide (or minimise) the window; on macOS leave full screen first (electron/electron#39572:
   * a full-screen window hidden in place leaves a black screen). */
  const putAway = (target: BrowserWindow): void => {
    if (closeBehaviour === 'minimize') return void target.minimize();
    if (platform === 'darwin' && target.isFullScreen()) {
      target.once('leave-full-screen', () => {
        if (!target.isDestroyed()) target.hide();
      });
      target.setFullScreen(false);
      return;
    }
    target.hide();
  };

  const create = (): BrowserWindow => {
    const state = options.windowState.load();
    const created = new options.BrowserWindow(
      buildWindowOptions({
        preloadPath: options.preloadPath,
        state,
        displays: options.displays(),
        iconPath: options.iconPath,
      }),
    );
    const contents = created.webContents;
    const ourPage = (url: string): boolean => isAppUrl(url, options.location);
    hardenWebContents(contents as unknown as HardenableContents, ourPage, logger);
    hardenSession(contents.session as unknown as HardenableSession, {
      isOurPage: (requester) => requester === contents && ourPage(contents.getURL()),
      setCspHeader: options.setCspHeader,
    });
    created.setMenuBarVisibility(false);
    created.once('ready-to-show', () => {
      if (state.maximized) created.maximize();
      created.show();
    });
    created.on('resize', rememberStateSoon);
    created.on('move', rememberStateSoon);
    created.on('maximize', rememberState);
    created.on('unmaximize', rememberState);
    created.on('close', (event) => {
      rememberState();
      if (closingAllowed) return;
      // The close button keeps the app running; quitting is in the tray and the app menu.
      event.preventDefault();
      putAway(created);
    });
    if (options.onSessionEnd) {
      // The earliest notice (query-session-end) and the final one both start the sign-out.
      created.on('query-session-end', options.onSessionEnd);
      created.on('session-end', options.onSessionEnd);
    }
    created.on('closed', () => {
      if (window === created) window = null;
    });
    // The built page comes through the app:// protocol handler, never from file://.
    const loading = contents.loadURL(options.location.url);
    loading.catch((error: unknown) =>
      logger?.error('the window page failed to load', { error: String(error) }),
    );
    return created;
  };

  window = create();

  return {
    show() {
      if (!window || window.isDestroyed()) {
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    get: () => (window && !window.isDestroyed() ? window : null),
    isFocused: () =>
      Boolean(window && !window.isDestroyed() && window.isVisible() && window.isFocused()),
    allowClose() {
      closingAllowed = true;
    },
  };
}
