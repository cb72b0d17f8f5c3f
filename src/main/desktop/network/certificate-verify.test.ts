import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACCEPT,
  decideCertificate,
  ERR_CERT_AUTHORITY_INVALID,
  fingerprintOf,
  prepareTrust,
  REJECT,
  USE_CHROMIUM_VERDICT,
  type CertificateLike,
  type VerifyRequestLike,
} from './certificate-verify';
import {
  createTestPki,
  type TestCertificate,
  type TestPki,
} from '../../../../test/support/test-certificates';

const NOW = Date.now();

/** Electron's Certificate structure for a PEM chain (leaf first). */
function electronCertificate(pems: string[]): CertificateLike {
  const [first, ...rest] = pems;
  const der = new X509Certificate(first as string).raw;
  return {
    data: first as string,
    fingerprint: `sha256/${createHash('sha256').update(der).digest('base64')}`,
    ...(rest.length > 0 ? { issuerCert: electronCertificate(rest) } : {}),
  };
}

const request = (
  pems: string[],
  hostname = '127.0.0.1',
  chromiumOk = false,
): VerifyRequestLike => ({
  hostname,
  certificate: electronCertificate(pems),
  verificationResult: chromiumOk ? 'net::OK' : 'net::ERR_CERT_AUTHORITY_INVALID',
  errorCode: chromiumOk ? 0 : -202,
});

