/**
 * reg.exe's output, in the layout it prints (a key path on its own line; each value as four
 * spaces, name, four spaces, type, four spaces, data; REG_DWORD as 0x…; REG_MULTI_SZ joined by
 * a literal \0; CRLF line ends), as in public captures of `reg query` (Microsoft's reg query
 * documentation: https://learn.microsoft.com/windows-server/administration/windows-commands/reg-query).
 */
import { describe, expect, it } from 'vitest';
import { isMissingKeyMessage, parseRegQueryOutput } from './registry-output';

const ROOT = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CC Inspector';

const CAPTURED = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\CC Inspector',
  '    GatewayUrl    REG_SZ    https://cc-gw.example:8043',
  '    AllowInsecureHttp    REG_DWORD    0x0',
  '    DemoModeAllowed    REG_DWORD    0x1',
  '    AlertLongCallSeconds    REG_DWORD    0x384',
  '    PrivateCaPem    REG_MULTI_SZ    -----BEGIN CERTIFICATE-----\\0MIIBszCCAVmgAwIBAgIU\\0-----END CERTIFICATE-----',
  '    HotkeyListen    REG_SZ    ',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\CC Inspector\\Recommended',
  '    Language    REG_SZ    zh-CN',
  '    UpdateChannel    REG_SZ    beta',
  '',
].join('\r\n');

describe('parseRegQueryOutput', () => {
  it('reads values, DWORD booleans and numbers, a multi-string PEM and the Recommended subkey', () => {
    expect(parseRegQueryOutput(CAPTURED, ROOT)).toEqual({
      GatewayUrl: 'https://cc-gw.example:8043',
      AllowInsecureHttp: false,
      DemoModeAllowed: true,
      AlertLongCallSeconds: 900,
      PrivateCaPem: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----',
      HotkeyListen: '',
      Recommended: { Language: 'zh-CN', UpdateChannel: 'beta' },
    });
  });

  it('compares key paths without regard to case, as the registry does', () => {
    const output = CAPTURED.replace(/Software\\Policies/g, 'SOFTWARE\\POLICIES');
    expect(parseRegQueryOutput(output, ROOT)).toMatchObject({ Recommended: { Language: 'zh-CN' } });
  });

  it('keeps a DWORD other than 0/1 for a boolean key as a number (the schema then refuses it)', () => {
    const output = `${ROOT}\r\n    AllowInsecureHttp    REG_DWORD    0x2\r\n`;
    expect(parseRegQueryOutput(output, ROOT)).toEqual({ AllowInsecureHttp: 2 });
  });

  it('ignores keys outside the root and the (Default) value', () => {
    const output = [
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Other',
      '    GatewayUrl    REG_SZ    https://elsewhere',
      ROOT,
      '    (Default)    REG_SZ    (value not set)',
      '    Language    REG_SZ    en',
    ].join('\r\n');
    expect(parseRegQueryOutput(output, ROOT)).toEqual({ Language: 'en' });
  });

  it("recognises reg.exe's message for a key that does not exist", () => {
    expect(
      isMissingKeyMessage(
        'ERROR: The system was unable to find the specified registry key or value.\r\n',
      ),
    ).toBe(true);
    expect(isMissingKeyMessage('ERROR: Access is denied.')).toBe(false);
  });
});
