import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  FakeBrowserWindow,
  powerMonitor,
  resetElectronFake,
} from '../../../test/support/fakes/electron';
import { waitFor } from '../../../test/support/wait-for';
import { bindAppLifecycle } from './app-lifecycle';

describe('app lifecycle', () => {
  let resumes: number;
  let shows: number;
  let willQuit: number;
  let disposeCalls: number;
  let finishDispose: () => void;
  let disposeOutcome: 'wait' | 'reject';
  let closingAllowed: boolean;
  let window: FakeBrowserWindow;

  beforeEach(() => {
    resetElectronFake();
    resumes = 0;
    shows = 0;
    willQuit = 0;
    disposeCalls = 0;
    finishDispose = () => undefined;
    disposeOutcome = 'wait';
    closingAllowed = false;
    window = new FakeBrowserWindow({});
    // The real main window hides on close unless quitting.
    window.on('close', (event: { preventDefault(): void }) => {
      if (!closingAllowed) event.preventDefault();
    });
  });

  const bind = (disposeTimeoutMs = 1_000) =>
    bindAppLifecycle({
      app,
      powerMonitor,
      core: {
        onResume: () => (resumes += 1),
        dispose: () => {
          disposeCalls += 1;
          if (disposeOutcome === 'reject') return Promise.reject(new Error('network down'));
          return new Promise<void>((resolve) => (finishDispose = resolve));
        },
      },
      window: { show: () => (shows += 1), allowClose: () => (closingAllowed = true) },
      onWillQuit: () => (willQuit += 1),
      disposeTimeoutMs,
    });
  /** The quit sequence settles within a few timer turns; half a second is ample. */
  const waitForQuit = () =>
    waitFor(() => app.hasQuit, { what: 'the app to quit', timeoutMs: 500, intervalMs: 2 });

  it('re-checks the session after sleep and after unlocking the screen', () => {
    bind();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(resumes).toBe(2);
  });

  it('focuses the running window on a second launch and on macOS activate', () => {
    bind();
    app.emit('second-instance', {}, [], '/');
    app.emit('activate');
    expect(shows).toBe(2);
  });

  it('keeps running when every window is closed', () => {
    bind();
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });

  it('signs out before quitting, then closes the window and releases everything', async () => {
    bind();
    app.quit();
    expect(disposeCalls).toBe(1);
    expect(app.hasQuit).toBe(false);
    app.quit();
    expect(disposeCalls).toBe(1);
    finishDispose();
    await waitForQuit();
    expect(app.hasQuit).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    expect(willQuit).toBe(1);
  });

  it('quits anyway when signing out hangs past the time limit', async () => {
    bind(20);
    app.quit();
    await waitForQuit();
    expect(app.hasQuit).toBe(true);
    expect(willQuit).toBe(1);
  });

  it('quits anyway when signing out fails', async () => {
    disposeOutcome = 'reject';
    bind();
    app.quit();
    await waitForQuit();
    expect(app.hasQuit).toBe(true);
  });

  it('signs out when Windows ends the session, where no before-quit comes', async () => {
    // Electron's app docs (before-quit): "on Windows, this event will not be emitted if the app
    // is closed due to a shutdown/restart of the system or a user logout"; BrowserWindow emits
    // `session-end` (win32) instead.
    const lifecycle = bind();
    let beforeQuit = 0;
    app.on('before-quit', () => (beforeQuit += 1));
    window.on('session-end', () => lifecycle.endSession());
    window.endSession(['logoff']);
    expect(disposeCalls).toBe(1);
    expect(beforeQuit).toBe(0);
    lifecycle.endSession();
    expect(disposeCalls).toBe(1);
    finishDispose();
    await waitFor(() => app.hasQuit);
    expect(app.hasQuit).toBe(true);
    expect(willQuit).toBe(1);
  });
});
