/** Every part of the Electron fake, plus one reset for test isolation. */
import { app, powerMonitor, screen } from './app';
import { resetIpc } from './ipc';
import { resetProtocol } from './protocol';
import { resetSessions } from './session';
import { resetShellUi } from './shell-ui';
import { resetWindows } from './windows';

export { app, FakeApp, FakePowerMonitor, powerMonitor, screen, type FakeDisplay } from './app';
export { createFakeEvent, type FakeEvent } from './event';
export { contextBridge, FakeIpcMain, FakeIpcRenderer, ipcMain, ipcRenderer } from './ipc';
export { protocol } from './protocol';
export { netRequests, type FakeNetRequestOptions } from './net-request';
export {
  FakeSession,
  net,
  session,
  type FakeCertificate,
  type FakeVerifyRequest,
  type VerifyProc,
} from './session';
export {
  dialog,
  FakeMenu,
  FakeNativeImage,
  FakeNotification,
  FakeTray,
  globalShortcut,
  nativeImage,
  shell,
  type FakeMenuItem,
} from './shell-ui';
export {
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrameMain,
  type FakeRectangle,
} from './windows';

/** Forget every window, handler, listener, recorded call and scripted answer. */
export function resetElectronFake(): void {
  resetWindows();
  resetIpc();
  resetProtocol();
  resetSessions();
  resetShellUi();
  app.reset();
  powerMonitor.removeAllListeners();
  screen.reset();
}
