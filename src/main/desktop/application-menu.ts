/**
 * The application menu. macOS needs one (Quit, and the Edit menu that makes copy and paste
 * work in text fields); Windows and Linux get none, the window being a single screen.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

export interface ApplicationMenuOptions {
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    setApplicationMenu(menu: Menu | null): void;
  };
  platform: NodeJS.Platform;
  showWindow: () => void;
  quit: () => void;
  /** Open the read-only wallboard window. */
  openWallboard?: () => void;
  /** macOS: link `cc-inspector` into /usr/local/bin (cli-install.ts). */
  installCommandLineTool?: () => void;
  language?: () => 'en' | 'zh-CN';
}

/** The macOS menu template (pure). */
function buildMacMenuTemplate(
  showWindow: () => void,
  quit: () => void,
  openWallboard?: () => void,
  installCommandLineTool?: () => void,
  language: 'en' | 'zh-CN' = 'en',
): MenuItemConstructorOptions[] {
  const installLabel = language === 'zh-CN' ? '安装命令行工具…' : 'Install Command-Line Tool…';
  return [
    {
      label: 'CC Inspector',
      submenu: [
        { role: 'about' },
        ...(installCommandLineTool
          ? [{ label: installLabel, click: installCommandLineTool } as MenuItemConstructorOptions]
          : []),
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { label: 'Quit CC Inspector', accelerator: 'Command+Q', click: quit },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Window',
      submenu: [
        { label: 'CC Inspector', accelerator: 'Command+0', click: showWindow },
        ...(openWallboard ? [{ label: 'Wallboard', click: openWallboard }] : []),
        { role: 'minimize' },
        { role: 'close' },
      ],
    },
  ];
}

/** Install the menu for this platform. */
export function installApplicationMenu(options: ApplicationMenuOptions): void {
  options.Menu.setApplicationMenu(
    options.platform === 'darwin'
      ? options.Menu.buildFromTemplate(
          buildMacMenuTemplate(
            options.showWindow,
            options.quit,
            options.openWallboard,
            options.installCommandLineTool,
            options.language?.(),
          ),
        )
      : null,
  );
}
