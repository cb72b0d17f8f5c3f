import { beforeEach, describe, expect, it } from 'vitest';
import { FakeMenu, resetElectronFake } from '../../../test/support/fakes/electron';
import { installApplicationMenu, type ApplicationMenuOptions } from './application-menu';

describe('application menu', () => {
  beforeEach(() => resetElectronFake());

  it('gives macOS a menu with Quit and Edit (copy/paste), and other platforms none', () => {
    let quits = 0;
    let shows = 0;
    const Menu = FakeMenu as unknown as ApplicationMenuOptions['Menu'];
    installApplicationMenu({
      Menu,
      platform: 'darwin',
      showWindow: () => (shows += 1),
      quit: () => (quits += 1),
    });
    const menu = FakeMenu.applicationMenu as FakeMenu;
    expect(menu.items.map((item) => item.label ?? item.role)).toEqual([
      'CC Inspector',
      'editMenu',
      'Window',
    ]);
    menu.click('CC Inspector', 'Quit CC Inspector');
    menu.click('Window', 'CC Inspector');
    expect([quits, shows]).toEqual([1, 1]);
    installApplicationMenu({
      Menu,
      platform: 'win32',
      showWindow: () => undefined,
      quit: () => undefined,
    });
    expect(FakeMenu.applicationMenu).toBeNull();
  });

  // Issue 16: updates and diagnostics are reachable from the macOS app menu too.
  it('offers Check for Updates and Export Diagnostics on macOS when given', () => {
    const clicked: string[] = [];
    installApplicationMenu({
      Menu: FakeMenu as unknown as ApplicationMenuOptions['Menu'],
      platform: 'darwin',
      showWindow: () => undefined,
      quit: () => undefined,
      checkForUpdates: () => clicked.push('updates'),
      exportDiagnostics: () => clicked.push('diagnostics'),
    });
    const menu = FakeMenu.applicationMenu as FakeMenu;
    menu.click('CC Inspector', 'Check for Updates…');
    menu.click('CC Inspector', 'Export Diagnostics…');
    expect(clicked).toEqual(['updates', 'diagnostics']);
  });
});
