import { GatewayError } from '../main/gateway/gateway-error';
import { CliError } from './cli-error';
import { requirePhoneNumber, resolveConnectionSettings } from './connection-settings';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const files: Record<string, string> = { '/ca.pem': PEM, '/notes.txt': 'hello' };
const readText = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
  return text;
};

describe('resolveConnectionSettings', () => {
  it('takes flags first and the environment as fallback', () => {
    const env = {
      CC_INSPECTOR_GATEWAY: 'https://env:8043',
      CC_INSPECTOR_AGENT: '2002',
      CC_INSPECTOR_PHONE: '88001',
    };
    expect(
      resolveConnectionSettings({ gateway: 'https://flag:8043', forceLogin: true }, env, readText),
    ).toEqual({
      gatewayUrl: 'https://flag:8043',
      agentId: '2002',
      phoneNumber: '88001',
      caPem: null,
      pinSha256: null,
      forceLogin: true,
    });
  });

  it('reads the CA file and normalises the pin', () => {
    const settings = resolveConnectionSettings(
      { gateway: 'https://gw:8043', agent: '2001', ca: '/ca.pem', pin: 'AB:'.repeat(31) + 'AB' },
      {},
      readText,
    );
    expect(settings.caPem).toBe(PEM);
    expect(settings.pinSha256).toBe('ab'.repeat(32));
    expect(
      resolveConnectionSettings(
        { gateway: 'g', agent: '2001' },
        { CC_INSPECTOR_PIN: 'cd'.repeat(32) },
        readText,
      ).pinSha256,
    ).toBe('cd'.repeat(32));
  });

  it('says what is missing and how to give it', () => {
    expect(() => resolveConnectionSettings({}, {}, readText)).toThrow(
      /--gateway .*CC_INSPECTOR_GATEWAY/,
    );
    expect(() =>
      resolveConnectionSettings({ gateway: 'https://gw' }, { CC_INSPECTOR_AGENT: '  ' }, readText),
    ).toThrow(/--agent ID or set CC_INSPECTOR_AGENT/);
    const settings = resolveConnectionSettings(
      { gateway: 'https://gw', agent: '2001' },
      {},
      readText,
    );
    expect(() => requirePhoneNumber(settings)).toThrow(/--phone NUMBER/);
  });

  it('refuses unreadable or non-PEM CA files and bad pins with usage errors', () => {
    const base = { gateway: 'https://gw', agent: '2001' };
    const missing = (() => {
      try {
        resolveConnectionSettings({ ...base, ca: '/nope.pem' }, {}, readText);
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(CliError);
    expect((missing as CliError).exitCode).toBe(2);
    expect((missing as CliError).message).toMatch(
      /Cannot read the CA certificate file \/nope\.pem: ENOENT/,
    );
    expect(() => resolveConnectionSettings({ ...base, ca: '/notes.txt' }, {}, readText)).toThrow(
      /holds no PEM certificate/,
    );
    expect(() => resolveConnectionSettings({ ...base, pin: 'abc' }, {}, readText)).toThrow(
      GatewayError,
    );
  });
});
