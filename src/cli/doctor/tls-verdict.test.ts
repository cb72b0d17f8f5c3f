import { X509Certificate } from 'node:crypto';
import {
  createSelfSignedCertificate,
  createTestAuthority,
  type TestCertificate,
} from '../../../test/support/test-certificates';
import type { TlsFacts } from './network-probes';
import { judgeTls, type TlsJudgement } from './tls-verdict';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const FINGERPRINT = 'ab'.repeat(32);
const HOST = '127.0.0.1';
const SYSTEM: TlsJudgement = { pinSha256: null, caConfigured: false, hostname: HOST };
const pinned = (pinSha256: string): TlsJudgement => ({ ...SYSTEM, pinSha256 });

function facts(overrides: Partial<TlsFacts> = {}): TlsFacts {
  return {
    chainTrusted: true,
    chainError: null,
    hostnameError: null,
    subject: 'CN=gw.example.com',
    issuer: 'CN=Example CA',
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validTo: new Date('2026-01-01T00:00:00Z'),
    fingerprintSha256: FINGERPRINT,
    protocol: 'TLSv1.3',
    chainPem: [],
    ...overrides,
  };
}

describe('judgeTls', () => {
  it('passes a trusted certificate and shows expiry and fingerprint', () => {
    const verdict = judgeTls(facts(), SYSTEM, NOW);
    expect(verdict.status).toBe('ok');
    expect(verdict.daysLeft).toBe(214);
    expect(verdict.details).toContain('valid until 2026-01-01 (214 days left), TLSv1.3');
    expect(verdict.details).toContain(`SHA-256 fingerprint ${'AB:'.repeat(31)}AB`);
  });

  it('fails an untrusted chain or a wrong host name and suggests --ca or --pin with the real fingerprint', () => {
    const untrusted = judgeTls(
      facts({ chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      SYSTEM,
      NOW,
    );
    expect(untrusted.status).toBe('failed');
    expect(untrusted.details[0]).toBe('not trusted: DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(untrusted.fix).toContain(`--pin ${FINGERPRINT}`);
    expect(untrusted.fix).toContain('--ca FILE');
    const wrongHost = judgeTls(
      facts({ hostnameError: "Hostname/IP does not match certificate's altnames" }),
      SYSTEM,
      NOW,
    );
    expect(wrongHost.status).toBe('failed');
    expect(wrongHost.details[0]).toMatch(/^wrong host name/);
  });

  it('fails a pin mismatch and prints the actual fingerprint', () => {
    const verdict = judgeTls(facts(), pinned('cd'.repeat(32)), NOW);
    expect(verdict.status).toBe('failed');
    expect(verdict.details[0]).toBe(
      `pin mismatch: pinned ${'CD:'.repeat(31)}CD, the server shows ${'AB:'.repeat(31)}AB`,
    );
    expect(verdict.fix).toContain(`--pin ${FINGERPRINT}`);
  });

  it('lets a matching pin replace the chain, not the host name (by SAN, as the client checks)', () => {
    const verdict = judgeTls(
      facts({ chainTrusted: false, chainError: 'self signed', hostnameError: 'mismatch' }),
      pinned(FINGERPRINT),
      NOW,
    );
    expect(verdict.status).toBe('ok');
    expect(verdict.details).toContain(
      'pin matches (the pin replaces the CA check; the host name and the dates still count)',
    );
  });

  it('warns when expiry is near, fails when expired, pinned or not (the client refuses both)', () => {
    const soon = judgeTls(facts({ validTo: new Date(NOW + 10 * 86_400_000) }), SYSTEM, NOW);
    expect(soon.status).toBe('warning');
    expect(soon.fix).toMatch(/expires in 10 days/);
    const expired = facts({
      validTo: new Date(NOW - 86_400_000),
      chainTrusted: false,
      chainError: 'CERT_HAS_EXPIRED',
    });
    expect(judgeTls(expired, SYSTEM, NOW).status).toBe('failed');
    const pinnedExpired = judgeTls(expired, pinned(FINGERPRINT), NOW);
    expect(pinnedExpired.status).toBe('failed');
    expect(pinnedExpired.details).toContain('the certificate has expired');
  });

  // The transport's leaf rules (leaf-checks.ts; node-fetch.test.ts "with a pin, still refuses
  // a certificate that names another host", "with a private CA, requires the server-auth EKU"):
  // the doctor must not pass what sign-in then refuses.
  describe('with the presented certificate, by the client’s own leaf rules', () => {
    async function factsOf(certificate: TestCertificate): Promise<TlsFacts> {
      const leaf = new X509Certificate(certificate.certPem);
      return facts({
        chainPem: [certificate.certPem],
        fingerprintSha256: certificate.sha256,
        validFrom: new Date(leaf.validFrom),
        validTo: new Date(leaf.validTo),
      });
    }

    it('a pinned certificate must still name the host in its SAN', async () => {
      const certificate = await createSelfSignedCertificate({ hosts: ['gw.elsewhere.test'] });
      const verdict = judgeTls(await factsOf(certificate), pinned(certificate.sha256), Date.now());
      expect(verdict.status).toBe('failed');
      expect(verdict.details[0]).toBe(
        'refused by the client’s certificate rules: the certificate does not name 127.0.0.1 in its subject alternative names',
      );
      const forHost = await createSelfSignedCertificate();
      expect(judgeTls(await factsOf(forHost), pinned(forHost.sha256), Date.now()).status).toBe(
        'ok',
      );
    });

    it('with --ca the leaf needs the server-auth EKU and must not be a CA', async () => {
      const authority = await createTestAuthority();
      const withCa: TlsJudgement = { ...SYSTEM, caConfigured: true };
      const clientOnly = await authority.issue({ extendedKeyUsage: 'client' });
      const noEku = judgeTls(await factsOf(clientOnly), withCa, Date.now());
      expect(noEku.status).toBe('failed');
      expect(noEku.details[0]).toContain('not issued for TLS servers');
      const caLeaf = await authority.issue({ leafIsCa: true });
      expect(judgeTls(await factsOf(caLeaf), withCa, Date.now()).details[0]).toContain(
        'is a CA certificate',
      );
      const good = await authority.issue();
      expect(judgeTls(await factsOf(good), withCa, Date.now()).status).toBe('ok');
    });
  });
});
