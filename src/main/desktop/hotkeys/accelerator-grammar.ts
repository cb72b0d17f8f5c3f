/**
 * A pure validator of Electron accelerator strings (`CommandOrControl+Alt+L`), so a bad binding
 * is refused with a reason before `globalShortcut.register` throws on it, and two spellings of
 * the same shortcut (`Ctrl+Alt+L`, `control+alt+l`, `Super+L`/`Cmd+L`, `Ctrl+!`/`Ctrl+Shift+1`)
 * are recognised as one. Shortcuts that shadow an editing key (Ctrl/⌘ + C, V, X, …;
 * shared/editing-keys.ts) are refused too.
 */
import { acceleratorChord, MODIFIER_SPELLINGS } from '../../../shared/accelerator-identity';
import { shadowsEditingKey } from '../../../shared/editing-keys';

/** Canonical modifier names, in the order a normalised accelerator lists them. */
const MODIFIER_ORDER = [
  'CommandOrControl',
  'Command',
  'Control',
  'Alt',
  'AltGr',
  'Shift',
  'Super',
] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

/** Named key codes (lower case) → canonical spelling. */
const NAMED_KEYS: ReadonlyMap<string, string> = new Map(
  [
    'Plus',
    'Space',
    'Tab',
    'Capslock',
    'Numlock',
    'Scrolllock',
    'Backspace',
    'Delete',
    'Insert',
    'Return',
    'Up',
    'Down',
    'Left',
    'Right',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'Escape',
    'VolumeUp',
    'VolumeDown',
    'VolumeMute',
    'MediaNextTrack',
    'MediaPreviousTrack',
    'MediaStop',
    'MediaPlayPause',
    'PrintScreen',
    'num0',
    'num1',
    'num2',
    'num3',
    'num4',
    'num5',
    'num6',
    'num7',
    'num8',
    'num9',
    'numdec',
    'numadd',
    'numsub',
    'nummult',
    'numdiv',
  ].map((name) => [name.toLowerCase(), name] as const),
);
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['enter', 'Return'],
  ['esc', 'Escape'],
]);

/** Single printable characters Electron maps to key codes ('+' itself must be written `Plus`). */
const PUNCTUATION = new Set([...')!@#$%^&*(:;<=,_->.?/~`{]}[|\\"\'']);

/** Keys that may stand alone as a global shortcut: they type nothing in other applications. */
const STANDALONE_KEY = /^(?:F(?:1[3-9]|2[0-4])|Media\w+|Volume\w+)$/;

export interface ParsedAccelerator {
  modifiers: Modifier[];
  key: string;
  /** Canonical spelling: modifiers in a fixed order, then the key (`CommandOrControl+Alt+L`). */
  normalized: string;
}

export type AcceleratorCheck =
  { ok: true; value: ParsedAccelerator } | { ok: false; reason: string; reasonZh: string };

const refuse = (reason: string, reasonZh: string): AcceleratorCheck => ({
  ok: false,
  reason,
  reasonZh,
});

/** Canonical spelling of one non-modifier key, or null when Electron has no such key code. */
function normalizeKey(token: string): string | null {
  if (/^[a-z0-9]$/i.test(token)) return token.toUpperCase();
  if (token.length === 1 && PUNCTUATION.has(token)) return token;
  const lower = token.toLowerCase();
  const functionKey = /^f([1-9]|1[0-9]|2[0-4])$/.exec(lower);
  if (functionKey) return `F${functionKey[1]}`;
  return KEY_ALIASES.get(lower) ?? NAMED_KEYS.get(lower) ?? null;
}

