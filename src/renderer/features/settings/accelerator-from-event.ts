/**
 * The hotkey recorder's grammar: a key press (with modifiers) becomes an Electron accelerator
 * string such as "CommandOrControl+Alt+L". Physical key codes are used, so the result does not
 * depend on the keyboard layout or on what Shift makes of a key. Ctrl/⌘ + an editing key is
 * refused here as in main (shared/editing-keys.ts).
 */
import { shadowsEditingKey } from '../../../shared/editing-keys';

export type RecordedKey =
  | { kind: 'accelerator'; accelerator: string }
  /** Only modifiers so far: keep listening. */
  | { kind: 'incomplete' }
  | { kind: 'cancel' }
  /** Backspace or Delete alone: remove the binding. */
  | { kind: 'clear' }
  | { kind: 'invalid'; reason: 'needsModifier' | 'unsupportedKey' | 'editingKey' };

export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

const NAMED_CODES: Record<string, string> = {
  Space: 'Space',
  Enter: 'Return',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
  PrintScreen: 'PrintScreen',
};

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$/;

/** The accelerator key name of a physical key, or null when Electron has none for it. */
function readKeyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] as string;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1] as string;
  const fn = /^F([1-9]|1[0-9]|2[0-4])$/.exec(code);
  if (fn) return code;
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  return NAMED_CODES[code] ?? null;
}

/** Turn one key press into an accelerator (or say why not). */
export function readAccelerator(press: KeyPress, mac: boolean): RecordedKey {
  const anyModifier = press.ctrlKey || press.metaKey || press.altKey || press.shiftKey;
  if (
    MODIFIER_CODES.test(press.code) ||
    ['Control', 'Shift', 'Alt', 'Meta', 'OS'].includes(press.key)
  )
    return { kind: 'incomplete' };
  if (!anyModifier && press.code === 'Escape') return { kind: 'cancel' };
  if (!anyModifier && (press.code === 'Backspace' || press.code === 'Delete'))
    return { kind: 'clear' };

  const modifiers: string[] = [];
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && press.ctrlKey) modifiers.push('Control');
  if (!mac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');

  const key = press.code === 'Escape' ? 'Escape' : readKeyName(press.code);
  if (key === null) return { kind: 'invalid', reason: 'unsupportedKey' };
  const isFunctionKey = /^F\d+$/.test(key);
  // A global shortcut without Ctrl/Alt/Cmd would steal ordinary typing from every other app.
  const strongModifier = modifiers.some((modifier) => modifier !== 'Shift');
  if (!strongModifier && !isFunctionKey) return { kind: 'invalid', reason: 'needsModifier' };
  if (shadowsEditingKey(modifiers, key)) return { kind: 'invalid', reason: 'editingKey' };
  return { kind: 'accelerator', accelerator: [...modifiers, key].join('+') };
}
