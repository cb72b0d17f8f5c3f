/**
 * Fake BrowserWindow, WebContents and WebFrameMain: they record options and sent messages,
 * honour preventDefault on `close` / `will-navigate`, and let tests navigate, open windows and
 * ask for permissions the way a page would.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createFakeEvent } from './event';
import { protocol } from './protocol';
import { session, type FakeSession } from './session';

let nextId = 1;

export class FakeWebFrameMain {
  readonly frameTreeNodeId = nextId++;
  readonly routingId = this.frameTreeNodeId;
  readonly frames: FakeWebFrameMain[] = [];
  constructor(
    public url: string,
    public readonly parent: FakeWebFrameMain | null = null,
  ) {}
  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }
  /** Test helper: a child frame (an iframe) of this frame. */
  addChildFrame(url: string): FakeWebFrameMain {
    const child = new FakeWebFrameMain(url, this);
    this.frames.push(child);
    return child;
  }
}

export type WindowOpenHandler = (details: { url: string; frameName: string; features: string }) => {
  action: 'allow' | 'deny';
};

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeWebFrameMain('about:blank');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  loadedUrls: string[] = [];
  devToolsOpened = false;
  private destroyed = false;
  constructor(public readonly session: FakeSession) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    // Electron serialises with the structured clone algorithm: functions cannot cross.
    this.sent.push({ channel, args: args.map((arg) => structuredClone(arg)) });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    // A custom scheme loads only through its protocol.handle handler, as in Chromium.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
    if (
      !['http', 'https', 'file', 'about', 'data'].includes(scheme) &&
      !protocol.handlers.has(scheme)
    ) {
      this.emit('did-fail-load', createFakeEvent(), -302, 'ERR_UNKNOWN_URL_SCHEME', url);
      throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    }
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }
  /** Like Electron's: `options.hash` becomes the URL's fragment. */
  async loadFile(path: string, options: { hash?: string } = {}): Promise<void> {
    if (!existsSync(path)) {
      this.emit(
        'did-fail-load',
        createFakeEvent(),
        -6,
        'ERR_FILE_NOT_FOUND',
        pathToFileURL(path).href,
      );
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${pathToFileURL(path).href}'`);
    }
    const hash = options.hash ? `#${options.hash}` : '';
    await this.loadURL(pathToFileURL(path).href + hash);
  }
  openDevTools(): void {
    this.devToolsOpened = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Test helper: the page tries to navigate; returns whether the navigation was allowed. */
  attemptNavigation(url: string): boolean {
    const event = createFakeEvent({ url });
    this.emit('will-navigate', event, url);
    if (event.defaultPrevented) return false;
    this.mainFrame.url = url;
    return true;
  }
  /** Test helper: the page calls window.open; returns the handler's decision. */
  attemptWindowOpen(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url, frameName: '', features: '' }).action ?? 'allow';
  }
  /** Test helper: the page asks for a permission; resolves with the session's answer. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.session.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(this, permission, resolve, { requestingUrl: this.mainFrame.url }),
    );
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const openWindows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends EventEmitter {
  /** Every window created since the last reset, closed ones included. */
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return [...openWindows];
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return openWindows.find((window) => window.webContents === contents) ?? null;
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return openWindows.find((window) => window.focused) ?? null;
  }

  readonly id = nextId++;
  readonly webContents: FakeWebContents;
  visible: boolean;
  focused = false;
  private bounds: FakeRectangle;
  private maximized = false;
  private minimized = false;
  private fullScreen = false;
  private destroyed = false;

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    const prefs = (options.webPreferences ?? {}) as { partition?: string; session?: FakeSession };
    const windowSession =
      prefs.session ??
      (prefs.partition ? session.fromPartition(prefs.partition) : session.defaultSession);
    this.webContents = new FakeWebContents(windowSession);
    this.visible = options.show !== false;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 100,
      y: typeof options.y === 'number' ? options.y : 100,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    openWindows.push(this);
    FakeBrowserWindow.created.push(this);
    this.webContents.on('did-finish-load', () => setImmediate(() => this.emit('ready-to-show')));
  }
  show(): void {
    this.visible = true;
    this.focused = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
    this.emit('focus');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  unmaximize(): void {
    this.maximized = false;
    this.emit('unmaximize');
  }
  /** Like macOS, the change is animated: the state and its event come a moment later. */
  setFullScreen(flag: boolean): void {
    if (flag === this.fullScreen) return;
    setImmediate(() => {
      this.fullScreen = flag;
      this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
    });
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  /**
   * Test helper: Windows ends the session (shutdown, restart, log-off). Electron emits
   * `query-session-end` then `session-end` on each window, and no `before-quit`.
   */
  endSession(reasons: string[] = ['shutdown']): void {
    this.emit('query-session-end', createFakeEvent({ reasons }));
    this.emit('session-end', createFakeEvent({ reasons }));
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  getNormalBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<FakeRectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('resize');
    this.emit('move');
  }
  setMenuBarVisibility(_visible: boolean): void {}
  removeMenu(): void {}
  setTitle(_title: string): void {}
  /** Like Electron: emits a preventable `close`; when not prevented the window is destroyed. */
  close(): boolean {
    if (this.destroyed) return true;
    const event = createFakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    const index = openWindows.indexOf(this);
    if (index >= 0) openWindows.splice(index, 1);
    this.webContents.destroy();
    this.emit('closed');
  }
}

/** app.quit closes every window; a prevented close aborts the quit (as in Electron). */
export function closeAllWindowsForQuit(): boolean {
  return [...openWindows].every((window) => window.close());
}

/** Test helper: forget every window. */
export function resetWindows(): void {
  openWindows.splice(0);
  FakeBrowserWindow.created.splice(0);
}
