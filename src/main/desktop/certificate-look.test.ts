/**
 * The certificate look behind the trust-change dialog, against real TLS servers with generated
 * certificates: it reads what the server presents without writing a request, and judges it
 * with the app's own sign-in decision (pin, private CA with its leaf rules, system store).
 * What a handshake shows rests on Node's documented `tlsSocket.getPeerCertificate(true)`
 * (the chain through `issuerCertificate`, a self-issued root linked to itself) and
 * `tlsSocket.authorizationError` (OpenSSL's verify code, e.g. DEPTH_ZERO_SELF_SIGNED_CERT).
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSelfSignedCertificate,
  createTestPki,
  type TestCertificate,
  type TestPki,
} from '../../../test/support/test-certificates';
import {
  startStubGateway,
  type StubGateway,
} from '../../../test/support/gateway/stub-gateway-server';
import { formatFingerprint } from '../gateway/transport/certificate-pin';
import { createCertificateLook } from './certificate-look';

const DAY_MS = 86_400_000;
const NO_TRUST = { caPem: null, pinSha256: null };
let pki: TestPki;
let selfSigned: TestCertificate;
const servers: Array<{ close(): Promise<void> | void }> = [];

beforeAll(async () => {
  [pki, selfSigned] = await Promise.all([createTestPki(), createSelfSignedCertificate()]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function presenting(certificate: TestCertificate): Promise<StubGateway> {
  const server = await startStubGateway({
    tls: { certPem: certificate.chainPem, keyPem: certificate.keyPem },
  });
  servers.push(server);
  return server;
}

const look = createCertificateLook();

describe('the certificate a gateway presents, for the trust-change question', () => {
  it('reads it without sending a request, and a matching pin accepts it', async () => {
    const server = await presenting(selfSigned);
    const seen = await look.look(server.origin, { caPem: null, pinSha256: selfSigned.sha256 });
    expect(seen).toMatchObject({
      seen: true,
      fingerprint: formatFingerprint(selfSigned.sha256),
      subject: expect.stringContaining('CN=self-signed.cc-gateway.test'),
      validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      verdict: 'matches',
    });
    // A handshake and nothing else: no HTTP request reached the server.
    expect(server.requests).toEqual([]);
  });

  it('a different pin refuses it, naming what the server showed', async () => {
    const server = await presenting(selfSigned);
    const seen = await look.look(server.origin, { caPem: null, pinSha256: 'a7'.repeat(32) });
    expect(seen).toMatchObject({ seen: true, verdict: 'does-not-match' });
    expect(seen.seen && seen.reason).toContain(selfSigned.sha256);
  });

  it('a private CA accepts its own leaf (through an intermediate too) and refuses another CA’s', async () => {
    const fromRoot = await presenting(await pki.issue());
    expect(await look.look(fromRoot.origin, { caPem: pki.rootPem, pinSha256: null })).toMatchObject(
      { seen: true, verdict: 'matches', issuer: expect.stringContaining('Test Root CA') },
    );
    const viaIntermediate = await presenting(await pki.issue({ issuer: 'intermediate' }));
    expect(
      await look.look(viaIntermediate.origin, { caPem: pki.rootPem, pinSha256: null }),
    ).toMatchObject({ seen: true, verdict: 'matches' });
    const otherRoot = await presenting(await pki.issue({ issuer: 'other-root' }));
    expect(
      await look.look(otherRoot.origin, { caPem: pki.rootPem, pinSha256: null }),
    ).toMatchObject({ seen: true, verdict: 'does-not-match' });
  });

  it('the CA’s leaf rules refuse what sign-in would refuse: expired, or not naming the host', async () => {
    const expired = await presenting(
      await pki.issue({
        notBefore: new Date(Date.now() - 60 * DAY_MS),
        notAfter: new Date(Date.now() - DAY_MS),
      }),
    );
    const seenExpired = await look.look(expired.origin, { caPem: pki.rootPem, pinSha256: null });
    expect(seenExpired).toMatchObject({ seen: true, verdict: 'does-not-match' });
    const otherHost = await presenting(await pki.issue({ hosts: ['gw.elsewhere.test'] }));
    const seenOtherHost = await look.look(otherHost.origin, {
      caPem: pki.rootPem,
      pinSha256: null,
    });
    expect(seenOtherHost).toMatchObject({ seen: true, verdict: 'does-not-match' });
    expect(seenOtherHost.seen && seenOtherHost.reason).toContain('127.0.0.1');
  });

  it('with neither pin nor CA the system store decides, and the dialog says so', async () => {
    const server = await presenting(selfSigned);
    const seen = await look.look(server.origin, NO_TRUST);
    expect(seen).toMatchObject({ seen: true, verdict: 'system-decides' });
    // Node's public roots do not know a self-signed certificate: said, not decided.
    expect(seen.seen && seen.reason).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('reports, never throws, when nothing can be seen: refused port, silent server, plain http', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => void silent.close() });
    const port = (silent.address() as { port: number }).port;
    const quick = createCertificateLook({ timeoutMs: 300 });
    expect(await quick.look(`https://127.0.0.1:${port}`, NO_TRUST)).toEqual({
      seen: false,
      problem: 'no TLS handshake within 300 ms',
    });
    const closed = await presenting(selfSigned);
    await closed.close();
    expect(await quick.look(closed.origin, NO_TRUST)).toMatchObject({
      seen: false,
      problem: expect.stringContaining('ECONNREFUSED'),
    });
    expect(await quick.look('http://127.0.0.1:8043', NO_TRUST)).toEqual({
      seen: false,
      problem: 'the address is not an https:// URL',
    });
  });
});
