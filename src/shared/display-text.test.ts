/** Issue 9: gateway strings shown outside the page cannot forge lines, reverse text or flood. */
import { DISPLAY_LIMITS, escapeMenuLabel, toDisplayLines, toDisplayText } from './display-text';

describe('toDisplayText', () => {
  it('replaces control characters, so a name cannot forge a second menu line', () => {
    expect(toDisplayText('Ada\nQuit CC Inspector\r\u0000\u0085')).toBe('Ada Quit CC Inspector');
    expect(toDisplayText('\tAda\u2028Lovelace\u2029')).toBe('Ada Lovelace');
  });

  it('removes bidi overrides, isolates, marks and zero-width characters', () => {
    // U+202E would make "txt.exe" read backwards; isolates and marks reorder the same way.
    expect(toDisplayText('Bob\u202Egnitsil\u202C')).toBe('Bob gnitsil');
    expect(toDisplayText('\u2066Eve\u2069\u200F\u061C\u200B\uFEFF')).toBe('Eve');
  });

  it('caps the length by characters, without splitting a surrogate pair', () => {
    const long = '名'.repeat(100);
    expect(Array.from(toDisplayText(long))).toHaveLength(DISPLAY_LIMITS.label);
    expect(toDisplayText(long).endsWith('…')).toBe(true);
    const emoji = '😀'.repeat(70);
    expect(toDisplayText(emoji, 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(toDisplayText('Ada', 64)).toBe('Ada');
  });

  it('keeps ordinary names in any script', () => {
    expect(toDisplayText('王小明 · Zoë O’Brien')).toBe('王小明 · Zoë O’Brien');
  });
});

describe('escapeMenuLabel', () => {
  it('doubles & on Windows only, where it would mark an access key', () => {
    expect(escapeMenuLabel('Tom & Jerry', 'win32')).toBe('Tom && Jerry');
    expect(escapeMenuLabel('Tom & Jerry', 'darwin')).toBe('Tom & Jerry');
    expect(escapeMenuLabel('Tom & Jerry', 'linux')).toBe('Tom & Jerry');
  });
});

describe('toDisplayLines', () => {
  it('keeps the line breaks of a tooltip, cleans each line and caps the whole', () => {
    expect(toDisplayLines('Listening to 1001 Ada\nLongest call: 1002 \u202EBob', 127)).toBe(
      'Listening to 1001 Ada\nLongest call: 1002 Bob',
    );
    const capped = toDisplayLines(`${'a'.repeat(100)}\n${'b'.repeat(100)}`, 127);
    expect(Array.from(capped)).toHaveLength(127);
    expect(capped.endsWith('…')).toBe(true);
  });
});
