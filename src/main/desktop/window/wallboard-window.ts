/**
 * The wallboard window: a second, read-only window for a big screen. Same hardening and page as
 * the main window (the page shows the wallboard for `#wallboard`), full screen on the chosen
 * display, independent of the main window — hiding the main window to the tray leaves it running.
 * Closing it really closes it; it is opened again from the window, the tray or `--wallboard`.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../../supervisor/ports';
import { isAppUrl, type RendererLocation } from './renderer-location';
import type { BrowserWindowConstructor } from './main-window';
import { hardenWebContents, type HardenableContents } from './window-hardening';
import { buildWindowOptions, type DisplayArea } from './window-options';

/** The hash the page reads to show the wallboard. */
export const WALLBOARD_HASH = 'wallboard';

export interface WallboardDisplay extends DisplayArea {
  bounds: { x: number; y: number; width: number; height: number };
}

export interface WallboardWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  preloadPath: string;
  location: RendererLocation;
  displays: () => WallboardDisplay[];
  /** Index of the display to use (settings); null or out of range: the first. */
  displayIndex: () => number | null;
  iconPath?: string;
  logger?: Logger;
}

export interface WallboardWindowController {
  /** Open it (or bring it forward) full screen on the chosen display. */
  open(): void;
  get(): BrowserWindow | null;
  close(): void;
}

/** The display the wallboard goes on (pure). */
export function chooseWallboardDisplay(
  displays: readonly WallboardDisplay[],
  index: number | null,
): WallboardDisplay | null {
  if (displays.length === 0) return null;
  return (index !== null ? displays[index] : undefined) ?? displays[0] ?? null;
}

/** Construction options: the main window's security settings, full screen on `display` (pure). */
export function buildWallboardOptions(options: {
  preloadPath: string;
  display: WallboardDisplay | null;
  iconPath?: string;
}): BrowserWindowConstructorOptions {
  const base = buildWindowOptions({
    preloadPath: options.preloadPath,
    state: { bounds: options.display?.bounds ?? null, maximized: false },
    displays: options.display ? [options.display] : [],
    iconPath: options.iconPath,
  });
  return {
    ...base,
    title: 'CC Inspector — Wallboard',
    fullscreen: true,
    autoHideMenuBar: true,
    // A wall screen is not for typing into: keep it out of the task switcher's way.
    skipTaskbar: false,
  };
}

/** Create the controller; the window exists only while open. */
export function createWallboardWindow(options: WallboardWindowOptions): WallboardWindowController {
  let window: BrowserWindow | null = null;
  const create = (): BrowserWindow => {
    const display = chooseWallboardDisplay(options.displays(), options.displayIndex());
    const created = new options.BrowserWindow(
      buildWallboardOptions({
        preloadPath: options.preloadPath,
        display,
        iconPath: options.iconPath,
      }),
    );
    const contents = created.webContents;
    const ourPage = (url: string): boolean => isAppUrl(url, options.location);
    hardenWebContents(contents as unknown as HardenableContents, ourPage, options.logger);
    // The session is the main window's (the default one), hardened once when it was created:
    // its permission handler grants nothing to this window, which needs nothing.
    created.setMenuBarVisibility(false);
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    const loading = contents.loadURL(
      `${options.location.url.replace(/#.*$/, '')}#${WALLBOARD_HASH}`,
    );
    loading.catch((error: unknown) =>
      options.logger?.error('the wallboard page failed to load', { error: String(error) }),
    );
    return created;
  };
  return {
    open() {
      if (!window || window.isDestroyed()) {
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    get: () => (window && !window.isDestroyed() ? window : null),
    close() {
      if (window && !window.isDestroyed()) window.close();
      window = null;
    },
  };
}
