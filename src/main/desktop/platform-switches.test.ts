/**
 * Platform fact: Electron 45 runs as a native Wayland client in a Wayland session, where apps
 * cannot grab global keys; Electron's globalShortcut docs enable Chromium's portal with
 * `app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')` before ready.
 * Chromium's CommandLine keeps the last value of a repeated switch, so features are merged.
 */
import { applyPlatformSwitches, isWaylandSession } from './platform-switches';

function commandLine(initial: Record<string, string> = {}) {
  const switches = new Map(Object.entries(initial));
  return {
    switches,
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
  };
}

describe('platform switches', () => {
  it('recognises a Wayland session by XDG_SESSION_TYPE or WAYLAND_DISPLAY, on Linux only', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
    expect(isWaylandSession('win32', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });

  it('enables the global-shortcuts portal on Wayland, keeping other enabled features', () => {
    const line = commandLine({ 'enable-features': 'WaylandWindowDecorations' });
    expect(applyPlatformSwitches(line, 'linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(line.switches.get('enable-features')).toBe(
      'WaylandWindowDecorations,GlobalShortcutsPortal',
    );
    applyPlatformSwitches(line, 'linux', { XDG_SESSION_TYPE: 'wayland' });
    expect(line.switches.get('enable-features')).toBe(
      'WaylandWindowDecorations,GlobalShortcutsPortal',
    );
  });

  it('leaves X11, Windows and macOS alone', () => {
    for (const [platform, env] of [
      ['linux', { XDG_SESSION_TYPE: 'x11' }],
      ['win32', {}],
      ['darwin', {}],
    ] as const) {
      const line = commandLine();
      expect(applyPlatformSwitches(line, platform, env)).toBe(false);
      expect(line.switches.size).toBe(0);
    }
  });
});
