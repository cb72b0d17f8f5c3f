/**
 * Chromium switches that must be set before `app` is ready, decided from the platform. Linux
 * Wayland: Electron runs as a native Wayland client there, where no app may grab keys for
 * itself; global shortcuts work only through the desktop portal, which Chromium uses when the
 * `GlobalShortcutsPortal` feature is on (Electron's globalShortcut docs: "This is essential
 * for cases when the app runs in a Wayland session").
 */

export interface CommandLineLike {
  appendSwitch(name: string, value?: string): void;
  getSwitchValue(name: string): string;
}

/** Whether this is a Linux desktop session on Wayland. */
export function isWaylandSession(
  platform: string,
  env: Record<string, string | undefined>,
): boolean {
  if (platform !== 'linux') return false;
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * Turn on the global-shortcuts portal in a Wayland session, keeping features already enabled
 * (Chromium keeps only the last `enable-features` switch, so the list is merged, not added).
 * Returns whether it did.
 */
export function applyPlatformSwitches(
  commandLine: CommandLineLike,
  platform: string,
  env: Record<string, string | undefined>,
): boolean {
  if (!isWaylandSession(platform, env)) return false;
  const features = commandLine
    .getSwitchValue('enable-features')
    .split(',')
    .map((feature) => feature.trim())
    .filter(Boolean);
  if (!features.includes('GlobalShortcutsPortal')) features.push('GlobalShortcutsPortal');
  commandLine.appendSwitch('enable-features', features.join(','));
  return true;
}
