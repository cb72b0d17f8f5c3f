/**
 * The default hotkeys against what each platform already does with keys. The tables below are
 * the platform facts: characters Windows layouts type with AltGr (= Ctrl+Alt on Windows), the
 * default shortcuts of the common Linux desktops, and menu and system keys on macOS that a
 * global shortcut would silently take (Electron's globalShortcut docs: "the shortcut is global;
 * it will work even if the app does not have the keyboard focus").
 */
import { HOTKEY_ACTIONS } from './domain';
import { acceleratorChord, isAltGrEquivalent } from './accelerator-identity';
import {
  createDefaultSettings,
  DEFAULT_HOTKEYS_BY_PLATFORM,
  defaultHotkeysFor,
} from './settings-defaults';

/** AltGr (Ctrl+Alt on Windows) characters of common layouts: key → what it types. */
const ALTGR_LAYOUTS: Record<string, Record<string, string>> = {
  'Polish (Programmers)': {
    A: 'ą',
    C: 'ć',
    E: 'ę',
    L: 'ł',
    N: 'ń',
    O: 'ó',
    S: 'ś',
    X: 'ź',
    Z: 'ż',
  },
  German: { Q: '@', E: '€', M: 'µ', '2': '²', '3': '³', '7': '{', '8': '[', '9': ']', '0': '}' },
  French: { E: '€', '2': '~', '3': '#', '4': '{', '5': '[', '6': '|', '8': '\\', '0': '@' },
  Czech: { Q: '\\', W: '|', E: '€', F: '[', G: ']', X: '#', C: '&', V: '@', B: '{', N: '}' },
  Hungarian: { Q: '\\', W: '|', F: '[', G: ']', K: 'ł', L: 'Ł', X: '#', C: '&', V: '@', B: '{' },
  Spanish: { E: '€', '1': '|', '2': '@', '3': '#', '4': '~' },
};

/** Default shortcuts of the common Linux desktops (GNOME, KDE Plasma, Xfce, Cinnamon, MATE). */
const LINUX_DESKTOP_SHORTCUTS = [
  'Ctrl+Alt+L', // lock screen: KDE Plasma, Xfce, Cinnamon, MATE
  'Ctrl+Alt+T', // terminal: GNOME (Ubuntu), Cinnamon, MATE, Xfce
  'Ctrl+Alt+D', // show desktop: Cinnamon, MATE, Xfce
  'Ctrl+Alt+Delete', // log out / power off
  'Ctrl+Alt+Backspace',
  'Ctrl+Alt+Up',
  'Ctrl+Alt+Down',
  'Ctrl+Alt+Left',
  'Ctrl+Alt+Right', // workspaces
  'Ctrl+Alt+Escape', // KDE: kill a window
  'Ctrl+Alt+Shift+R', // GNOME: record the screen
  'Ctrl+Alt+Shift+Delete',
  'Ctrl+Alt+Shift+PageUp',
  'Ctrl+Alt+Shift+PageDown', // KDE: log out / reboot / halt without asking
  'Ctrl+Alt+Shift+Up',
  'Ctrl+Alt+Shift+Down',
  'Ctrl+Alt+Shift+Left',
  'Ctrl+Alt+Shift+Right', // move a window to another workspace
  'Super+L',
  'Super+D',
  'Super+A',
  'Super+S',
  'Super+V',
  ...Array.from({ length: 12 }, (_, index) => `Ctrl+Alt+F${index + 1}`), // switch virtual terminal
];

