import { createTestAuthority } from '../../../test/support/test-certificates';
import {
  credentialAccount,
  CREDENTIAL_SERVICE,
  InvalidCredentialAccountError,
  legacyCredentialAccount,
} from './credential-account';

const SYSTEM = { caPem: null, pinSha256: null };
const PIN = 'AB:'.repeat(31) + 'AB';

describe('credentialAccount', () => {
  it('names the entry inspector@scheme://host:port', () => {
    expect(credentialAccount('https://gw.example.com:8043', '2001', SYSTEM)).toBe(
      '2001@https://gw.example.com:8043',
    );
  });

  it('gives the same account for every spelling of one gateway', () => {
    const spellings = [
      'https://GW.Example.com:8043/agentgateway/resource/',
      'gw.example.com:8043',
      '  https://gw.example.com:8043  ',
    ];
    expect(new Set(spellings.map((url) => credentialAccount(url, ' 2001 ', SYSTEM)))).toEqual(
      new Set(['2001@https://gw.example.com:8043']),
    );
  });

  // Issue 9: the account was host:port only, so the https entry was also the http one.
  it('keeps http and https apart: an http entry is never the https entry', () => {
    expect(credentialAccount('http://gw:8043', '2001', SYSTEM)).not.toBe(
      credentialAccount('https://gw:8043', '2001', SYSTEM),
    );
  });

  it('keeps ports apart, so two gateways on one host never share a password', () => {
    expect(credentialAccount('https://10.0.0.5:8043', '2001', SYSTEM)).not.toBe(
      credentialAccount('https://10.0.0.5:9043', '2001', SYSTEM),
    );
    expect(credentialAccount('http://[::1]:8000', '2001', SYSTEM)).toBe('2001@http://[::1]:8000');
  });

  it('includes the trust: a pin, a private CA and the system store are three entries', async () => {
    const ca = (await createTestAuthority()).certPem;
    const otherCa = (await createTestAuthority('Other')).certPem;
    const url = 'https://gw:8043';
    const accounts = [
      credentialAccount(url, '2001', SYSTEM),
      credentialAccount(url, '2001', { caPem: null, pinSha256: PIN }),
      credentialAccount(url, '2001', { caPem: ca, pinSha256: null }),
      credentialAccount(url, '2001', { caPem: otherCa, pinSha256: null }),
    ];
    expect(new Set(accounts).size).toBe(4);
    expect(accounts[1]).toBe(`2001@https://gw:8043#pin-sha256=${'ab'.repeat(32)}`);
    // The same pin spelled differently, the same CA with other whitespace: the same entry.
    expect(credentialAccount(url, '2001', { caPem: null, pinSha256: 'ab'.repeat(32) })).toBe(
      accounts[1],
    );
    expect(credentialAccount(url, '2001', { caPem: `\n\n${ca}\n`, pinSha256: null })).toBe(
      accounts[2],
    );
    // A pin replaces chain trust, so the CA beside it does not name another entry.
    expect(credentialAccount(url, '2001', { caPem: ca, pinSha256: PIN })).toBe(accounts[1]);
  });

  it('refuses ids, URLs and trust that cannot name an entry', () => {
    expect(() => credentialAccount('https://gw:8043', '', SYSTEM)).toThrow(
      InvalidCredentialAccountError,
    );
    expect(() => credentialAccount('https://gw:8043', '20a1', SYSTEM)).toThrow(/digits only/);
    expect(() => credentialAccount('https://gw:8043', 'x@evil', SYSTEM)).toThrow(
      InvalidCredentialAccountError,
    );
    expect(() => credentialAccount('', '2001', SYSTEM)).toThrow(InvalidCredentialAccountError);
    expect(() => credentialAccount('ftp://gw:21', '2001', SYSTEM)).toThrow(/http\(s\)/);
    expect(() => credentialAccount('https://', '2001', SYSTEM)).toThrow(
      InvalidCredentialAccountError,
    );
    expect(() =>
      credentialAccount('https://gw:8043', '2001', { caPem: 'junk', pinSha256: null }),
    ).toThrow(/PEM/);
    expect(() =>
      credentialAccount('https://gw:8043', '2001', { caPem: null, pinSha256: 'abc' }),
    ).toThrow(/fingerprint/);
  });

  it('still names the legacy account, host:port without scheme, for migration', () => {
    expect(legacyCredentialAccount('https://GW.example.com:8043/x', '2001')).toBe(
      '2001@gw.example.com:8043',
    );
  });

  it('uses one service name for the product', () => {
    expect(CREDENTIAL_SERVICE).toBe('cc-inspector');
  });
});
