import { describe, expect, it } from 'vitest';
import type { MenuTemplate } from './tray-menu';
import { TrayMenuSync } from './tray-menu-sync';

const menu = (label: string): MenuTemplate => [
  { type: 'normal', label, enabled: false, command: null },
];

describe('TrayMenuSync', () => {
  it('applies a changed template, skips an equal one, and holds changes while the menu is shown', () => {
    const applied: string[] = [];
    const sync = new TrayMenuSync({
      now: () => 0,
      apply: (template) => applied.push((template[0] as { label: string }).label),
    });
    sync.offer(menu('a'));
    sync.offer(menu('a'));
    expect(applied).toEqual(['a']);
    sync.opened();
    sync.offer(menu('b'));
    sync.offer(menu('c'));
    expect(applied).toEqual(['a']);
    sync.closed();
    expect(applied).toEqual(['a', 'c']);
    expect(sync.builds).toBe(2);
  });

  it('takes a menu "open" for longer than the limit as closed, so a lost close cannot freeze it', () => {
    const applied: string[] = [];
    let time = 0;
    const sync = new TrayMenuSync({
      now: () => time,
      staleOpenMs: 1_000,
      apply: (template) => applied.push((template[0] as { label: string }).label),
    });
    sync.offer(menu('a'));
    sync.opened();
    sync.offer(menu('b'));
    expect(applied).toEqual(['a']);
    time = 1_001;
    sync.offer(menu('b'));
    expect(applied).toEqual(['a', 'b']);
    expect(sync.isOpen()).toBe(false);
  });
});
