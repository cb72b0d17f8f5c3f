/**
 * Issue 9 in the window: plain HTTP is refused in the settings form unless the lab opt-in is
 * on; with it on, the strip warns permanently; the answer size limit is a setting.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSettings, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { renderApp } from '../../../../test/support/renderer/render-app';
import { SettingsDialog } from './settings-dialog';

async function openSettings() {
  const rendered = await renderApp({
    element: <SettingsDialog onClose={vi.fn()} />,
    snapshot: makeSnapshot(),
  });
  return { ...rendered, dialog: within(screen.getByRole('dialog', { name: 'Settings' })) };
}

describe('gateway transport settings', () => {
  it('refuses an http:// address until "Allow plain HTTP" is on, then sends the opt-in', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await openSettings();
    const url = dialog.getByLabelText('Gateway address');
    await user.clear(url);
    await user.type(url, 'http://lab-gw:8000');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')).toHaveLength(0);
    expect(url).toHaveAccessibleDescription(/clear text.*Allow plain HTTP/);
    const optIn = dialog.getByRole('checkbox', { name: 'Allow plain HTTP (lab gateways only)' });
    expect(optIn).toHaveAccessibleDescription(/clear text.*never remembered/);
    await user.click(optIn);
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.clear(dialog.getByLabelText('Largest gateway answer (MiB)'));
    await user.type(dialog.getByLabelText('Largest gateway answer (MiB)'), '32');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('settings.update')[0]).toMatchObject({
      gateway: { url: 'http://lab-gw:8000', allowInsecureHttp: true, maxAnswerMiB: 32 },
    });
  });

  it('shows a permanent warning in the strip while plain HTTP is allowed', async () => {
    const lab = makeSettings();
    await renderApp({
      snapshot: makeSnapshot({
        settings: { ...lab, gateway: { ...lab.gateway, allowInsecureHttp: true } },
      }),
    });
    expect(screen.getByTestId('insecure-http-warning')).toHaveTextContent(
      'Plain HTTP allowed: the password crosses the network unencrypted.',
    );
  });

  it('shows no warning otherwise', async () => {
    await renderApp({ snapshot: makeSnapshot() });
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.queryByTestId('insecure-http-warning')).toBeNull();
  });
});
