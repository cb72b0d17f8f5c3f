/**
 * A question asked from the tray (e.g. "Take over the agent's call?"). On macOS the app is not
 * active while the user works in another app and picks an item from CC Inspector's menu-bar
 * menu, so a message box would open behind the frontmost window: the app takes focus first
 * (`app.focus({ steal: true })`, Electron's app docs). The box is attached to the main window
 * when that is on screen (a sheet on macOS, modal on Windows) and free-standing otherwise.
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';

export interface ConfirmFromTrayOptions {
  app: { focus(options?: { steal: boolean }): void };
  dialog: {
    showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
    showMessageBox(
      window: BrowserWindow,
      options: MessageBoxOptions,
    ): Promise<MessageBoxReturnValue>;
  };
  /** The main window, or null. */
  window: () => BrowserWindow | null;
  platform: NodeJS.Platform;
}

/** Ask; resolves true when the user chose the first button. */
export async function confirmFromTray(
  options: ConfirmFromTrayOptions,
  box: MessageBoxOptions,
): Promise<boolean> {
  if (options.platform === 'darwin') options.app.focus({ steal: true });
  const parent = options.window();
  const onScreen = parent !== null && parent.isVisible() && !parent.isMinimized();
  const answer = onScreen
    ? await options.dialog.showMessageBox(parent, box)
    : await options.dialog.showMessageBox(box);
  return answer.response === 0;
}
