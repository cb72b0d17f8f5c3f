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
      insecureHttp: false,
      maxAnswerBytes: undefined,
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
        { gateway: 'https://g', agent: '2001' },
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

  // Issue 9: `--gateway http://…` sent the password in clear text and succeeded.
  describe('plain HTTP', () => {
    const refusal = (flags: Parameters<typeof resolveConnectionSettings>[0]) => {
      try {
        resolveConnectionSettings({ agent: '2001', ...flags }, {}, readText);
      } catch (error) {
        return error as CliError;
      }
      throw new Error('expected a refusal');
    };

    it('is refused by default, with a typed error that names the fix', () => {
      const error = refusal({ gateway: 'http://gw:8000' });
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({ kind: 'insecure-gateway', exitCode: 2 });
      expect(error.message).toMatch(/clear text.*https:\/\/.*--allow-insecure-http/);
      // Also when the address comes from the environment.
      expect(() =>
        resolveConnectionSettings(
          { agent: '2001' },
          { CC_INSPECTOR_GATEWAY: 'HTTP://gw:8000' },
          readText,
        ),
      ).toThrow(/--allow-insecure-http/);
    });

    it('is allowed with --allow-insecure-http, and marked as insecure', () => {
      const settings = resolveConnectionSettings(
        { gateway: 'http://gw:8000', agent: '2001', allowInsecureHttp: true },
        {},
        readText,
      );
      expect(settings.insecureHttp).toBe(true);
    });

    it('is refused even with the opt-in when a pin or a private CA is configured', () => {
      for (const extra of [{ pin: 'ab'.repeat(32) }, { ca: '/ca.pem' }]) {
        const error = refusal({ gateway: 'http://gw:8000', allowInsecureHttp: true, ...extra });
        expect(error).toMatchObject({ kind: 'insecure-gateway', exitCode: 2 });
        expect(error.message).toMatch(/only TLS can check/);
      }
    });

    it('refuses an address that is not an http(s) URL', () => {
      expect(refusal({ gateway: 'gw:8043' })).toMatchObject({ kind: 'usage', exitCode: 2 });
    });
  });

  it('reads --max-answer-mib as whole MiB, within bounds', () => {
    const base = { gateway: 'https://gw', agent: '2001' };
    expect(
      resolveConnectionSettings({ ...base, maxAnswerMib: '64' }, {}, readText).maxAnswerBytes,
    ).toBe(64 * 1024 * 1024);
    for (const bad of ['0', '257', '1.5', 'lots'])
      expect(() => resolveConnectionSettings({ ...base, maxAnswerMib: bad }, {}, readText)).toThrow(
        /--max-answer-mib/,
      );
  });
});
