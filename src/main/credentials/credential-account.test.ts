import {
  credentialAccount,
  CREDENTIAL_SERVICE,
  InvalidCredentialAccountError,
} from './credential-account';

describe('credentialAccount', () => {
  it('names the entry inspector@host:port', () => {
    expect(credentialAccount('https://gw.example.com:8043', '2001')).toBe(
      '2001@gw.example.com:8043',
    );
  });

  it('gives the same account for every spelling of one gateway', () => {
    const spellings = [
      'https://GW.Example.com:8043/agentgateway/resource/',
      'gw.example.com:8043',
      '  https://gw.example.com:8043  ',
    ];
    expect(new Set(spellings.map((url) => credentialAccount(url, ' 2001 ')))).toEqual(
      new Set(['2001@gw.example.com:8043']),
    );
  });

  it('keeps ports apart, so two gateways on one host never share a password', () => {
    expect(credentialAccount('https://10.0.0.5:8043', '2001')).not.toBe(
      credentialAccount('https://10.0.0.5:9043', '2001'),
    );
    expect(credentialAccount('http://[::1]:8000', '2001')).toBe('2001@[::1]:8000');
  });

  it('refuses ids and URLs that cannot name an entry', () => {
    expect(() => credentialAccount('https://gw:8043', '')).toThrow(InvalidCredentialAccountError);
    expect(() => credentialAccount('https://gw:8043', '20a1')).toThrow(/digits only/);
    expect(() => credentialAccount('https://gw:8043', 'x@evil')).toThrow(
      InvalidCredentialAccountError,
    );
    expect(() => credentialAccount('', '2001')).toThrow(InvalidCredentialAccountError);
    expect(() => credentialAccount('ftp://gw:21', '2001')).toThrow(/http\(s\)/);
    expect(() => credentialAccount('https://', '2001')).toThrow(InvalidCredentialAccountError);
  });

  it('uses one service name for the product', () => {
    expect(CREDENTIAL_SERVICE).toBe('cc-inspector');
  });
});
