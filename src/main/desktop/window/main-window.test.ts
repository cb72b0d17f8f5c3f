import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  createFakeEvent,
  FakeBrowserWindow,
  FakeWebContents,
  protocol,
  resetElectronFake,
  screen,
  session,
} from '../../../../test/support/fakes/electron';
import { closeBehaviourFor, createMainWindow, type BrowserWindowConstructor } from './main-window';
import { APP_PAGE_URL, serveAppProtocol } from './app-protocol';
import type { RendererLocation } from './renderer-location';
import type { WindowState } from '../settings/settings-document';
import { hardenEveryWebContents, type WebContentsSource } from './window-hardening';
import { buildWindowOptions, CONTENT_SECURITY_POLICY, fitBoundsToDisplays } from './window-options';

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('window options', () => {
  it('are hardened: isolation, sandbox, no Node, web security, our preload', () => {
    const options = buildWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      state: { bounds: null, maximized: false },
      displays: [],
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
  });

  it('keep remembered bounds only while they are on a display', () => {
    const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
    expect(fitBoundsToDisplays({ x: 100, y: 100, width: 1000, height: 700 }, displays)).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
    });
    expect(fitBoundsToDisplays({ x: 3000, y: 100, width: 1000, height: 700 }, displays)).toBeNull();
    expect(fitBoundsToDisplays({ x: 1880, y: 100, width: 1000, height: 700 }, displays)).toBeNull();
    expect(fitBoundsToDisplays({ x: 10, y: 10, width: 300, height: 200 }, displays)).toEqual({
      x: 10,
      y: 10,
      width: 720,
      height: 480,
    });
  });
});

