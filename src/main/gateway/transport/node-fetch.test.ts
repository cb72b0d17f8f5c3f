/**
 * The Node transport against real HTTPS servers with generated certificates: CA trust is
 * added to the bundle, verification cannot be switched off, and a pin replaces chain trust.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSelfSignedCertificate,
  createTestAuthority,
  type TestAuthority,
  type TestCertificate,
} from '../../../../test/support/test-certificates';
import { formatFingerprint } from './certificate-pin';
import { GatewayClient } from '../gateway-client';
import { GatewayError } from '../gateway-error';
import { createNodeFetch, type NodeTlsOptions } from './node-fetch';
import {
  startStubGateway,
  type StubGateway,
  type StubHandler,
} from '../../../../test/support/gateway/stub-gateway-server';
import { signInReply } from '../../../../test/support/gateway/client-fixtures';

const DAY_MS = 86_400_000;
let authority: TestAuthority;
let otherAuthority: TestAuthority;
let selfSigned: TestCertificate;
const servers: StubGateway[] = [];

beforeAll(async () => {
  [authority, otherAuthority, selfSigned] = await Promise.all([
    createTestAuthority(),
    createTestAuthority('Other CA'),
    createSelfSignedCertificate(),
  ]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A stub gateway presenting the certificate's chain (the leaf, then any intermediates). */
async function httpsGateway(certificate: TestCertificate): Promise<StubGateway> {
  const server = await startStubGateway({
    tls: { certPem: certificate.chainPem, keyPem: certificate.keyPem },
    handler: () => signInReply(),
  });
  servers.push(server);
  return server;
}

/** Signs in through a fresh transport with these trust options; returns the error, if any. */
async function trySignIn(
  server: StubGateway,
  tls: NodeTlsOptions,
  host = '127.0.0.1',
): Promise<GatewayError | null> {
  const transport = createNodeFetch(tls);
  try {
    const client = new GatewayClient({
      baseUrl: server.origin.replace('127.0.0.1', host),
      agentId: '291',
      fetch: transport,
      requestTimeoutMs: 3_000,
    });
    await client.signIn({ password: 'x', phoneNumber: '1' });
    return null;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  } finally {
    await transport.close();
  }
}

