/** Several sources into one policy: precedence, key-by-key problems, issue 9's address rules. */
import { describe, expect, it } from 'vitest';
import { mergePolicySources } from './policy-merge';

const HKLM = 'HKLM\\Software\\Policies\\CC Inspector';
const HKCU = 'HKCU\\Software\\Policies\\CC Inspector';
const PIN = 'ab'.repeat(32);

describe('mergePolicySources', () => {
  it('takes each key from the first source that has it; a lock anywhere beats a preset', () => {
    const policy = mergePolicySources([
      {
        source: HKLM,
        document: { GatewayUrl: 'https://machine:8043', Recommended: { Language: 'zh-CN' } },
      },
      {
        source: HKCU,
        document: { GatewayUrl: 'https://user:8043', Language: 'en', UpdateChannel: 'beta' },
      },
    ]);
    expect(policy.locked).toEqual({
      GatewayUrl: 'https://machine:8043',
      Language: 'en',
      UpdateChannel: 'beta',
    });
    expect(policy.recommended).toEqual({});
    expect(policy.origin).toEqual({ GatewayUrl: HKLM, Language: HKCU, UpdateChannel: HKCU });
    expect(policy.sources).toEqual([HKLM, HKCU]);
    expect(policy.problems).toEqual([]);
  });

  it('ignores bad keys one by one, says which and why, and applies the good ones', () => {
    const policy = mergePolicySources([
      {
        source: '/etc/cc-inspector/policy.json',
        document: {
          GatewayUrl: 'https://gw:8043',
          CertificatePin: 'not-a-pin',
          gatewayurl: 'x',
          AlertLongCallSeconds: 3,
          UpdateUrl: 'http://updates.example/cc',
          Recommended: {
            Language: 'fr',
            UpdateUrl: 'https://u.example',
            AlertLongBusySeconds: 600,
          },
        },
      },
    ]);
    expect(policy.locked).toEqual({ GatewayUrl: 'https://gw:8043' });
    expect(policy.recommended).toEqual({ AlertLongBusySeconds: 600 });
    expect(policy.problems.map((problem) => problem.key)).toEqual([
      'CertificatePin',
      'gatewayurl',
      'AlertLongCallSeconds',
      'UpdateUrl',
      'Recommended.Language',
      'Recommended.UpdateUrl',
    ]);
    expect(policy.problems[1]?.message).toContain('did you mean GatewayUrl?');
    expect(policy.problems.every((problem) => problem.messageZh.length > 0)).toBe(true);
  });

  it('ignores a source that is not an object, or cannot be read, as a whole, and says so', () => {
    const policy = mergePolicySources([
      { source: 'a.json', document: ['GatewayUrl'] },
      { source: 'b.json', error: 'not valid JSON: Unexpected token' },
    ]);
    expect(policy.locked).toEqual({});
    expect(policy.problems.map((problem) => [problem.source, problem.key])).toEqual([
      ['a.json', null],
      ['b.json', null],
    ]);
    expect(policy.problems[1]?.message).toContain('could not be read (not valid JSON');
  });

  // Issue 9 (src/shared/gateway-address-policy.ts): plain HTTP needs the opt-in, never with a CA or pin.
  it.each([
    ['plain HTTP without the opt-in', { GatewayUrl: 'http://lab:8000' }, false],
    [
      'plain HTTP with the opt-in but a pin',
      { GatewayUrl: 'http://lab:8000', AllowInsecureHttp: true, CertificatePin: PIN },
      false,
    ],
    [
      'plain HTTP with the opt-in',
      { GatewayUrl: 'http://lab:8000', AllowInsecureHttp: true },
      true,
    ],
  ])('a locked gateway address: %s', (_case, document, kept) => {
    const policy = mergePolicySources([{ source: 'p.json', document }]);
    expect('GatewayUrl' in policy.locked).toBe(kept);
    expect(policy.problems.some((problem) => problem.key === 'GatewayUrl')).toBe(!kept);
  });

  it('judges a preset http address against the locks too: a locked pin refuses it', () => {
    const policy = mergePolicySources([
      {
        source: 'p.json',
        document: {
          CertificatePin: PIN,
          Recommended: { GatewayUrl: 'http://lab:8000', AllowInsecureHttp: true },
        },
      },
    ]);
    expect(policy.recommended).toEqual({ AllowInsecureHttp: true });
    expect(policy.problems[0]?.key).toBe('Recommended.GatewayUrl');
    expect(policy.problems[0]?.message).toContain('only TLS can check');
  });
});