/** Menu and system keys of macOS and its common apps (Safari, Finder, Mail, Chrome, Office). */
const MACOS_TAKEN = [
  'Cmd+Alt+I', // web inspector / developer tools
  'Cmd+Alt+L', // Safari/Finder: downloads
  'Cmd+Alt+W', // close all windows
  'Cmd+Alt+B', // bookmarks
  'Cmd+Alt+S', // save all / sidebar
  'Cmd+Alt+X',
  'Cmd+Alt+H', // hide others
  'Cmd+Alt+M', // minimise all
  'Cmd+Alt+D', // show/hide the Dock
  'Cmd+Alt+V', // Finder: move here
  'Cmd+Alt+Escape', // force quit
  'Cmd+Alt+Shift+V', // paste and match style
  'Cmd+Alt+Shift+S', // save as
  'Cmd+Alt+Shift+Escape',
  'Ctrl+Cmd+F', // full screen
  'Ctrl+Cmd+Q', // lock screen
  'Ctrl+Cmd+Space', // characters
  'Ctrl+Cmd+D', // look up
  'Ctrl+Alt+Cmd+8', // invert colours
  'Ctrl+Alt+Cmd+,',
  'Ctrl+Alt+Cmd+.', // contrast
  'Cmd+Shift+3',
  'Cmd+Shift+4',
  'Cmd+Shift+5', // screenshots
  'Cmd+Space', // Spotlight
  'Ctrl+Space', // input source
];

const chordsOf = (list: readonly string[], platform: string): Set<string | null> =>
  new Set(list.map((text) => acceleratorChord(text, platform)));

describe('default hotkeys per platform', () => {
  it('bind every action to a chord of its own on each platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const defaults = DEFAULT_HOTKEYS_BY_PLATFORM[platform];
      expect(Object.keys(defaults).sort()).toEqual([...HOTKEY_ACTIONS].sort());
      expect(chordsOf(Object.values(defaults), platform).size, platform).toBe(
        HOTKEY_ACTIONS.length,
      );
    }
  });

  it('on Windows, type no AltGr character of any common layout', () => {
    for (const accelerator of Object.values(DEFAULT_HOTKEYS_BY_PLATFORM.win32)) {
      expect(isAltGrEquivalent(accelerator, 'win32'), accelerator).toBe(false);
      for (const [layout, keys] of Object.entries(ALTGR_LAYOUTS)) {
        const taken = chordsOf(
          Object.keys(keys).flatMap((key) => [`Ctrl+Alt+${key}`, `Ctrl+Alt+Shift+${key}`]),
          'win32',
        );
        expect(taken.has(acceleratorChord(accelerator, 'win32')), `${accelerator} ${layout}`).toBe(
          false,
        );
      }
    }
  });

  it('the first edition’s Ctrl+Alt+L/S/X did type ł, ś, ź on a Polish keyboard', () => {
    const polish = ALTGR_LAYOUTS['Polish (Programmers)'] as Record<string, string>;
    for (const key of ['L', 'S', 'X']) {
      expect(polish[key]).toBeDefined();
      expect(isAltGrEquivalent(`CommandOrControl+Alt+${key}`, 'win32')).toBe(true);
    }
  });

  it('on Linux, take no desktop shortcut', () => {
    const taken = chordsOf(LINUX_DESKTOP_SHORTCUTS, 'linux');
    for (const accelerator of Object.values(DEFAULT_HOTKEYS_BY_PLATFORM.linux))
      expect(taken.has(acceleratorChord(accelerator, 'linux')), accelerator).toBe(false);
    expect(taken.has(acceleratorChord('CommandOrControl+Alt+L', 'linux'))).toBe(true);
  });

  it('on macOS, take no menu or system key', () => {
    const taken = chordsOf(MACOS_TAKEN, 'darwin');
    for (const accelerator of Object.values(DEFAULT_HOTKEYS_BY_PLATFORM.darwin))
      expect(taken.has(acceleratorChord(accelerator, 'darwin')), accelerator).toBe(false);
    for (const key of ['I', 'L', 'W'])
      expect(taken.has(acceleratorChord(`CommandOrControl+Alt+${key}`, 'darwin'))).toBe(true);
  });

  it('are what a fresh install of each platform starts with', () => {
    expect(createDefaultSettings('win32').hotkeys).toEqual(DEFAULT_HOTKEYS_BY_PLATFORM.win32);
    expect(createDefaultSettings('darwin').hotkeys).toEqual(DEFAULT_HOTKEYS_BY_PLATFORM.darwin);
    expect(createDefaultSettings('linux').hotkeys).toEqual(DEFAULT_HOTKEYS_BY_PLATFORM.linux);
    expect(defaultHotkeysFor('freebsd')).toBe(DEFAULT_HOTKEYS_BY_PLATFORM.linux);
  });
});
