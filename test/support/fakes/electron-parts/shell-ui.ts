/**
 * Fake Tray, Menu, nativeImage, globalShortcut, Notification, dialog and shell. Each records
 * what the app asked for and answers as scripted, with Electron's failure modes: an image from
 * a missing file is empty, a shortcut owned elsewhere registers as `false`, a malformed
 * accelerator throws.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { acceleratorChord } from '../../../../src/shared/accelerator-identity';
import { app } from './app';

export class FakeNativeImage {
  private template = false;
  constructor(
    readonly path: string | null,
    private readonly empty: boolean,
  ) {}
  isEmpty(): boolean {
    return this.empty;
  }
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** ICONDIR of an .ico file: reserved 0, type 1 (icon). */
const ICO_SIGNATURE = Buffer.from([0x00, 0x00, 0x01, 0x00]);

export const nativeImage = {
  /** Like Electron: a file that is no PNG (or, as on Windows, ICO) gives an empty image. */
  createFromPath(path: string): FakeNativeImage {
    const head = existsSync(path) ? readFileSync(path).subarray(0, 8) : Buffer.alloc(0);
    const readable =
      head.equals(PNG_SIGNATURE) ||
      (path.endsWith('.ico') && head.subarray(0, 4).equals(ICO_SIGNATURE));
    const image = new FakeNativeImage(path, !readable);
    // Electron marks files named *Template.png as template images by itself.
    if (/Template(@\dx)?\.png$/.test(path)) image.setTemplateImage(true);
    return image;
  },
  createEmpty(): FakeNativeImage {
    return new FakeNativeImage(null, true);
  },
};

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: FakeMenuItem[] | FakeMenu;
  click?: (...args: unknown[]) => void;
  [key: string]: unknown;
}

/**
 * A menu, with Electron's `menu-will-show` / `menu-will-close` events: `open()` and `close()`
 * play the user opening the tray menu and dismissing it.
 */
export class FakeMenu extends EventEmitter {
  static applicationMenu: FakeMenu | null = null;
  static buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }
  constructor(readonly items: FakeMenuItem[]) {
    super();
  }
  /** Test helper: the user opens the menu. */
  open(): void {
    this.emit('menu-will-show', {});
  }
  /** Test helper: the menu closes (dismissed, or after a click). */
  close(): void {
    this.emit('menu-will-close', {});
  }
  /** Test helper: the item at a label path, e.g. `['Longest calls', '1001 …']`. */
  find(...labels: string[]): FakeMenuItem | undefined {
    let items: FakeMenuItem[] = this.items;
    let found: FakeMenuItem | undefined;
    for (const label of labels) {
      found = items.find((item) => item.label === label);
      if (!found) return undefined;
      const sub = found.submenu;
      items = sub instanceof FakeMenu ? sub.items : (sub ?? []);
    }
    return found;
  }
  /** Test helper: click an item as the user would (disabled items do nothing). */
  click(...labels: string[]): void {
    const item = this.find(...labels);
    if (!item) throw new Error(`no menu item ${labels.join(' > ')}`);
    if (item.enabled === false) return;
    item.click?.(item, undefined, {});
  }
}

