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
    // The same items in Chinese when the app speaks Chinese.
    installApplicationMenu({
      Menu: FakeMenu as unknown as ApplicationMenuOptions['Menu'],
      platform: 'darwin',
      showWindow: () => undefined,
      quit: () => undefined,
      checkForUpdates: () => clicked.push('updates'),
      exportDiagnostics: () => clicked.push('diagnostics'),
      language: () => 'zh-CN',
    });
    const chinese = FakeMenu.applicationMenu as FakeMenu;
    chinese.click('CC Inspector', '检查更新…');
    chinese.click('CC Inspector', '导出诊断信息…');
    expect(clicked).toEqual(['updates', 'diagnostics', 'updates', 'diagnostics']);
  });

  // Issue 15: the packaged app ships the CLI; macOS links it from the app menu.
  it('offers "Install Command-Line Tool…" on macOS, in the chosen language', () => {
    let installs = 0;
    const Menu = FakeMenu as unknown as ApplicationMenuOptions['Menu'];
    for (const [language, label] of [
      ['en', 'Install Command-Line Tool…'],
      ['zh-CN', '安装命令行工具…'],
    ] as const) {
      installApplicationMenu({
        Menu,
        platform: 'darwin',
        showWindow: () => undefined,
        quit: () => undefined,
        installCommandLineTool: () => (installs += 1),
        language: () => language,
      });
      (FakeMenu.applicationMenu as FakeMenu).click('CC Inspector', label);
    }
    expect(installs).toBe(2);
  });
});