describe('createNodeFetch trust', () => {
  it('trusts a gateway whose certificate a configured private CA issued', async () => {
    const server = await httpsGateway(await authority.issue());
    expect(await trySignIn(server, { caPem: authority.certPem })).toBeNull();
  });

  it('refuses the same gateway without the CA, and with a different CA', async () => {
    const server = await httpsGateway(await authority.issue());
    const withoutCa = await trySignIn(server, {});
    expect(withoutCa?.kind).toBe('tls');
    expect(withoutCa?.message).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER/,
    );
    expect((await trySignIn(server, { caPem: otherAuthority.certPem }))?.kind).toBe('tls');
  });

  it('trusts a leaf issued through an intermediate the gateway sends, anchored in the CA', async () => {
    const intermediate = await authority.createIntermediate();
    const server = await httpsGateway(await intermediate.issue());
    expect(await trySignIn(server, { caPem: authority.certPem })).toBeNull();
    expect((await trySignIn(server, { caPem: otherAuthority.certPem }))?.kind).toBe('tls');
  });

  it('refuses an expired certificate from a trusted CA', async () => {
    const server = await httpsGateway(
      await authority.issue({
        notBefore: new Date(Date.now() - 10 * DAY_MS),
        notAfter: new Date(Date.now() - DAY_MS),
      }),
    );
    const error = await trySignIn(server, { caPem: authority.certPem });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toContain('CERT_HAS_EXPIRED');
  });

  it('refuses a certificate for another host name', async () => {
    const server = await httpsGateway(await authority.issue({ hosts: ['gateway.elsewhere.test'] }));
    const error = await trySignIn(server, { caPem: authority.certPem });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/does not name 127\.0\.0\.1/);
    // Without a private CA, Node's own host check reports it.
    const issuedElsewhere = await trySignIn(server, {});
    expect(issuedElsewhere?.kind).toBe('tls');
  });

  it('refuses a self-signed certificate unless it is pinned', async () => {
    const server = await httpsGateway(selfSigned);
    const error = await trySignIn(server, {});
    expect(error?.kind).toBe('tls');
    expect(error?.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await trySignIn(server, { pinSha256: selfSigned.sha256 })).toBeNull();
    expect(await trySignIn(server, { pinSha256: formatFingerprint(selfSigned.sha256) })).toBeNull();
    expect(
      await trySignIn(server, {
        pinSha256: `sha256/${Buffer.from(selfSigned.sha256, 'hex').toString('base64')}`,
      }),
    ).toBeNull();
  });

  it('a pin mismatch fails as tls, showing the expected and the actual fingerprint', async () => {
    const issued = await authority.issue();
    const server = await httpsGateway(issued);
    const wrongPin = 'ab'.repeat(32);
    const error = await trySignIn(server, { caPem: authority.certPem, pinSha256: wrongPin });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toContain(formatFingerprint(wrongPin));
    expect(error?.message).toContain(formatFingerprint(issued.sha256));
    expect(server.requests).toEqual([]);
  });

  it('a pin on a plain-HTTP gateway fails: there is no certificate to match', async () => {
    const server = await startStubGateway({ handler: () => signInReply() });
    servers.push(server);
    const error = await trySignIn(server, { pinSha256: selfSigned.sha256 });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toContain('no certificate');
  });

  it('keeps the pinned connection alive across requests', async () => {
    const server = await httpsGateway(selfSigned);
    const transport = createNodeFetch({ pinSha256: selfSigned.sha256 });
    const client = new GatewayClient({ baseUrl: server.origin, agentId: '291', fetch: transport });
    await client.signIn({ password: 'x', phoneNumber: '1' });
    for (let index = 0; index < 5; index++) await client.listen('101');
    expect(server.requests).toHaveLength(6);
    await transport.close();
  });

  it('has no way to switch verification off, and refuses bad CA PEM or pins', () => {
    expect(() => createNodeFetch({ rejectUnauthorized: false as unknown as true })).toThrow(
      /cannot be switched off/,
    );
    expect(() => createNodeFetch({ caPem: 'not a certificate' })).toThrow(/Invalid CA certificate/);
    expect(() =>
      createNodeFetch({ caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }),
    ).toThrow(/could not be read/);
    expect(() => createNodeFetch({ pinSha256: 'abc' })).toThrow(/Invalid certificate pin/);
  });

  it('treats empty CA and pin values as not configured', async () => {
    const server = await httpsGateway(await authority.issue());
    const error = await trySignIn(server, { caPem: '  ', pinSha256: '' });
    expect(error?.kind).toBe('tls');
  });
});

// Issue 9: trust extended beyond the system store accepts no more than it must.
describe('createNodeFetch trust fails closed', () => {
  it('with a private CA, checks the host against the SAN only (no common-name fallback)', async () => {
    const cnOnly = await authority.issue({
      hosts: ['localhost'],
      commonName: 'localhost',
      noSubjectAltName: true,
    });
    const server = await httpsGateway(cnOnly);
    const error = await trySignIn(server, { caPem: authority.certPem }, 'localhost');
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/does not name localhost in its subject alternative names/);
    expect(server.requests).toEqual([]);
  });

  it('with a private CA, requires the server-auth EKU', async () => {
    // No EKU at all: OpenSSL lets it pass (any purpose); our leaf check does not.
    const none = await httpsGateway(await authority.issue({ extendedKeyUsage: 'none' }));
    const error = await trySignIn(none, { caPem: authority.certPem });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/server-auth extended key usage/);
    expect(none.requests).toEqual([]);
    // Client auth only: OpenSSL refuses it first (INVALID_PURPOSE), as a TLS failure.
    const client = await httpsGateway(await authority.issue({ extendedKeyUsage: 'client' }));
    expect(await trySignIn(client, { caPem: authority.certPem })).toMatchObject({
      kind: 'tls',
      message: expect.stringContaining('INVALID_PURPOSE') as unknown,
    });
    expect(client.requests).toEqual([]);
  });

  it('with a private CA, refuses a leaf that is itself a CA', async () => {
    const server = await httpsGateway(await authority.issue({ leafIsCa: true }));
    const error = await trySignIn(server, { caPem: authority.certPem });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/is a CA certificate/);
  });

  it('with a pin, still refuses an expired certificate', async () => {
    const expired = await createSelfSignedCertificate({
      notBefore: new Date(Date.now() - 10 * DAY_MS),
      notAfter: new Date(Date.now() - DAY_MS),
    });
    const server = await httpsGateway(expired);
    const error = await trySignIn(server, { pinSha256: expired.sha256 });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/expired or not yet valid/);
    expect(server.requests).toEqual([]);
  });

  it('with a pin, still refuses a certificate that names another host', async () => {
    const elsewhere = await createSelfSignedCertificate({ hosts: ['gateway.elsewhere.test'] });
    const server = await httpsGateway(elsewhere);
    const error = await trySignIn(server, { pinSha256: elsewhere.sha256 });
    expect(error?.kind).toBe('tls');
    expect(error?.message).toMatch(/does not name 127\.0\.0\.1/);
    expect(server.requests).toEqual([]);
  });
});

