/**
 * The wallboard window: hardened like the main window, full screen on the chosen display,
 * the same page with `#wallboard` (Electron `loadFile(path, { hash })`, see
 * https://www.electronjs.org/docs/latest/api/browser-window#winloadfilefilepath-options),
 * and independent of the main window.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FakeBrowserWindow,
  protocol,
  resetElectronFake,
} from '../../../../test/support/fakes/electron';
import type { BrowserWindowConstructor } from './main-window';
import {
  buildWallboardOptions,
  chooseWallboardDisplay,
  createWallboardWindow,
  type WallboardDisplay,
} from './wallboard-window';

const nextTick = () => new Promise((resolve) => setImmediate(resolve));
const display = (x: number): WallboardDisplay => ({
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

let dir: string;
beforeEach(() => {
  resetElectronFake();
  // The page's scheme is served by main (app-protocol.ts).
  protocol.handle('app', () => new Response('<!doctype html>'));
  dir = mkdtempSync(join(tmpdir(), 'wallboard-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('wallboard window', () => {
  it('chooses the configured display, else the first', () => {
    const displays = [display(0), display(1920)];
    expect(chooseWallboardDisplay(displays, 1)?.bounds.x).toBe(1920);
    expect(chooseWallboardDisplay(displays, 5)?.bounds.x).toBe(0);
    expect(chooseWallboardDisplay(displays, null)?.bounds.x).toBe(0);
    expect(chooseWallboardDisplay([], 0)).toBeNull();
  });

  it('is full screen on that display, with the main window’s security settings', () => {
    const options = buildWallboardOptions({ preloadPath: '/p.cjs', display: display(1920) });
    expect(options).toMatchObject({ fullscreen: true, x: 1920, y: 0, width: 1920, height: 1080 });
    expect(options.webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('loads the app page with #wallboard, opens once, and can be closed and opened again', async () => {
    const controller = createWallboardWindow({
      BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
      preloadPath: '/p.cjs',
      location: { kind: 'app', url: 'app://cc-inspector/index.html', root: dir },
      displays: () => [display(0), display(1920)],
      displayIndex: () => 1,
    });
    controller.open();
    await nextTick();
    const [first] = FakeBrowserWindow.created;
    expect(first?.options).toMatchObject({ fullscreen: true, x: 1920 });
    expect(first?.webContents.getURL()).toMatch(/index\.html#wallboard$/);
    controller.open();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    controller.close();
    expect(controller.get()).toBeNull();
    controller.open();
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });
});