describe('decideCertificate', () => {
  let pki: TestPki;
  let leaf: TestCertificate;
  beforeAll(async () => {
    pki = await createTestPki();
    leaf = await pki.issue();
  });

  const hex = (pem: string): string =>
    createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
  const colonHex = (pem: string): string => (hex(pem).toUpperCase().match(/../g) ?? []).join(':');

  it('with no trust configured, leaves the decision to Chromium', () => {
    const trust = prepareTrust({ caPem: null, pinSha256: null });
    expect(decideCertificate(request([leaf.certPem]), trust, NOW).result).toBe(
      USE_CHROMIUM_VERDICT,
    );
  });

  it('accepts the pinned certificate even when Chromium cannot verify it, in any pin spelling', async () => {
    const selfSigned = await pki.issue({ issuer: 'self' });
    const sha256Base64 = `sha256/${createHash('sha256').update(new X509Certificate(selfSigned.certPem).raw).digest('base64')}`;
    for (const pin of [hex(selfSigned.certPem), colonHex(selfSigned.certPem), sha256Base64]) {
      const trust = prepareTrust({ caPem: null, pinSha256: pin });
      expect(decideCertificate(request([selfSigned.certPem]), trust, NOW)).toMatchObject({
        result: ACCEPT,
      });
    }
  });

  it('refuses any other certificate when a pin is set, even one Chromium trusts', () => {
    const trust = prepareTrust({ caPem: null, pinSha256: 'ab'.repeat(32) });
    const decision = decideCertificate(request([leaf.certPem], '127.0.0.1', true), trust, NOW);
    expect(decision.result).toBe(REJECT);
    expect(decision.reason).toContain(hex(leaf.certPem));
  });

  it("falls back to Electron's sha256/<base64> fingerprint when the PEM cannot be read", () => {
    const certificate = { ...electronCertificate([leaf.certPem]), data: 'garbage' };
    expect(fingerprintOf(certificate)).toBe(hex(leaf.certPem));
  });

  it('accepts a leaf issued by the private CA for the right host', () => {
    const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
    expect(decideCertificate(request([leaf.certPem]), trust, NOW)).toMatchObject({
      result: ACCEPT,
    });
    expect(decideCertificate(request([leaf.certPem], 'localhost'), trust, NOW)).toMatchObject({
      result: ACCEPT,
    });
  });

  it('accepts a chain through an intermediate the server sends, anchored in the private root', async () => {
    const viaIntermediate = await pki.issue({ issuer: 'intermediate' });
    const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
    expect(
      decideCertificate(request([viaIntermediate.certPem, pki.intermediatePem]), trust, NOW).result,
    ).toBe(ACCEPT);
    // Without the intermediate the chain does not reach the root.
    expect(decideCertificate(request([viaIntermediate.certPem]), trust, NOW).result).toBe(
      USE_CHROMIUM_VERDICT,
    );
  });

  it("accepts the gateway's own self-signed certificate pasted as the CA", async () => {
    const selfSigned = await pki.issue({ issuer: 'self' });
    const trust = prepareTrust({ caPem: selfSigned.certPem, pinSha256: null });
    expect(decideCertificate(request([selfSigned.certPem]), trust, NOW).result).toBe(ACCEPT);
  });

  it('does not accept what the private CA did not sign, a wrong host or an expired leaf', async () => {
    const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
    const foreign = await pki.issue({ issuer: 'other-root' });
    expect(
      decideCertificate(request([foreign.certPem, pki.otherRootPem]), trust, NOW),
    ).toMatchObject({ result: USE_CHROMIUM_VERDICT });
    expect(decideCertificate(request([leaf.certPem], 'gateway.example'), trust, NOW)).toMatchObject(
      {
        result: REJECT,
        reason: 'the certificate does not name gateway.example in its subject alternative names',
      },
    );
    const expired = await pki.issue({
      notBefore: new Date(NOW - 10 * 86_400_000),
      notAfter: new Date(NOW - 86_400_000),
    });
    expect(decideCertificate(request([expired.certPem]), trust, NOW).reason).toContain('expired');
  });

  it('leaves a chain Chromium already trusts to Chromium', () => {
    const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
    expect(decideCertificate(request([leaf.certPem], '127.0.0.1', true), trust, NOW).result).toBe(
      USE_CHROMIUM_VERDICT,
    );
  });

  it('refuses unreadable trust settings with a typed error', () => {
    expect(() => prepareTrust({ caPem: 'not a pem', pinSha256: null })).toThrow(
      /expected PEM text/,
    );
    expect(() =>
      prepareTrust({
        caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        pinSha256: null,
      }),
    ).toThrow(/could not be read/);
    expect(() => prepareTrust({ caPem: null, pinSha256: 'abc' })).toThrow(
      /Invalid certificate pin/,
    );
  });

  // Issue 9: a private CA or a pin widens trust exactly as far as configured, never further.
  describe('fails closed', () => {
    const withError = (pems: string[], errorCode: number, name: string): VerifyRequestLike => ({
      ...request(pems),
      errorCode,
      verificationResult: `net::${name}`,
    });

    it('a private CA never overrides revocation, expiry, a name mismatch or another error', () => {
      const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
      for (const [code, name] of [
        [-206, 'ERR_CERT_REVOKED'],
        [-201, 'ERR_CERT_DATE_INVALID'],
        [-200, 'ERR_CERT_COMMON_NAME_INVALID'],
        [-207, 'ERR_CERT_INVALID'],
        [-208, 'ERR_CERT_WEAK_SIGNATURE_ALGORITHM'],
      ] as const) {
        expect(decideCertificate(withError([leaf.certPem], code, name), trust, NOW)).toMatchObject({
          result: USE_CHROMIUM_VERDICT,
          reason: expect.stringContaining(name),
        });
      }
      expect(ERR_CERT_AUTHORITY_INVALID).toBe(-202);
    });

    it('checks the host against the SAN only: a common name is never enough', async () => {
      const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
      const cnOnly = await pki.issue({
        hosts: ['gateway.example'],
        commonName: 'gateway.example',
        noSubjectAltName: true,
      });
      expect(decideCertificate(request([cnOnly.certPem], 'gateway.example'), trust, NOW)).toEqual({
        result: REJECT,
        reason: 'the certificate does not name gateway.example in its subject alternative names',
      });
    });

    it('requires the server-auth EKU and a leaf that is not a CA', async () => {
      const trust = prepareTrust({ caPem: pki.rootPem, pinSha256: null });
      for (const extendedKeyUsage of ['client', 'none'] as const) {
        const issued = await pki.issue({ extendedKeyUsage });
        expect(decideCertificate(request([issued.certPem]), trust, NOW)).toMatchObject({
          result: REJECT,
          reason: expect.stringContaining('server-auth extended key usage'),
        });
      }
      const caLeaf = await pki.issue({ leafIsCa: true });
      expect(decideCertificate(request([caLeaf.certPem]), trust, NOW)).toMatchObject({
        result: REJECT,
        reason: expect.stringContaining('is a CA certificate'),
      });
    });

    it('a pin still checks the host name and the validity dates', async () => {
      const elsewhere = await pki.issue({ issuer: 'self', hosts: ['elsewhere.example'] });
      expect(
        decideCertificate(
          request([elsewhere.certPem]),
          prepareTrust({ caPem: null, pinSha256: hex(elsewhere.certPem) }),
          NOW,
        ),
      ).toMatchObject({ result: REJECT, reason: expect.stringContaining('does not name') });
      const expired = await pki.issue({
        issuer: 'self',
        notBefore: new Date(NOW - 10 * 86_400_000),
        notAfter: new Date(NOW - 86_400_000),
      });
      const pinned = prepareTrust({ caPem: null, pinSha256: hex(expired.certPem) });
      expect(decideCertificate(request([expired.certPem]), pinned, NOW)).toMatchObject({
        result: REJECT,
        reason: expect.stringContaining('expired'),
      });
      // The same certificate was fine while it was valid.
      expect(
        decideCertificate(request([expired.certPem]), pinned, NOW - 5 * 86_400_000).result,
      ).toBe(ACCEPT);
    });
  });
});
