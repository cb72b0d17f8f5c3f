/**
 * A scriptable stand-in for the `electron` module (no Electron binary exists on the build
 * machines). vitest aliases `electron` to this file; the boot test loads the same file under a
 * Node loader hook. It covers the APIs the desktop shell uses and records what the app did, so
 * tests can assert behaviour (a window's webPreferences, the tray menu, registered shortcuts)
 * and drive it (press a hotkey, click a tray item, invoke an IPC handler, quit).
 */
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeMenu,
  FakeNotification,
  FakeTray,
  globalShortcut,
  ipcMain,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
} from './electron-parts/index';

export * from './electron-parts/index';
export {
  FakeBrowserWindow as BrowserWindow,
  FakeMenu as Menu,
  FakeNotification as Notification,
  FakeTray as Tray,
};

/**
 * The module object as the main process sees it (`import electron from 'electron'`,
 * `require('electron')`). Like Electron, it has no ipcRenderer or contextBridge: libraries
 * such as electron-log decide which process they run in by looking for them.
 */
const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu: FakeMenu,
  nativeImage,
  net,
  Notification: FakeNotification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray: FakeTray,
};
export default electron;
