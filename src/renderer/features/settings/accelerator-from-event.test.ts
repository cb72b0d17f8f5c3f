// @vitest-environment node
import { readAccelerator, type KeyPress } from './accelerator-from-event';

const press = (code: string, key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('readAccelerator', () => {
  it('builds Electron accelerators from physical keys', () => {
    expect(readAccelerator(press('KeyL', 'l', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Alt+L',
    });
    expect(readAccelerator(press('Digit1', '!', { ctrlKey: true, shiftKey: true }), false)).toEqual(
      { kind: 'accelerator', accelerator: 'CommandOrControl+Shift+1' },
    );
    expect(readAccelerator(press('ArrowUp', 'ArrowUp', { altKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'Alt+Up',
    });
    expect(readAccelerator(press('Numpad5', '5', { ctrlKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+num5',
    });
  });

  it('maps Cmd to CommandOrControl on macOS and the Windows key to Super elsewhere', () => {
    expect(readAccelerator(press('KeyB', 'b', { metaKey: true }), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+B',
    });
    expect(readAccelerator(press('KeyB', 'b', { ctrlKey: true, metaKey: true }), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Control+B',
    });
    expect(readAccelerator(press('KeyB', 'b', { metaKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'Super+B',
    });
  });

  it('allows function keys alone but refuses plain or Shift-only letters', () => {
    expect(readAccelerator(press('F9', 'F9'), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'F9',
    });
    expect(readAccelerator(press('KeyL', 'l'), false)).toEqual({
      kind: 'invalid',
      reason: 'needsModifier',
    });
    expect(readAccelerator(press('KeyL', 'L', { shiftKey: true }), false)).toEqual({
      kind: 'invalid',
      reason: 'needsModifier',
    });
  });

  it('waits while only modifiers are held, and handles Escape and Backspace', () => {
    expect(readAccelerator(press('ControlLeft', 'Control', { ctrlKey: true }), false)).toEqual({
      kind: 'incomplete',
    });
    expect(readAccelerator(press('Escape', 'Escape'), false)).toEqual({ kind: 'cancel' });
    expect(readAccelerator(press('Backspace', 'Backspace'), false)).toEqual({ kind: 'clear' });
    expect(readAccelerator(press('Escape', 'Escape', { ctrlKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Escape',
    });
  });

  it('refuses keys Electron cannot bind', () => {
    expect(readAccelerator(press('IntlRo', 'ろ', { ctrlKey: true }), false)).toEqual({
      kind: 'invalid',
      reason: 'unsupportedKey',
    });
  });

  // Issue 9: a global hotkey on Ctrl/⌘ + C would swallow copy in every other application.
  it('refuses Ctrl/⌘ (+ Shift) with an editing key, but not with Alt', () => {
    for (const [code, key] of [
      ['KeyC', 'c'],
      ['KeyV', 'v'],
      ['KeyX', 'x'],
      ['KeyZ', 'z'],
      ['KeyY', 'y'],
      ['KeyA', 'a'],
      ['KeyS', 's'],
      ['KeyF', 'f'],
      ['KeyW', 'w'],
      ['KeyQ', 'q'],
      ['Tab', 'Tab'],
    ] as const) {
      expect(readAccelerator(press(code, key, { ctrlKey: true }), false)).toEqual({
        kind: 'invalid',
        reason: 'editingKey',
      });
      expect(readAccelerator(press(code, key, { metaKey: true, shiftKey: true }), true)).toEqual({
        kind: 'invalid',
        reason: 'editingKey',
      });
    }
    expect(readAccelerator(press('KeyC', 'c', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Alt+C',
    });
  });
});