describe('main window', () => {
  let dir: string;
  let indexPath: string;
  let location: RendererLocation;
  let saved: WindowState[];
  let remembered: WindowState;

  beforeEach(() => {
    resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'cc-window-'));
    indexPath = join(dir, 'index.html');
    writeFileSync(indexPath, '<!doctype html><title>CC Inspector</title>');
    location = { kind: 'app', url: APP_PAGE_URL, root: dir };
    serveAppProtocol(protocol, { root: dir, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    saved = [];
    remembered = { bounds: null, maximized: false };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (
    setCspHeader = true,
    platform: NodeJS.Platform = 'win32',
    onSessionEnd?: () => void,
  ) =>
    createMainWindow({
      platform,
      onSessionEnd,
      BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
      preloadPath: '/app/out/preload/index.cjs',
      location,
      windowState: { load: () => remembered, save: (state) => saved.push(state) },
      displays: () => screen.getAllDisplays(),
      setCspHeader,
      saveDelayMs: 1,
    });
  const only = (): FakeBrowserWindow => {
    const [window] = FakeBrowserWindow.getAllWindows();
    if (!window) throw new Error('no window');
    return window;
  };

  it('loads our page and shows the window once it is ready', async () => {
    open();
    const window = only();
    expect(window.visible).toBe(false);
    await nextTick();
    await nextTick();
    expect(window.webContents.getURL()).toBe(APP_PAGE_URL);
    // The page comes through our scheme, with the CSP on the answer.
    const page = await protocol.fetch(APP_PAGE_URL);
    expect(await page.text()).toContain('<title>CC Inspector</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(window.visible).toBe(true);
  });

  it('restores remembered bounds and the maximized state', async () => {
    remembered = { bounds: { x: 50, y: 60, width: 1100, height: 700 }, maximized: true };
    open();
    expect(only().options).toMatchObject({ x: 50, y: 60, width: 1100, height: 700 });
    await nextTick();
    await nextTick();
    expect(only().isMaximized()).toBe(true);
  });

  it('denies navigation elsewhere, new windows and webviews', async () => {
    open();
    await nextTick();
    const contents = only().webContents;
    expect(contents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(contents.attemptNavigation('file:///etc/passwd')).toBe(false);
    expect(contents.attemptNavigation(pathToFileURL(indexPath).href)).toBe(false);
    expect(contents.attemptNavigation('app://cc-inspector/other.html')).toBe(false);
    expect(contents.attemptNavigation('app://evil/index.html')).toBe(false);
    expect(contents.attemptWindowOpen('https://evil.example/')).toBe('deny');
    expect(contents.attemptNavigation(`${APP_PAGE_URL}#/queues`)).toBe(true);
  });

  it('grants notifications to our page only and denies every other permission', async () => {
    open();
    await nextTick();
    const contents = only().webContents;
    await expect(contents.requestPermission('notifications')).resolves.toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      await expect(contents.requestPermission(permission)).resolves.toBe(false);
    }
    const check = session.defaultSession.permissionCheckHandler;
    expect(check?.(contents, 'notifications', 'file://', {})).toBe(true);
    expect(check?.(contents, 'media', 'file://', {})).toBe(false);
    expect(check?.({}, 'notifications', 'https://evil.example', {})).toBe(false);
  });

  it('sets the strict CSP header in production, replacing any other', async () => {
    open(true);
    const headers = await session.defaultSession.applyHeadersListeners('file:///x', {
      'content-security-policy': ['default-src *'],
      'x-other': ['1'],
    });
    expect(headers).toEqual({
      'x-other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('leaves the header alone for the dev server', () => {
    open(false);
    expect(session.defaultSession.headersListeners).toEqual([]);
  });

  it('hides to the tray on close, saving its bounds, and really closes only when quitting', () => {
    const controller = open();
    const window = only();
    window.setBounds({ x: 10, y: 20, width: 900, height: 600 });
    expect(window.close()).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(window.visible).toBe(false);
    expect(saved.at(-1)).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 600 },
      maximized: false,
    });
    controller.allowClose();
    expect(window.close()).toBe(true);
    expect(controller.get()).toBeNull();
  });

  it('on macOS leaves full screen before hiding (electron/electron#39572: else a black screen)', async () => {
    const controller = open(true, 'darwin');
    const window = only();
    window.setFullScreen(true);
    await nextTick();
    expect(window.isFullScreen()).toBe(true);
    expect(window.close()).toBe(false);
    // Hiding waits for the end of the full-screen animation.
    expect(window.visible).toBe(true);
    await nextTick();
    expect(window.isFullScreen()).toBe(false);
    expect(window.visible).toBe(false);
    controller.show();
    expect(window.visible).toBe(true);
  });

  it('on Linux minimises instead of hiding: no tray host can be relied on to bring it back', () => {
    // GNOME shows no tray icons without an extension, and Electron has no API to ask whether
    // a StatusNotifier host exists; a hidden window there would leave no way back.
    expect(closeBehaviourFor('linux')).toBe('minimize');
    expect(closeBehaviourFor('win32')).toBe('hide');
    expect(closeBehaviourFor('darwin')).toBe('hide');
    open(true, 'linux');
    const window = only();
    window.show();
    expect(window.close()).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.isMinimized()).toBe(true);
  });

  it('reports the end of a Windows session (query-session-end and session-end)', () => {
    let ended = 0;
    open(true, 'win32', () => (ended += 1));
    only().endSession(['logoff']);
    expect(ended).toBe(2);
  });

  it('show() brings the hidden window back, or builds a new one if it was destroyed', () => {
    const controller = open();
    const window = only();
    window.hide();
    controller.show();
    expect(window.visible).toBe(true);
    expect(controller.isFocused()).toBe(true);
    window.destroy();
    controller.show();
    expect(FakeBrowserWindow.created).toHaveLength(2);
    expect(controller.get()).toBe(FakeBrowserWindow.created[1]);
  });

  it('logs a page that fails to load instead of crashing', async () => {
    // No handler for the scheme (as if serveAppProtocol never ran): the load fails, logged.
    resetElectronFake();
    location = { kind: 'app', url: APP_PAGE_URL, root: dir };
    const errors: string[] = [];
    createMainWindow({
      BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
      preloadPath: '/p.cjs',
      location,
      windowState: { load: () => remembered, save: () => undefined },
      displays: () => [],
      setCspHeader: true,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (message) => errors.push(message),
      },
    });
    await nextTick();
    expect(errors).toEqual(['the window page failed to load']);
  });
});

describe('every other WebContents', () => {
  beforeEach(() => resetElectronFake());

  it('may open no window and attach no webview', () => {
    hardenEveryWebContents(app as unknown as WebContentsSource);
    const contents = new FakeWebContents(session.defaultSession);
    app.emit('web-contents-created', createFakeEvent(), contents);
    expect(contents.attemptWindowOpen('https://example.com/')).toBe('deny');
    const attach = createFakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});