/** Parse and validate an accelerator for use as a global hotkey. */
export function parseAccelerator(text: string): AcceleratorCheck {
  const trimmed = text.trim();
  if (trimmed === '') return refuse('The shortcut is empty.', '快捷键为空。');
  if (trimmed.length > 64) return refuse('The shortcut is too long.', '快捷键过长。');
  const tokens = trimmed.split('+').map((token) => token.trim());
  if (tokens.some((token) => token === '')) {
    return refuse(
      'Write the plus key as "Plus", and leave no empty part between "+" signs.',
      '加号键请写作 "Plus"，"+" 之间不能为空。',
    );
  }
  const modifiers: Modifier[] = [];
  let key: string | null = null;
  for (const token of tokens) {
    const modifier = MODIFIER_SPELLINGS.get(token.toLowerCase());
    if (modifier) {
      if (modifiers.includes(modifier))
        return refuse(`"${token}" appears twice.`, `"${token}" 重复出现。`);
      modifiers.push(modifier);
      continue;
    }
    const normalizedKey = normalizeKey(token);
    if (normalizedKey === null)
      return refuse(`"${token}" is not a key Electron knows.`, `无法识别的按键 "${token}"。`);
    if (key !== null)
      return refuse('A shortcut has exactly one non-modifier key.', '快捷键只能包含一个非修饰键。');
    key = normalizedKey;
  }
  if (key === null)
    return refuse(
      'A shortcut needs a key besides the modifiers.',
      '快捷键需要一个修饰键以外的按键。',
    );
  // Electron reads Super, Meta, Cmd and Command as one key (keyboard_util.cc): two of them
  // name it twice.
  if (modifiers.includes('Command') && modifiers.includes('Super')) {
    return refuse(
      'Super, Meta, Cmd and Command are the same key: name it once.',
      'Super、Meta、Cmd 与 Command 是同一个键，只能写一次。',
    );
  }
  // On Windows and Linux CommandOrControl *is* Control: both together name one key twice.
  if (
    modifiers.includes('CommandOrControl') &&
    (modifiers.includes('Control') || modifiers.includes('Command'))
  ) {
    return refuse(
      'CommandOrControl already means Command (macOS) or Control (elsewhere).',
      'CommandOrControl 已表示 Command（macOS）或 Control（其他系统）。',
    );
  }
  // A global shortcut steals its key from every application; a bare or Shift-only printable key
  // would make that key untypeable everywhere.
  const strongModifiers = modifiers.filter((modifier) => modifier !== 'Shift');
  if (strongModifiers.length === 0 && !STANDALONE_KEY.test(key)) {
    return refuse(
      'Add Ctrl/Cmd, Alt or Super: a global shortcut without one would block typing in other apps.',
      '请加上 Ctrl/Cmd、Alt 或 Super：否则该全局快捷键会妨碍在其他应用中输入。',
    );
  }
  if (shadowsEditingKey(modifiers, key)) {
    return refuse(
      `Ctrl/⌘ + ${key} is an editing shortcut every application needs (copy, paste, undo, save, find…): add Alt, or pick another key.`,
      `Ctrl/⌘ + ${key} 是所有应用都需要的编辑快捷键（复制、粘贴、撤销、保存、查找等）：请加上 Alt 或换一个按键。`,
    );
  }
  const ordered = MODIFIER_ORDER.filter((modifier) => modifiers.includes(modifier));
  return { ok: true, value: { modifiers: ordered, key, normalized: [...ordered, key].join('+') } };
}

/** Canonical spelling of an accelerator, or null when it is invalid. */
export function normalizeAccelerator(text: string): string | null {
  const parsed = parseAccelerator(text);
  return parsed.ok ? parsed.value.normalized : null;
}

/**
 * The physical key chord an accelerator names on `platform`: CommandOrControl is Command on
 * macOS and Control elsewhere, so `Ctrl+Alt+B` and `CmdOrCtrl+Alt+B` collide off macOS only;
 * Super and Command are one key everywhere, and `Ctrl+!` is `Ctrl+Shift+1`.
 */
export function chordIdentity(parsed: ParsedAccelerator, platform: NodeJS.Platform): string {
  return acceleratorChord(parsed.normalized, platform) as string;
}
