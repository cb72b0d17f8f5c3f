/**
 * Platform fact: on macOS an app is inactive while the user works elsewhere and uses its
 * menu-bar (tray) menu; a message box of an inactive app opens behind the frontmost window, so
 * the app must be activated first — `app.focus({ steal: true })` (Electron's app docs: "On
 * macOS, makes the application the active app").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  dialog,
  FakeBrowserWindow,
  resetElectronFake,
} from '../../../../test/support/fakes/electron';
import { confirmFromTray, type ConfirmFromTrayOptions } from './tray-confirmation';

const box = { type: 'warning' as const, buttons: ['Intercept', 'Cancel'], message: 'Take over?' };

describe('confirmFromTray', () => {
  let window: FakeBrowserWindow;
  beforeEach(() => {
    resetElectronFake();
    window = new FakeBrowserWindow({ show: false });
  });
  const ask = (platform: NodeJS.Platform) =>
    confirmFromTray(
      {
        app,
        dialog: dialog as unknown as ConfirmFromTrayOptions['dialog'],
        window: () => window as unknown as ReturnType<ConfirmFromTrayOptions['window']>,
        platform,
      },
      box,
    );

  it('on macOS activates the app before the box, so it does not open behind other apps', async () => {
    await expect(ask('darwin')).resolves.toBe(true);
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(dialog.messageBoxes[0]?.focusCallsBefore).toEqual([{ steal: true }]);
    // The window is hidden (the user was in another app): a free-standing box.
    expect(dialog.messageBoxes[0]?.parent).toBeNull();
  });

  it('attaches the box to the main window when it is on screen', async () => {
    window.show();
    dialog.nextMessageBoxResponse = 1;
    await expect(ask('darwin')).resolves.toBe(false);
    expect(dialog.messageBoxes[0]?.parent).toBe(window);
    window.minimize();
    await ask('win32');
    expect(dialog.messageBoxes[1]?.parent).toBeNull();
  });

  it('steals focus on macOS only', async () => {
    await ask('win32');
    await ask('linux');
    expect(app.focusCalls).toEqual([]);
  });
});
