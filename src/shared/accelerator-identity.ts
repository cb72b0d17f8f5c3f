/**
 * Which physical key chord an Electron accelerator names on a platform, read the way Electron's
 * own parser reads it (shell/common/keyboard_util.cc and shell/browser/ui/accelerator_util.cc):
 * `Super`, `Meta`, `Cmd` and `Command` are one key (⌘ on macOS, the Windows/Super key
 * elsewhere); `CommandOrControl` is ⌘ on macOS and Ctrl elsewhere; a shifted punctuation
 * character is its US-layout base key with Shift (`Ctrl+!` is `Ctrl+Shift+1`, `Plus` is
 * `Shift+=`). Two accelerators with one identity are one shortcut to the OS. Pure: the main
 * process (duplicate check) and the renderer (recorder) share it.
 */

/** The key chord's modifiers, in the order an identity lists them. */
const CHORD_MODIFIERS = ['Control', 'Alt', 'AltGr', 'Shift', 'Command'] as const;
type ChordModifier = (typeof CHORD_MODIFIERS)[number];

/** Every modifier spelling Electron accepts (lower case) → its canonical accelerator name. */
export const MODIFIER_SPELLINGS: ReadonlyMap<
  string,
  'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super'
> = new Map([
  ['commandorcontrol', 'CommandOrControl'],
  ['cmdorctrl', 'CommandOrControl'],
  ['command', 'Command'],
  ['cmd', 'Command'],
  ['control', 'Control'],
  ['ctrl', 'Control'],
  ['alt', 'Alt'],
  ['option', 'Alt'],
  ['altgr', 'AltGr'],
  ['shift', 'Shift'],
  ['super', 'Super'],
  ['meta', 'Super'],
] as const);

/** The physical modifier of a spelling: Super and Command are one key; CommandOrControl is decided per platform. */
function physicalModifier(token: string): ChordModifier | 'CommandOrControl' | undefined {
  const name = MODIFIER_SPELLINGS.get(token);
  return name === 'Super' ? 'Command' : name;
}

/** Characters Electron reads as "base key + Shift" (KeyboardCodeFromCharCode's table). */
export const SHIFTED_PUNCTUATION: Readonly<Record<string, string>> = Object.freeze({
  ')': '0',
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ':': ';',
  '+': '=',
  '<': ',',
  _: '-',
  '>': '.',
  '?': '/',
  '~': '`',
  '{': '[',
  '|': '\\',
  '}': ']',
  '"': "'",
});

const KEY_SYNONYMS: Readonly<Record<string, string>> = { enter: 'return', esc: 'escape' };

/** One key token → its physical key (lower case) and whether Electron adds Shift for it. */
function readKey(token: string): { key: string; shifted: boolean } {
  if (token.toLowerCase() === 'plus') return { key: '=', shifted: true };
  const base = SHIFTED_PUNCTUATION[token];
  if (base !== undefined) return { key: base, shifted: true };
  const lower = token.toLowerCase();
  return { key: KEY_SYNONYMS[lower] ?? lower, shifted: false };
}

/**
 * The chord `accelerator` names on `platform` (e.g. `Control+Alt+Shift+l`), or null when it has
 * no key. Unknown tokens count as keys: validity is the grammar's business, not this one's.
 */
export function acceleratorChord(accelerator: string, platform: string): string | null {
  const modifiers = new Set<ChordModifier>();
  let key: string | null = null;
  for (const raw of accelerator.split('+')) {
    const token = raw.trim();
    if (token === '') continue;
    const modifier = physicalModifier(token.toLowerCase());
    if (modifier === 'CommandOrControl')
      modifiers.add(platform === 'darwin' ? 'Command' : 'Control');
    else if (modifier !== undefined) modifiers.add(modifier);
    else {
      const read = readKey(token);
      if (read.shifted) modifiers.add('Shift');
      key = read.key;
    }
  }
  if (key === null) return null;
  return [...CHORD_MODIFIERS.filter((modifier) => modifiers.has(modifier)), key].join('+');
}

/** Whether two accelerators are one key chord on `platform`. */
export function sameChord(first: string, second: string, platform: string): boolean {
  const a = acceleratorChord(first, platform);
  return a !== null && a === acceleratorChord(second, platform);
}

/** Keys that type a character (letters, digits, punctuation, Space) rather than act. */
const TYPING_KEY = /^(?:[a-z0-9]|[-=[\]\\;',./`]|space)$/;

/**
 * Windows reads Ctrl+Alt as AltGr, the key that types ł, €, @ and the like on most non-US
 * layouts: a global Ctrl+Alt(+Shift)+character hotkey swallows those characters while the user
 * types. True for such a chord on win32 (without ⊞, which AltGr never includes).
 */
export function isAltGrEquivalent(accelerator: string, platform: string): boolean {
  if (platform !== 'win32') return false;
  const chord = acceleratorChord(accelerator, platform);
  if (chord === null) return false;
  const parts = chord.split('+');
  const key = parts.at(-1) as string;
  const modifiers = new Set(parts.slice(0, -1));
  const altGr = modifiers.has('AltGr') || (modifiers.has('Control') && modifiers.has('Alt'));
  return altGr && !modifiers.has('Command') && TYPING_KEY.test(key);
}
