/**
 * Shortcuts every application needs for editing and windows — copy, paste, cut, undo, redo,
 * select all, save, find, close, quit, next field/tab — with or without Shift. A global hotkey
 * on one of them would swallow it in every other program (and a supervisor pressing Ctrl+C in
 * a ticket could barge into a call), so the recorder and main both refuse them.
 */

/** Keys that, with Ctrl (⌘ on macOS) alone or with Shift, edit text or handle windows. */
export const EDITING_KEYS: ReadonlySet<string> = new Set([
  'C',
  'V',
  'X',
  'Z',
  'Y',
  'A',
  'S',
  'F',
  'W',
  'Q',
  'Tab',
]);

/** Ctrl, ⌘ or either: Electron reads `Super`, `Meta`, `Cmd` and `Command` as one key (⌘ on macOS). */
const COMMAND_MODIFIERS = new Set(['CommandOrControl', 'Control', 'Command', 'Super']);
const ALT_MODIFIERS = new Set(['Alt', 'AltGr']);

/**
 * Whether an accelerator (canonical modifier names, e.g. `CommandOrControl`, `Shift`; key as
 * Electron spells it) is one of Ctrl/⌘ (+ Shift) + an editing key, on any platform. Alt, or Ctrl
 * and ⌘ together, make it a chord no editor uses, so those stay allowed.
 */
export function shadowsEditingKey(modifiers: readonly string[], key: string): boolean {
  const commands = modifiers.filter((modifier) => COMMAND_MODIFIERS.has(modifier)).length;
  return (
    EDITING_KEYS.has(key) &&
    commands === 1 &&
    !modifiers.some((modifier) => ALT_MODIFIERS.has(modifier))
  );
}