// Issue 9: the Node transport never follows a redirect and never takes an unbounded answer.
describe('createNodeFetch answers', () => {
  async function gatewayAnswering(handler: StubHandler): Promise<StubGateway> {
    const server = await startStubGateway({
      tls: { certPem: selfSigned.chainPem, keyPem: selfSigned.keyPem },
      handler,
    });
    servers.push(server);
    return server;
  }

  it('refuses every redirect as a transport error, before adopting anything from it', async () => {
    const target = await httpsGateway(selfSigned);
    for (const status of [301, 302, 303, 307, 308]) {
      const server = await gatewayAnswering(() => ({
        status,
        headers: { Location: `${target.origin}/steal?token=secret`, 'Set-GUID': 'Set-GUID=x.y' },
        body: '',
      }));
      const error = await trySignIn(server, { pinSha256: selfSigned.sha256 });
      expect(error?.kind).toBe('transport');
      expect(error?.message).toMatch(
        new RegExp(
          `redirect \\(HTTP ${status} to https://127\\.0\\.0\\.1:\\d+\\); redirects are never followed`,
        ),
      );
      expect(error?.message).not.toContain('secret');
    }
    expect(target.requests).toEqual([]);
  });

  it('refuses an answer whose Content-Length passes the cap without reading it', async () => {
    const server = await gatewayAnswering(() => ({
      flood: { totalBytes: 64 * 1024 * 1024, declareLength: true },
    }));
    const error = await trySignIn(server, {
      pinSha256: selfSigned.sha256,
      maxAnswerBytes: 1024 * 1024,
    });
    expect(error?.kind).toBe('transport');
    expect(error?.message).toMatch(/larger than 1 MiB/);
  });

  it('counts the bytes of an answer without a length and stops at the cap', async () => {
    const server = await gatewayAnswering(() => ({
      flood: { totalBytes: null, declareLength: false },
    }));
    const error = await trySignIn(server, {
      pinSha256: selfSigned.sha256,
      maxAnswerBytes: 256 * 1024,
    });
    expect(error?.kind).toBe('transport');
    expect(error?.message).toMatch(/larger than 0\.25 MiB/);
  });

  it('takes an answer within the cap, and refuses a cap below 1 KiB', async () => {
    const body = JSON.stringify({ message: '', retcode: '0', result: {} });
    const server = await gatewayAnswering(() => ({ body }));
    const transport = createNodeFetch({
      pinSha256: selfSigned.sha256,
      maxAnswerBytes: Math.max(1024, Buffer.byteLength(body)),
    });
    const answer = await transport(`${server.origin}/x`, { method: 'GET', headers: {} });
    expect(await answer.text()).toBe(body);
    await transport.close();
    expect(() => createNodeFetch({ maxAnswerBytes: 10 })).toThrow(/answer size limit/);
  });
});
