// @vitest-environment node
import { validateSignIn, type SignInForm } from './sign-in-validation';

const good: SignInForm = {
  gatewayUrl: ' https://gw.example:8043 ',
  inspectorId: '9001',
  phoneNumber: '70001',
  password: 'secret',
  remember: true,
};

describe('validateSignIn', () => {
  it('builds the sign-in arguments from a good form', () => {
    expect(validateSignIn(good, false)).toEqual({
      ok: true,
      args: {
        gatewayUrl: 'https://gw.example:8043',
        inspectorId: '9001',
        phoneNumber: '70001',
        password: 'secret',
        remember: true,
      },
    });
  });

  it('names empty fields as missing and bad ones as invalid', () => {
    const result = validateSignIn(
      { gatewayUrl: '', inspectorId: '42', phoneNumber: 'call me', password: '', remember: false },
      false,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        gatewayUrl: 'signIn.errors.gatewayUrlRequired',
        inspectorId: 'signIn.errors.inspectorIdInvalid',
        phoneNumber: 'signIn.errors.phoneNumberInvalid',
        password: 'signIn.errors.passwordRequired',
      },
    });
  });

  it('lets the password be empty when the keychain remembers it, and omits it then', () => {
    const result = validateSignIn({ ...good, password: '' }, true);
    expect(result.ok).toBe(true);
    if (result.ok) expect('password' in result.args).toBe(false);
  });

  it('refuses a password longer than the gateway takes', () => {
    expect(validateSignIn({ ...good, password: 'x'.repeat(33) }, false)).toEqual({
      ok: false,
      errors: { password: 'signIn.errors.passwordInvalid' },
    });
  });
});
