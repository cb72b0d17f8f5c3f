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
  /** "Check for Updates…" (issue 16). */
  checkForUpdates?: () => void;
  /** "Export Diagnostics…" (issue 16). */
  exportDiagnostics?: () => void;
  /** macOS: link `cc-inspector` into /usr/local/bin (cli-install.ts). */
  installCommandLineTool?: () => void;
  language?: () => 'en' | 'zh-CN';
}

type MenuActions = Pick<
  ApplicationMenuOptions,
  | 'showWindow'
  | 'quit'
  | 'openWallboard'
  | 'checkForUpdates'
  | 'exportDiagnostics'
  | 'installCommandLineTool'
>;

// The menu is built before the renderer's catalogue exists in main, so its few words live here.
const LABELS = {
  en: {
    checkForUpdates: 'Check for Updates…',
    exportDiagnostics: 'Export Diagnostics…',
    installCommandLineTool: 'Install Command-Line Tool…',
  },
  'zh-CN': {
    checkForUpdates: '检查更新…',
    exportDiagnostics: '导出诊断信息…',
    installCommandLineTool: '安装命令行工具…',
  },
} as const;

/** The macOS menu template (pure). */
export function buildMacMenuTemplate(
  actions: MenuActions,
  language: 'en' | 'zh-CN' = 'en',
): MenuItemConstructorOptions[] {
  const { showWindow, quit, openWallboard } = actions;
  const labels = LABELS[language];
  const optional = (['checkForUpdates', 'exportDiagnostics', 'installCommandLineTool'] as const)
    .filter((key) => actions[key] !== undefined)
    .map((key): MenuItemConstructorOptions => ({ label: labels[key], click: actions[key] }));
  return [
    {
      label: 'CC Inspector',
      submenu: [
        { role: 'about' },
        ...optional,
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
      ? options.Menu.buildFromTemplate(buildMacMenuTemplate(options, options.language?.()))
      : null,
  );
}
