/**
 * Fake `app`, `powerMonitor` and `screen`: event emitters with Electron's event order
 * (before-quit → windows close → will-quit → quit) and scriptable paths, lock and displays.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeEvent } from './event';
import { closeAllWindowsForQuit } from './windows';

function defaultHome(): string {
  return (
    process.env.ELECTRON_FAKE_HOME ?? join(tmpdir(), `cc-inspector-electron-fake-${process.pid}`)
  );
}

/** ELECTRON_FAKE_PACKAGED=1: the app runs as a packaged build (boot tests of packaged rules). */
const packagedFromEnvironment = (): boolean => process.env.ELECTRON_FAKE_PACKAGED === '1';

export class FakeApp extends EventEmitter {
  isPackaged = packagedFromEnvironment();
  name = 'CC Inspector';
  /** What requestSingleInstanceLock answers (false: another instance runs). */
  singleInstanceLockAvailable = true;
  singleInstanceLockRequested = false;
  /** Resolve whenReady by itself on the next tick (off: call markReady). */
  autoReady = true;
  quitRequested = 0;
  hasQuit = false;
  exitCode: number | null = null;
  readonly dock: { hidden: boolean; hide(): void; show(): Promise<void> } | undefined =
    process.platform === 'darwin'
      ? {
          hidden: false,
          hide() {
            this.hidden = true;
          },
          show() {
            this.hidden = false;
            return Promise.resolve();
          },
        }
      : undefined;
  /** What setAppUserModelId was last given (Windows ties toasts to it). */
  appUserModelId: string | null = null;
  /** Options of every app.focus call. */
  readonly focusCalls: Array<{ steal?: boolean } | undefined> = [];
  /** Chromium switches appended before ready (`app.commandLine`). */
  readonly commandLine = {
    switches: new Map<string, string>(),
    appendSwitch(name: string, value = ''): void {
      this.switches.set(name, value);
    },
    getSwitchValue(name: string): string {
      return this.switches.get(name) ?? '';
    },
    hasSwitch(name: string): boolean {
      return this.switches.has(name);
    },
  };
  private readonly paths = new Map<string, string>();
  private ready = false;
  private readyWaiters: Array<() => void> = [];

  /** Like Electron, only a path: whoever writes there creates the folder. */
  getPath(name: string): string {
    return this.paths.get(name) ?? join(defaultHome(), name);
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getAppPath(): string {
    return process.env.ELECTRON_FAKE_APP_PATH ?? process.cwd();
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.name = name;
  }
  getLocale(): string {
    return 'en-US';
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  focus(options?: { steal?: boolean }): void {
    this.focusCalls.push(options);
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    const waiting = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    if (this.autoReady) setImmediate(() => this.markReady());
    return waiting;
  }
  /** Test helper: become ready now (emits `ready`). */
  markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', createFakeEvent(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
  requestSingleInstanceLock(): boolean {
    this.singleInstanceLockRequested = true;
    return this.singleInstanceLockAvailable;
  }
  /** Electron's order: before-quit (preventable), close every window (preventable), will-quit (preventable), quit. */
  quit(): void {
    this.quitRequested += 1;
    const beforeQuit = createFakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    if (!closeAllWindowsForQuit()) return;
    const willQuit = createFakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.hasQuit = true;
    this.emit('quit', createFakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.hasQuit = true;
  }
  /** Test helper: forget listeners and scripted answers. */
  reset(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.isPackaged = packagedFromEnvironment();
    this.singleInstanceLockAvailable = true;
    this.singleInstanceLockRequested = false;
    this.autoReady = true;
    this.quitRequested = 0;
    this.hasQuit = false;
    this.exitCode = null;
    this.appUserModelId = null;
    this.focusCalls.splice(0);
    this.commandLine.switches.clear();
    this.ready = false;
    this.readyWaiters = [];
  }
}

export const app = new FakeApp();

export class FakePowerMonitor extends EventEmitter {
  getSystemIdleTime(): number {
    return 0;
  }
}
export const powerMonitor = new FakePowerMonitor();

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface FakeDisplay {
  id: number;
  bounds: FakeRectangle;
  workArea: FakeRectangle;
  scaleFactor: number;
}

const defaultDisplays = (): FakeDisplay[] => [
  {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  },
];

export const screen = {
  displays: defaultDisplays(),
  getAllDisplays(): FakeDisplay[] {
    return screen.displays;
  },
  getPrimaryDisplay(): FakeDisplay {
    return screen.displays[0] as FakeDisplay;
  },
  reset(): void {
    screen.displays = defaultDisplays();
  },
};
