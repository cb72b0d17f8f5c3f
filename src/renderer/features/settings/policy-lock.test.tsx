/**
 * Issue 16: settings the administrator locked show as locked, with the policy key and where it
 * was set (en and zh-CN), and cannot be edited; the rest of the dialog still works.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeHotkeys,
  makeSettings,
  makeSnapshot,
} from '../../../../test/support/renderer/fixtures';
import { renderApp } from '../../../../test/support/renderer/render-app';
import type { PolicyView } from '../../../shared/policy';
import { SettingsDialog } from './settings-dialog';

const HKLM = 'HKLM\\Software\\Policies\\CC Inspector';
const POLICY: PolicyView = {
  managed: true,
  demoModeAllowed: false,
  locked: {
    'gateway.url': { key: 'GatewayUrl', source: HKLM },
    'gateway.pinSha256': { key: 'CertificatePin', source: HKLM },
    'alerts.longCallSeconds': { key: 'AlertLongCallSeconds', source: HKLM },
    'hotkeys.intercept': { key: 'HotkeyIntercept', source: HKLM },
    'updates.channel': { key: 'UpdateChannel', source: HKLM },
    demoMode: { key: 'DemoModeAllowed', source: HKLM },
  },
};

async function openSettings(language: 'en' | 'zh-CN' = 'en') {
  const rendered = await renderApp({
    element: <SettingsDialog onClose={vi.fn()} />,
    snapshot: makeSnapshot({
      settings: makeSettings({
        language,
        gateway: { ...makeSettings().gateway, url: 'https://cc-gw.example:8043' },
      }),
      hotkeys: makeHotkeys({ intercept: 'Control+Alt+F9' }),
      policy: POLICY,
    }),
  });
  return { ...rendered, dialog: within(screen.getByRole('dialog')) };
}

describe('locked settings', () => {
  it('are disabled and say which policy key locks them and from where', async () => {
    const { dialog } = await openSettings();
    const url = dialog.getByLabelText('Gateway address');
    expect(url).toBeDisabled();
    expect(url).toHaveAccessibleDescription(
      `Set by your administrator (GatewayUrl in ${HKLM}); it cannot be changed here.`,
    );
    expect(dialog.getByLabelText('Certificate pin (SHA-256)')).toBeDisabled();
    expect(dialog.getByLabelText('Call longer than')).toBeDisabled();
    expect(dialog.getByLabelText('Busy longer than')).toBeEnabled();
    expect(dialog.getByLabelText('Update channel')).toBeDisabled();
    expect(dialog.getByRole('checkbox', { name: /demo mode/ })).toBeDisabled();
    expect(dialog.getByTestId('locked-HotkeyIntercept')).toBeInTheDocument();
    expect(
      within(dialog.getByTestId('hotkey-intercept')).getByRole('button', { name: /Intercept/ }),
    ).toBeDisabled();
    expect(within(dialog.getByTestId('hotkey-listen')).getAllByRole('button')[0]).toBeEnabled();
  });

  it('say so in Chinese too', async () => {
    const { dialog } = await openSettings('zh-CN');
    expect(dialog.getByTestId('locked-GatewayUrl')).toHaveTextContent(
      `由管理员设置（${HKLM} 中的 GatewayUrl），无法在此更改。`,
    );
  });

  it('still let the person save what is not locked', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    await user.selectOptions(dialog.getByLabelText('Theme'), 'dark');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')[0]).toMatchObject({
      theme: 'dark',
      gateway: { url: 'https://cc-gw.example:8043' },
    });
  });
});
