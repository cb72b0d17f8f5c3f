import type { TlsFacts } from './network-probes';
import { judgeTls } from './tls-verdict';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const FINGERPRINT = 'ab'.repeat(32);

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
    const verdict = judgeTls(facts(), null, NOW);
    expect(verdict.status).toBe('ok');
    expect(verdict.daysLeft).toBe(214);
    expect(verdict.details).toContain('valid until 2026-01-01 (214 days left), TLSv1.3');
    expect(verdict.details).toContain(`SHA-256 fingerprint ${'AB:'.repeat(31)}AB`);
  });

  it('fails an untrusted chain or a wrong host name and suggests --ca or --pin with the real fingerprint', () => {
    const untrusted = judgeTls(
      facts({ chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      null,
      NOW,
    );
    expect(untrusted.status).toBe('failed');
    expect(untrusted.details[0]).toBe('not trusted: DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(untrusted.fix).toContain(`--pin ${FINGERPRINT}`);
    expect(untrusted.fix).toContain('--ca FILE');
    const wrongHost = judgeTls(
      facts({ hostnameError: "Hostname/IP does not match certificate's altnames" }),
      null,
      NOW,
    );
    expect(wrongHost.status).toBe('failed');
    expect(wrongHost.details[0]).toMatch(/^wrong host name/);
  });

  it('fails a pin mismatch and prints the actual fingerprint', () => {
    const verdict = judgeTls(facts(), 'cd'.repeat(32), NOW);
    expect(verdict.status).toBe('failed');
    expect(verdict.details[0]).toBe(
      `pin mismatch: pinned ${'CD:'.repeat(31)}CD, the server shows ${'AB:'.repeat(31)}AB`,
    );
    expect(verdict.fix).toContain(`--pin ${FINGERPRINT}`);
  });

  it('lets a matching pin replace chain and host-name trust', () => {
    const verdict = judgeTls(
      facts({ chainTrusted: false, chainError: 'self signed', hostnameError: 'mismatch' }),
      FINGERPRINT,
      NOW,
    );
    expect(verdict.status).toBe('ok');
    expect(verdict.details).toContain('pin matches (the pin replaces CA and host-name checks)');
  });

  it('warns when expiry is near, fails when expired (a pinned one only warns)', () => {
    const soon = judgeTls(facts({ validTo: new Date(NOW + 10 * 86_400_000) }), null, NOW);
    expect(soon.status).toBe('warning');
    expect(soon.fix).toMatch(/expires in 10 days/);
    const expired = facts({
      validTo: new Date(NOW - 86_400_000),
      chainTrusted: false,
      chainError: 'CERT_HAS_EXPIRED',
    });
    expect(judgeTls(expired, null, NOW).status).toBe('failed');
    expect(judgeTls(expired, FINGERPRINT, NOW).status).toBe('warning');
  });
});
