/**
 * The app's life: a second launch focuses the running window; waking from sleep or unlocking
 * the screen re-checks the gateway session; quitting signs out first (within a time limit, so a
 * dead network cannot keep the app alive), then releases hotkeys and the tray. Windows ends a
 * session (shutdown, restart, log-off) without `before-quit` (Electron's app docs), so the
 * window's `session-end` starts the same sign-out through `endSession`.
 */
import type { Logger } from '../supervisor/ports';
import type { SupervisorCore } from '../supervisor/supervisor-api';

/** The `app` events and methods the lifecycle uses. */
export interface AppLike {
  on(
    event: 'second-instance' | 'activate' | 'window-all-closed' | 'will-quit',
    listener: () => void,
  ): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface LifecycleOptions {
  app: AppLike;
  powerMonitor: PowerMonitorLike;
  core: Pick<SupervisorCore, 'onResume' | 'dispose'>;
  window: { show(): void; allowClose(): void };
  /** Last step before the process ends: unregister hotkeys, remove the tray, unbind IPC. */
  onWillQuit: () => void;
  /** How long signing out may delay quitting. Default 3 s. */
  disposeTimeoutMs?: number;
  logger?: Logger;
}

export interface AppLifecycle {
  /** Windows is ending the session: sign out now and quit (idempotent, like quitting). */
  endSession(): void;
}

/** Wire the app's lifecycle events. */
export function bindAppLifecycle(options: LifecycleOptions): AppLifecycle {
  const { app, core, window, logger } = options;
  let disposing = false;
  let disposed = false;

  app.on('second-instance', () => window.show());
  // macOS: clicking the dock icon with no visible window.
  app.on('activate', () => window.show());
  // The app lives in the tray: no window is no reason to quit.
  app.on('window-all-closed', () => undefined);

  for (const event of ['resume', 'unlock-screen'] as const) {
    options.powerMonitor.on(event, () => {
      logger?.info('system event: re-checking the session', { event });
      core.onResume();
    });
  }

  /** Sign out within the time limit, then quit for real. */
  const signOutThenQuit = (): void => {
    if (disposing || disposed) return;
    disposing = true;
    const limit = options.disposeTimeoutMs ?? 3_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeLimit = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger?.warn('sign-out did not finish in time; quitting anyway', { limitMs: limit });
        resolve();
      }, limit);
    });
    Promise.race([core.dispose(), timeLimit])
      .catch((error: unknown) => logger?.error('sign-out at quit failed', { error: String(error) }))
      .finally(() => {
        clearTimeout(timer);
        disposed = true;
        app.quit();
      });
  };

  app.on('before-quit', (event) => {
    window.allowClose();
    if (disposed) return;
    event.preventDefault();
    signOutThenQuit();
  });

  app.on('will-quit', () => options.onWillQuit());

  return {
    endSession() {
      logger?.info('the OS is ending the session: signing out');
      window.allowClose();
      signOutThenQuit();
    },
  };
}
