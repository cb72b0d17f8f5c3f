/**
 * Electron accelerator strings shown the way the user's keyboard labels them.
 */

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
