/**
 * Electron accelerator strings shown the way the user's keyboard labels them.
 */

/**
 * The OS the screen runs on, as Node names it (`win32`, `darwin`, `linux`), read from the
 * browser: the sandboxed renderer has no `process`.
 */
export function rendererPlatform(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  if (/Mac|iPhone|iPad/.test(platform)) return 'darwin';
  return /^Win/.test(platform) ? 'win32' : 'linux';
}

/** Whether the screen runs on macOS (for ⌘/⌥ labels). */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

const MAC_LABELS: Record<string, string> = {
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
  Super: '⌘',
  Meta: '⌘',
};

const OTHER_LABELS: Record<string, string> = {
  CommandOrControl: 'Ctrl',
  CmdOrCtrl: 'Ctrl',
  Control: 'Ctrl',
  Command: 'Win',
  Cmd: 'Win',
  Super: 'Win',
  Meta: 'Win',
};

/** "CommandOrControl+Alt+L" → "Ctrl+Alt+L" (or "⌘⌥L" on macOS). */
export function formatAccelerator(accelerator: string, mac: boolean = isMacPlatform()): string {
  const parts = accelerator
    .split('+')
    .map((part) => (mac ? MAC_LABELS[part] : OTHER_LABELS[part]) ?? part);
  return mac ? parts.join('') : parts.join('+');
}
