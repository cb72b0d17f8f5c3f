/**
 * Platform facts encoded here: Electron's accelerator parser
 * (electron/electron shell/common/keyboard_util.cc, KeyboardCodeFromKeyIdentifier) maps
 * "super", "cmd", "command" and "meta" to one key code (VKEY_COMMAND) and "commandorcontrol"
 * to VKEY_COMMAND on macOS, VKEY_CONTROL elsewhere; KeyboardCodeFromCharCode reads `!` as
 * VKEY_1 with Shift (and so on down the US row), and "plus" as VKEY_OEM_PLUS with Shift
 * (shell/browser/ui/accelerator_util.cc adds EF_SHIFT_DOWN for such keys). Windows treats
 * Ctrl+Alt as AltGr (Microsoft: "Using the Ctrl+Alt combination instead of AltGr").
 */
import {
  acceleratorChord,
  isAltGrEquivalent,
  sameChord,
  SHIFTED_PUNCTUATION,
} from './accelerator-identity';

describe('acceleratorChord', () => {
  it('reads Super, Meta, Cmd and Command as one key on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const chords = ['Super+L', 'Meta+L', 'Cmd+L', 'Command+L', 'super+l'].map((text) =>
        acceleratorChord(text, platform),
      );
      expect(new Set(chords), platform).toEqual(new Set(['Command+l']));
    }
  });

  it('reads CommandOrControl as ⌘ on macOS and Ctrl elsewhere', () => {
    expect(sameChord('CmdOrCtrl+Alt+B', 'Super+Alt+B', 'darwin')).toBe(true);
    expect(sameChord('CmdOrCtrl+Alt+B', 'Ctrl+Alt+B', 'darwin')).toBe(false);
    expect(sameChord('CmdOrCtrl+Alt+B', 'Ctrl+Alt+B', 'win32')).toBe(true);
    expect(sameChord('CommandOrControl+Alt+B', 'Control+Alt+B', 'linux')).toBe(true);
    expect(sameChord('CmdOrCtrl+Alt+B', 'Meta+Alt+B', 'linux')).toBe(false);
  });

  it('reads each shifted punctuation character as its base key with Shift', () => {
    expect(Object.keys(SHIFTED_PUNCTUATION)).toHaveLength(21);
    for (const [shifted, base] of Object.entries(SHIFTED_PUNCTUATION)) {
      if (shifted === '+') continue; // an accelerator writes it "Plus" (below)
      expect(sameChord(`Ctrl+${shifted}`, `Ctrl+Shift+${base}`, 'linux'), shifted).toBe(true);
      expect(sameChord(`Ctrl+${shifted}`, `Ctrl+${base}`, 'linux'), shifted).toBe(false);
    }
    expect(sameChord('Ctrl+Plus', 'Ctrl+Shift+=', 'win32')).toBe(true);
    expect(sameChord('Ctrl+Plus', 'Ctrl+Shift+Plus', 'win32')).toBe(true);
    expect(sameChord('Alt+?', 'Alt+Shift+/', 'darwin')).toBe(true);
  });

  it('ignores spelling: case, order, Option/Alt, Enter/Return, Esc/Escape', () => {
    expect(sameChord('alt+control+l', 'Ctrl+Option+L', 'linux')).toBe(true);
    expect(sameChord('Ctrl+Enter', 'Control+Return', 'win32')).toBe(true);
    expect(sameChord('Ctrl+Esc', 'Control+Escape', 'win32')).toBe(true);
    expect(acceleratorChord('Ctrl+Alt', 'linux')).toBeNull();
  });
});

describe('isAltGrEquivalent', () => {
  it('flags Ctrl+Alt(+Shift) with a typing key on Windows only', () => {
    for (const text of ['Ctrl+Alt+L', 'CmdOrCtrl+Alt+S', 'Control+Alt+Shift+X', 'AltGr+E']) {
      expect(isAltGrEquivalent(text, 'win32'), text).toBe(true);
      expect(isAltGrEquivalent(text, 'linux'), text).toBe(false);
      expect(isAltGrEquivalent(text, 'darwin'), text).toBe(false);
    }
    expect(isAltGrEquivalent('Ctrl+Alt+2', 'win32')).toBe(true);
    expect(isAltGrEquivalent('Ctrl+Alt+@', 'win32')).toBe(true);
    expect(isAltGrEquivalent('Ctrl+Alt+[', 'win32')).toBe(true);
  });

  it('leaves chords that type nothing alone: F-keys, arrows, ⊞, no Ctrl or no Alt', () => {
    for (const text of ['Ctrl+Alt+F5', 'Ctrl+Alt+Up', 'Ctrl+Alt+Super+L', 'Alt+Shift+L', 'Ctrl+L'])
      expect(isAltGrEquivalent(text, 'win32'), text).toBe(false);
  });
});
