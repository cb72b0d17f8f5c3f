import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeSettings, makeSnapshot } from '../../../../test/support/renderer/fixtures';
import { renderApp } from '../../../../test/support/renderer/render-app';

const signedOut = makeSnapshot({ connection: { phase: 'signed-out' }, roster: [] });

describe('SignInScreen', () => {
  it('starts from the saved gateway, id and phone number', async () => {
    await renderApp({ snapshot: signedOut });
    expect(screen.getByRole('heading', { name: 'Sign in as inspector' })).toBeInTheDocument();
    expect(screen.getByLabelText('Gateway address')).toHaveValue('https://gw.example:8043');
    expect(screen.getByLabelText('Inspector ID')).toHaveValue('9001');
    expect(screen.getByLabelText('Phone number')).toHaveValue('70001');
  });

  it('shows field errors before sending anything, and moves focus to the first', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: signedOut });
    await user.clear(screen.getByLabelText('Gateway address'));
    await user.type(screen.getByLabelText('Gateway address'), 'gateway');
    await user.clear(screen.getByLabelText('Inspector ID'));
    await user.type(screen.getByLabelText('Inspector ID'), '12');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(api.callsOf('session.signIn')).toHaveLength(0);
    const url = screen.getByLabelText('Gateway address');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/Enter an http\(s\) address/);
    expect(screen.getByLabelText('Inspector ID')).toHaveAccessibleDescription(
      'An inspector ID is a number from 101 to 999999.',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    await vi.waitFor(() => expect(url).toHaveFocus());
  });

  it('signs in with what was typed', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: signedOut });
    await user.type(screen.getByLabelText('Password'), 'pa55');
    await user.click(screen.getByRole('checkbox', { name: /Remember the password/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(api.callsOf('session.signIn')).toEqual([
      {
        gatewayUrl: 'https://gw.example:8043',
        inspectorId: '9001',
        phoneNumber: '70001',
        password: 'pa55',
        remember: true,
      },
    ]);
  });

  it("shows the gateway's refusal in plain words with its retcode", async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: signedOut });
    api.handle('session.signIn', () => ({
      ok: false,
      error: {
        code: 'gateway',
        message: 'Wrong agent ID or password.',
        messageZh: '座席工号或密码错误。',
        retcode: '100-004',
        field: null,
      },
    }));
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Wrong agent ID or password. (code 100-004)',
    );
  });

  it('puts a refusal about one field next to that field', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: signedOut });
    api.handle('session.signIn', () => ({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'The phone number is not known.',
        messageZh: '话机号码未知。',
        retcode: null,
        field: 'phoneNumber',
      },
    }));
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Phone number')).toHaveAccessibleDescription(
      'The phone number is not known.',
    );
  });

  it('uses the remembered password when the field is left empty', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: { ...signedOut, passwordRemembered: true } });
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Leave empty to use the password remembered in the system keychain.',
    );
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(api.callsOf('session.signIn')[0]).not.toHaveProperty('password');
  });

  // Issue 9: editing only the scheme must not reuse the password saved for https.
  it('offers the remembered password only for the exact address it was saved for', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: { ...signedOut, passwordRemembered: true } });
    const url = screen.getByLabelText('Gateway address');
    for (const other of [
      'http://gw.example:8043',
      'https://gw.example:9043',
      'https://gw2.example:8043',
    ]) {
      await user.clear(url);
      await user.type(url, other);
      expect(screen.getByLabelText('Password')).not.toHaveAccessibleDescription(
        /remembered in the system keychain/,
      );
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    }
    expect(api.callsOf('session.signIn')).toHaveLength(0);
    await user.clear(url);
    await user.type(url, 'https://gw.example:8043');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      /Leave empty to use the password remembered in the system keychain\./,
    );
  });

  it("shows main's refusal of a plain-HTTP address at the address field", async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: signedOut });
    api.handle('session.signIn', () => ({
      ok: false,
      error: {
        code: 'insecure-gateway',
        message: 'Plain HTTP would send the password in clear text, so it is refused.',
        messageZh: '明文 HTTP 会以明文发送密码，因此被拒绝。',
        retcode: null,
        field: 'gatewayUrl',
      },
    }));
    const url = screen.getByLabelText('Gateway address');
    await user.clear(url);
    await user.type(url, 'http://gw.example:8043');
    await user.type(screen.getByLabelText('Password'), 'pa55');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(url).toHaveAccessibleDescription(/clear text/);
  });

  it('cannot remember a password without a keychain, and says why', async () => {
    await renderApp({ snapshot: { ...signedOut, keychainAvailable: false } });
    expect(screen.getByRole('checkbox', { name: /Remember the password/ })).toBeDisabled();
    expect(
      screen.getByText('No system keychain is available, so the password cannot be remembered.'),
    ).toBeInTheDocument();
  });

  it('starts demo mode and shows the failure of a lost session', async () => {
    const user = userEvent.setup();
    const failed = makeSnapshot({
      connection: {
        phase: 'failed',
        reason: 'The gateway switched over: sign in again.',
        reasonZh: '网关已容灾切换，请重新签入。',
        retcode: '105-003',
      },
    });
    const { api } = await renderApp({ snapshot: failed });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The gateway switched over: sign in again. (code 105-003)',
    );
    await user.click(screen.getByRole('button', { name: /demo mode/ }));
    expect(api.callsOf('session.startDemo')).toEqual([{}]);
  });

  it('switches to the main screen once main reports the session live', async () => {
    const { api } = await renderApp({ snapshot: signedOut });
    act(() =>
      api.emit('connection.changed', {
        phase: 'live',
        gatewayUrl: 'https://gw',
        inspectorId: '9001',
        demo: false,
        lastDataAt: Date.now(),
      }),
    );
    expect(screen.getByRole('grid', { name: 'Agents' })).toBeInTheDocument();
  });

  it('speaks Chinese when the settings say so', async () => {
    await renderApp({ snapshot: { ...signedOut, settings: makeSettings({ language: 'zh-CN' }) } });
    expect(screen.getByRole('heading', { name: '以质检员身份签入' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '签入' })).toBeInTheDocument();
  });

  // Issue 16: the administrator locked the gateway and turned demo mode off.
  it('keeps a locked gateway address read-only, says why, and offers no demo mode', async () => {
    const source = '/etc/cc-inspector/policy.json';
    await renderApp({
      snapshot: makeSnapshot({
        connection: { phase: 'signed-out' },
        roster: [],
        policy: {
          managed: true,
          demoModeAllowed: false,
          locked: { 'gateway.url': { key: 'GatewayUrl', source } },
        },
      }),
    });
    const url = screen.getByLabelText('Gateway address');
    expect(url).toHaveAttribute('readonly');
    expect(url).toHaveAccessibleDescription(
      `Set by your administrator (GatewayUrl in ${source}); it cannot be changed here.`,
    );
    expect(screen.queryByRole('button', { name: /demo/i })).toBeNull();
  });
});
