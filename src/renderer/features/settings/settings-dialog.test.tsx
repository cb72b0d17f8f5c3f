import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HotkeyStatus } from '../../../shared/domain';
import {
  makeHotkeys,
  makeSettings,
  makeSnapshot,
} from '../../../../test/support/renderer/fixtures';
import { renderApp } from '../../../../test/support/renderer/render-app';
import { SettingsDialog } from './settings-dialog';

async function openSettings(hotkeys = makeHotkeys({ listen: 'CommandOrControl+Alt+L' })) {
  const onClose = vi.fn();
  const rendered = await renderApp({
    element: <SettingsDialog onClose={onClose} />,
    snapshot: makeSnapshot({ hotkeys }),
  });
  return { ...rendered, onClose, dialog: within(screen.getByRole('dialog', { name: 'Settings' })) };
}

describe('SettingsDialog', () => {
  it('checks the form before saving and names each problem', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    await user.clear(dialog.getByLabelText('Call longer than'));
    await user.type(dialog.getByLabelText('Call longer than'), '3');
    await user.type(dialog.getByLabelText('Certificate pin (SHA-256)'), 'xyz');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')).toHaveLength(0);
    expect(dialog.getByLabelText('Call longer than')).toHaveAccessibleDescription(
      'Enter whole seconds from 10 to 86400.',
    );
    expect(dialog.getByLabelText('Certificate pin (SHA-256)')).toHaveAccessibleDescription(
      /64 hex digits/,
    );
    await user.clear(dialog.getByLabelText('Certificate pin (SHA-256)'));
    expect(dialog.getByLabelText('Certificate pin (SHA-256)')).not.toHaveAttribute('aria-invalid');
    expect(dialog.getByLabelText('Call longer than')).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves through the contract and closes', async () => {
    const user = userEvent.setup();
    const { api, dialog, onClose, store } = await openSettings();
    api.handle('settings.update', () => ({
      ok: true,
      value: makeSettings({ theme: 'dark', language: 'zh-CN' }),
    }));
    await user.selectOptions(dialog.getByLabelText('Theme'), 'dark');
    await user.selectOptions(dialog.getByLabelText('Language'), 'zh-CN');
    await user.clear(dialog.getByLabelText('Busy longer than'));
    await user.type(dialog.getByLabelText('Busy longer than'), '1200');
    expect(dialog.getByLabelText('Busy longer than')).toHaveAccessibleDescription('= 20 min');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')[0]).toMatchObject({
      theme: 'dark',
      language: 'zh-CN',
      alerts: { longBusySeconds: 1200 },
    });
    expect(onClose).toHaveBeenCalled();
    expect(store.getState().settings.theme).toBe('dark');
  });

  it('opens the logs folder for IT, and reports when it cannot', async () => {
    const user = userEvent.setup();
    const { api, dialog, store } = await openSettings();
    api.handle('app.openLogsFolder', () => ({
      ok: false,
      error: {
        code: 'internal',
        message: 'No file manager.',
        messageZh: '没有文件管理器。',
        retcode: null,
        field: null,
      },
    }));
    await user.click(dialog.getByRole('button', { name: 'Open the logs folder' }));
    expect(api.callsOf('app.openLogsFolder')).toEqual([{}]);
    expect(store.getState().toasts.at(-1)).toMatchObject({
      level: 'error',
      text: { en: 'No file manager.' },
    });
  });

  it('reads a CA file as text and refuses a file that holds no certificate', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    const input = dialog.getByLabelText('Private certificate authority (PEM file)');
    await user.upload(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await vi.waitFor(() => expect(input).toHaveAccessibleDescription(/holds no PEM certificate/));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
    await user.upload(input, new File([pem], 'ca.pem', { type: 'application/x-pem-file' }));
    await vi.waitFor(() => expect(input).toHaveAccessibleDescription('Trusted CA: ca.pem'));
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')[0]?.gateway?.caPem).toBe(pem);
  });

  it('records a hotkey and applies it at once', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    api.handle('hotkeys.set', ({ action, accelerator }) => ({
      ok: true,
      value: makeHotkeys({ listen: 'CommandOrControl+Alt+L', [action]: accelerator ?? undefined }),
    }));
    const barge = within(dialog.getByTestId('hotkey-barge'));
    await user.click(barge.getByRole('button', { name: /Hotkey for Barge in/ }));
    expect(barge.getByText('Press the keys…')).toBeInTheDocument();
    fireEvent.keyDown(barge.getByRole('button', { name: /Recording/ }), {
      key: 'b',
      code: 'KeyB',
      ctrlKey: true,
      altKey: true,
    });
    await vi.waitFor(() =>
      expect(api.callsOf('hotkeys.set')).toEqual([
        { action: 'barge', accelerator: 'CommandOrControl+Alt+B' },
      ]),
    );
    expect(await barge.findByText('Active')).toBeInTheDocument();
    expect(barge.getByText('Ctrl+Alt+B')).toBeInTheDocument();
  });

  it('warns before two actions share keys, without asking main', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    const cancel = within(dialog.getByTestId('hotkey-cancel'));
    await user.click(cancel.getByRole('button', { name: /Hotkey for End/ }));
    fireEvent.keyDown(cancel.getByRole('button', { name: /Recording/ }), {
      key: 'l',
      code: 'KeyL',
      ctrlKey: true,
      altKey: true,
    });
    expect(await cancel.findByText('Already used by Listen.')).toBeInTheDocument();
    expect(api.callsOf('hotkeys.set')).toHaveLength(0);
  });

  it('shows keys another application owns, as main reports them', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    api.handle('hotkeys.set', ({ action, accelerator }) => ({
      ok: true,
      value: makeHotkeys({ listen: 'CommandOrControl+Alt+L' }).map((status): HotkeyStatus =>
        status.action === action
          ? { action, accelerator, status: 'conflict', detail: 'Registered by another application' }
          : status,
      ),
    }));
    const whisper = within(dialog.getByTestId('hotkey-whisper'));
    await user.click(whisper.getByRole('button', { name: /Hotkey for Whisper/ }));
    fireEvent.keyDown(whisper.getByRole('button', { name: /Recording/ }), {
      key: 'F8',
      code: 'F8',
    });
    expect(
      await whisper.findByText(/Taken by another application — Registered by another application/),
    ).toBeInTheDocument();
  });

  it('refuses a key without a modifier and keeps recording', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    const intercept = within(dialog.getByTestId('hotkey-intercept'));
    await user.click(intercept.getByRole('button', { name: /Hotkey for Intercept/ }));
    fireEvent.keyDown(intercept.getByRole('button', { name: /Recording/ }), {
      key: 'i',
      code: 'KeyI',
    });
    expect(await intercept.findByText(/Add Ctrl, Alt or Cmd/)).toBeInTheDocument();
    expect(intercept.getByRole('button', { name: /Recording/ })).toBeInTheDocument();
    fireEvent.keyDown(intercept.getByRole('button', { name: /Recording/ }), {
      key: 'Escape',
      code: 'Escape',
    });
    expect(
      intercept.getByRole('button', { name: /Hotkey for Intercept: Not set/ }),
    ).toBeInTheDocument();
    expect(api.callsOf('hotkeys.set')).toHaveLength(0);
  });

  it('knows one chord in another spelling is the same key (Super = Cmd, ! = Shift+1)', async () => {
    // Electron's parser (shell/common/keyboard_util.cc) reads Super, Meta, Cmd and Command as one
    // key and `!` as Shift+1: main would refuse the duplicate, so the dialog says so first.
    const user = userEvent.setup();
    const { api, dialog } = await openSettings(
      makeHotkeys({ listen: 'Meta+Option+K', barge: 'Control+!' }),
    );
    const whisper = within(dialog.getByTestId('hotkey-whisper'));
    await user.click(whisper.getByRole('button', { name: /Hotkey for Whisper/ }));
    fireEvent.keyDown(whisper.getByRole('button', { name: /Recording/ }), {
      key: 'k',
      code: 'KeyK',
      metaKey: true,
      altKey: true,
    });
    expect(await whisper.findByText('Already used by Listen.')).toBeInTheDocument();
    await user.click(whisper.getByRole('button', { name: /Hotkey for Whisper/ }));
    fireEvent.keyDown(whisper.getByRole('button', { name: /Recording/ }), {
      key: '!',
      code: 'Digit1',
      ctrlKey: true,
      shiftKey: true,
    });
    expect(await whisper.findByText('Already used by Barge in.')).toBeInTheDocument();
    expect(api.callsOf('hotkeys.set')).toHaveLength(0);
  });

  it('warns on Windows that a Ctrl+Alt+letter hotkey is AltGr and swallows typed characters', async () => {
    // Windows reads Ctrl+Alt as AltGr: Ctrl+Alt+L is AltGr+L, which types ł on Polish keyboards.
    const platform = vi.spyOn(navigator, 'platform', 'get').mockReturnValue('Win32');
    try {
      const { dialog } = await openSettings(
        makeHotkeys({ listen: 'CommandOrControl+Alt+L', barge: 'Control+Alt+F6' }),
      );
      expect(dialog.getByTestId('hotkey-altgr-listen')).toHaveTextContent(/AltGr/);
      expect(dialog.queryByTestId('hotkey-altgr-barge')).toBeNull();
    } finally {
      platform.mockRestore();
    }
  });

  it('does not warn about AltGr off Windows, where Ctrl+Alt types nothing', async () => {
    const platform = vi.spyOn(navigator, 'platform', 'get').mockReturnValue('Linux x86_64');
    try {
      const { dialog } = await openSettings(makeHotkeys({ listen: 'CommandOrControl+Alt+L' }));
      expect(dialog.queryByTestId('hotkey-altgr-listen')).toBeNull();
    } finally {
      platform.mockRestore();
    }
  });
});
