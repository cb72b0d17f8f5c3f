import { describe, expect, it } from 'vitest';
import {
  chordIdentity,
  normalizeAccelerator,
  parseAccelerator,
  type ParsedAccelerator,
} from './accelerator-grammar';

describe('parseAccelerator', () => {
  it.each([
    ['CommandOrControl+Alt+L', 'CommandOrControl+Alt+L'],
    ['cmdorctrl+alt+l', 'CommandOrControl+Alt+L'],
    ['Alt+CmdOrCtrl+B', 'CommandOrControl+Alt+B'],
    ['Ctrl+Shift+F5', 'Control+Shift+F5'],
    ['Option+Meta+Space', 'Alt+Super+Space'],
    ['Control+Alt+Enter', 'Control+Alt+Return'],
    ['Ctrl+Alt+esc', 'Control+Alt+Escape'],
    ['Super+Plus', 'Super+Plus'],
    ['Ctrl+num5', 'Control+num5'],
    ['Alt+/', 'Alt+/'],
    ['F13', 'F13'],
    ['MediaPlayPause', 'MediaPlayPause'],
    ['Command+Control+K', 'Command+Control+K'],
  ])('accepts %s as %s', (input, normalized) => {
    const result = parseAccelerator(input);
    expect(result).toMatchObject({ ok: true, value: { normalized } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Ctrl+Alt', 'needs a key'],
    ['Ctrl+Ctrl+L', 'twice'],
    ['Ctrl+Control+L', 'twice'],
    ['Cmd+Command+L', 'twice'],
    ['Super+Cmd+L', 'same key'],
    ['Meta+Command+L', 'same key'],
    ['CmdOrCtrl+Ctrl+L', 'CommandOrControl already'],
    ['Ctrl+A+B', 'exactly one'],
    ['Ctrl+Hyper+L', 'not a key'],
    ['Ctrl+F25', 'not a key'],
    ['Ctrl++', 'Plus'],
    ['Ctrl+Alt+', 'Plus'],
    ['L', 'block typing'],
    ['Shift+L', 'block typing'],
    ['F5', 'block typing'],
    ['Ctrl+' + 'x'.repeat(70), 'too long'],
  ])('refuses %j (%s)', (input, reasonPart) => {
    const result = parseAccelerator(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reasonPart);
      expect(result.reasonZh.length).toBeGreaterThan(0);
    }
  });

  // Issue 9: main refuses editing shortcuts whatever the renderer sends.
  it('refuses Ctrl/⌘ (+ Shift) with an editing key in any spelling, but not with Alt or Ctrl+⌘', () => {
    for (const key of ['C', 'V', 'X', 'Z', 'Y', 'A', 'S', 'F', 'W', 'Q', 'Tab']) {
      for (const text of [
        `CommandOrControl+${key}`,
        `Ctrl+Shift+${key}`,
        `Cmd+${key.toLowerCase()}`,
      ]) {
        const parsed = parseAccelerator(text);
        expect(parsed.ok, text).toBe(false);
        expect(!parsed.ok && parsed.reason).toMatch(/editing shortcut/);
        expect(!parsed.ok && parsed.reasonZh).toMatch(/编辑快捷键/);
      }
    }
    expect(parseAccelerator('CommandOrControl+Alt+C').ok).toBe(true);
    expect(parseAccelerator('Super+Control+V').ok).toBe(true);
    expect(parseAccelerator('CommandOrControl+L').ok).toBe(true);
  });

  it('gives two spellings of one shortcut the same normal form', () => {
    expect(normalizeAccelerator('ctrl+alt+l')).toBe(normalizeAccelerator('Alt+Control+L'));
    expect(normalizeAccelerator('Ctrl+')).toBeNull();
  });

  it('maps CommandOrControl to the physical modifier of each platform', () => {
    const parse = (text: string): ParsedAccelerator => {
      const result = parseAccelerator(text);
      if (!result.ok) throw new Error(result.reason);
      return result.value;
    };
    expect(chordIdentity(parse('CmdOrCtrl+Alt+B'), 'win32')).toBe(
      chordIdentity(parse('Ctrl+Alt+B'), 'win32'),
    );
    expect(chordIdentity(parse('CmdOrCtrl+Alt+B'), 'linux')).toBe('Control+Alt+b');
    // Electron reads Super and Cmd as one key (keyboard_util.cc): on macOS both are ⌘.
    expect(chordIdentity(parse('CmdOrCtrl+Alt+B'), 'darwin')).toBe(
      chordIdentity(parse('Super+Alt+B'), 'darwin'),
    );
    expect(chordIdentity(parse('CmdOrCtrl+Alt+B'), 'darwin')).toBe(
      chordIdentity(parse('Cmd+Alt+B'), 'darwin'),
    );
    expect(chordIdentity(parse('CmdOrCtrl+Alt+B'), 'darwin')).not.toBe(
      chordIdentity(parse('Ctrl+Alt+B'), 'darwin'),
    );
  });
});