export class FakeTray extends EventEmitter {
  static readonly instances: FakeTray[] = [];
  tooltip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  /** Every menu set with setContextMenu, in order (replacing a shown one closes it on macOS). */
  readonly contextMenus: FakeMenu[] = [];
  private destroyed = false;
  constructor(public image: FakeNativeImage | string) {
    super();
    FakeTray.instances.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
    if (menu) this.contextMenus.push(menu);
  }
  popUpContextMenu(): void {}
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const MODIFIER_TOKENS = new Set([
  'commandorcontrol',
  'cmdorctrl',
  'control',
  'ctrl',
  'command',
  'cmd',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);
const KEY =
  /^(?:[a-z0-9]|[)!@#$%^&*(:;<=,_\->.?/~`{\]}[|\\"']|f(?:[1-9]|1[0-9]|2[0-4])|plus|space|tab|capslock|numlock|scrolllock|backspace|delete|insert|return|enter|up|down|left|right|home|end|pageup|pagedown|escape|esc|volumeup|volumedown|volumemute|medianexttrack|mediaprevioustrack|mediastop|mediaplaypause|printscreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/;

/**
 * Electron's accelerator conversion as seen on Linux/Windows: one identity per key chord, with
 * Electron's own readings (Super = Meta = Cmd = Command; `!` = Shift+1; CommandOrControl = Ctrl).
 * A token Electron does not know throws, as `globalShortcut.register` does.
 */
function acceleratorIdentity(accelerator: string): string {
  const tokens = accelerator.split('+').map((token) => token.trim().toLowerCase());
  const keys = tokens.filter((token) => !MODIFIER_TOKENS.has(token));
  if (keys.length !== 1 || !KEY.test(keys[0] as string))
    throw new TypeError(
      `Error processing argument at index 0, conversion failure from ${accelerator}`,
    );
  return acceleratorChord(accelerator, 'linux') as string;
}

export const globalShortcut = {
  /** Identity → callback of every shortcut this app holds. */
  registered: new Map<string, () => void>(),
  /** Identities other applications own (register answers false). */
  ownedElsewhere: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    const identity = acceleratorIdentity(accelerator);
    if (globalShortcut.ownedElsewhere.has(identity) || globalShortcut.registered.has(identity))
      return false;
    globalShortcut.registered.set(identity, callback);
    return true;
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(acceleratorIdentity(accelerator));
  },
  isRegistered(accelerator: string): boolean {
    return globalShortcut.registered.has(acceleratorIdentity(accelerator));
  },
  unregisterAll(): void {
    globalShortcut.registered.clear();
  },
  /** Test helper: another application takes this key chord. */
  occupy(accelerator: string): void {
    globalShortcut.ownedElsewhere.add(acceleratorIdentity(accelerator));
  },
  /** Test helper: the user presses the chord; returns whether this app received it. */
  press(accelerator: string): boolean {
    const callback = globalShortcut.registered.get(acceleratorIdentity(accelerator));
    callback?.();
    return callback !== undefined;
  },
};

/**
 * Like Electron's, the fake holds a shown notification only weakly (electron/electron#16922:
 * one the app does not keep is garbage-collected and its click is lost): `shown` is the
 * test's record, `shownWeakly` what "the OS" can still deliver events to once the test lets
 * go of `shown`.
 */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static readonly shown: FakeNotification[] = [];
  static readonly shownWeakly: Array<WeakRef<FakeNotification>> = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(
    readonly options: { title?: string; body?: string; silent?: boolean; urgency?: string } = {},
  ) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
    FakeNotification.shownWeakly.push(new WeakRef(this));
    this.emit('show');
  }
  close(): void {
    this.emit('close');
  }
}

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}

export const dialog = {
  /** What the next message box answers (the index of the button the user picks). */
  nextMessageBoxResponse: 0,
  /** Every message box: its parent window (or null), options, and app.focus calls before it. */
  messageBoxes: [] as Array<{
    parent: unknown;
    options: Record<string, unknown>;
    focusCallsBefore: Array<{ steal?: boolean } | undefined>;
  }>,
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = args.at(-1) as Record<string, unknown>;
    dialog.messageBoxes.push({
      parent: args.length > 1 ? args[0] : null,
      options,
      focusCallsBefore: [...app.focusCalls],
    });
    return Promise.resolve({ response: dialog.nextMessageBoxResponse, checkboxChecked: false });
  },
  nextSaveAnswer: { canceled: true } as SaveDialogAnswer,
  saveDialogs: [] as unknown[],
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showSaveDialog(...args: unknown[]): Promise<SaveDialogAnswer> {
    dialog.saveDialogs.push(args.at(-1));
    return Promise.resolve(dialog.nextSaveAnswer);
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
};

export const shell = {
  openedPaths: [] as string[],
  openedExternal: [] as string[],
  /** What openPath answers: '' on success, else an error message (Electron's contract). */
  nextOpenPathAnswer: '',
  openPath(path: string): Promise<string> {
    shell.openedPaths.push(path);
    return Promise.resolve(shell.nextOpenPathAnswer);
  },
  openExternal(url: string): Promise<void> {
    shell.openedExternal.push(url);
    return Promise.resolve();
  },
};

/** Test helper: forget every recorded call and scripted answer. */
export function resetShellUi(): void {
  FakeTray.instances.splice(0);
  FakeMenu.applicationMenu = null;
  globalShortcut.registered.clear();
  globalShortcut.ownedElsewhere.clear();
  FakeNotification.supported = true;
  FakeNotification.shown.splice(0);
  FakeNotification.shownWeakly.splice(0);
  dialog.nextSaveAnswer = { canceled: true };
  dialog.nextMessageBoxResponse = 0;
  dialog.messageBoxes.splice(0);
  dialog.saveDialogs.splice(0);
  dialog.errorBoxes.splice(0);
  shell.openedPaths.splice(0);
  shell.openedExternal.splice(0);
  shell.nextOpenPathAnswer = '';
}
