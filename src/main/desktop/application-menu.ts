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
}

/** The macOS menu template (pure). */
export function buildMacMenuTemplate(
  showWindow: () => void,
  quit: () => void,
  openWallboard?: () => void,
  maintenance: Pick<ApplicationMenuOptions, 'checkForUpdates' | 'exportDiagnostics'> = {},
): MenuItemConstructorOptions[] {
  return [
    {
      label: 'CC Inspector',
      submenu: [
        { role: 'about' },
        ...(maintenance.checkForUpdates
          ? [{ label: 'Check for Updates…', click: maintenance.checkForUpdates }]
          : []),
        ...(maintenance.exportDiagnostics
          ? [{ label: 'Export Diagnostics…', click: maintenance.exportDiagnostics }]
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
          buildMacMenuTemplate(options.showWindow, options.quit, options.openWallboard, options),
        )
      : null,
  );
}
