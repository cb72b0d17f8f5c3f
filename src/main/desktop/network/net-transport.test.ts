import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetElectronFake, session } from '../../../../test/support/fakes/electron';
import { classifyTransportFailure } from '../../gateway/transport/transport-errors';
import { fingerprintOf, prepareTrust } from './certificate-verify';
import {
  createNetTransportFactory,
  GATEWAY_PARTITION_PREFIX,
  partitionForTrust,
} from './net-transport';
import { AnswerTooLargeError, RedirectRefusedError } from '../../gateway/transport/answer-limits';
import { createTestPki, type TestPki } from '../../../../test/support/test-certificates';

describe('net transport (fake Electron session, real HTTPS server)', () => {
  let pki: TestPki;
  let server: Server;
  let baseUrl: string;
  let leafPem: string;
  const seen: Array<{
    method: string;
    url: string;
    headers: Record<string, unknown>;
    body: string;
  }> = [];

  beforeAll(async () => {
    pki = await createTestPki();
    const leaf = await pki.issue();
    leafPem = leaf.certPem;
    server = createServer({ cert: leaf.chainPem, key: leaf.keyPem }, (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        // Time-limit cases: no answer at all, or a head and half a body, then nothing.
        if (request.url?.endsWith('/hang')) return;
        if (request.url?.endsWith('/redirect'))
          return void response
            .writeHead(307, { Location: `${baseUrl}/agentgateway/resource/stolen` })
            .end();
        if (request.url?.endsWith('/huge'))
          return void response
            .writeHead(200, { 'Content-Length': String(512 * 1024 * 1024) })
            .end('{}');
        if (request.url?.endsWith('/endless')) {
          const chunk = Buffer.alloc(64 * 1024, 'a');
          response.writeHead(200);
          const pump = (): void => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once('drain', pump);
          };
          return pump();
        }
        if (request.url?.endsWith('/stall'))
          return void response.writeHead(200).write('{"retcode":');
        seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        });
        response.setHeader('Set-Cookie', [
          'JSESSIONID=abc; Path=/; Expires=Wed, 21 Oct 2099 07:28:00 GMT',
          'lb=node2; Path=/',
        ]);
        response.setHeader('Set-GUID', 'Set-GUID=xyz.AgentGateway1');
        response.end(JSON.stringify({ retcode: '0', echo: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    resetElectronFake();
    seen.splice(0);
  });

  const fromPartition = (partition: string) => session.fromPartition(partition);
  /** The session of the trust the test configured last (the same one the transport used). */
  let lastTrust = prepareTrust({ caPem: null, pinSha256: null });
  const gatewaySession = () => session.fromPartition(partitionForTrust(lastTrust));
  const factory = () => {
    const made = createNetTransportFactory({ fromPartition });
    return {
      create: (tls: { caPem: string | null; pinSha256: string | null }, limits = {}) => {
        lastTrust = prepareTrust(tls);
        return made.create(tls, limits);
      },
    };
  };
  const call = (
    tls: { caPem: string | null; pinSha256: string | null },
    init: Partial<
      Parameters<ReturnType<ReturnType<typeof createNetTransportFactory>['create']>>[1]
    > = {},
  ) => {
    const gatewayFetch = factory().create(tls);
    return gatewayFetch(`${baseUrl}/agentgateway/resource/onlineagent/900/login`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: 'JSESSIONID=old' },
      body: '{"password":"x"}',
      signal: new AbortController().signal,
      ...init,
    });
  };

  it('with the private CA: sends method, headers and body, and returns status, headers and text', async () => {
    const response = await call({ caPem: pki.rootPem, pinSha256: null });
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual({ retcode: '0', echo: '{"password":"x"}' });
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: '/agentgateway/resource/onlineagent/900/login',
    });
    expect(seen[0]?.headers.cookie).toBe('JSESSIONID=old');
    expect(response.headers.get('set-guid')).toBe('Set-GUID=xyz.AgentGateway1');
    // Electron joins Set-Cookie lines; the transport leaves splitting to the client (no getSetCookie).
    expect(response.headers.getSetCookie).toBeUndefined();
    expect(response.headers.get('set-cookie')).toContain('lb=node2');
    const init = gatewaySession().fetchLog[0]?.init;
    expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('without trust configured, an unknown CA fails as a TLS error (Chromium verdict)', async () => {
    const failure = await call({ caPem: null, pinSha256: null }).catch((error: unknown) => error);
    expect(String(failure)).toContain('net::ERR_CERT_AUTHORITY_INVALID');
    expect(gatewaySession().certificateVerifyProc).toBeNull();
    const classified = classifyTransportFailure(failure, {
      interfaceName: 'login',
      timedOut: false,
      callerAborted: false,
      timeoutMs: 1000,
    });
    expect(classified.kind).toBe('tls');
  });

  it('with the right pin connects; with another pin refuses', async () => {
    const pin = fingerprintOf({ data: leafPem, fingerprint: '' }) as string;
    await expect(call({ caPem: null, pinSha256: pin })).resolves.toMatchObject({ status: 200 });
    const refused = await call({ caPem: null, pinSha256: 'ab'.repeat(32) }).catch(
      (error: unknown) => error,
    );
    expect(String(refused)).toMatch(/net::ERR_CERT/);
  });

  it('with an unrelated CA configured, still refuses', async () => {
    await expect(call({ caPem: pki.otherRootPem, pinSha256: null })).rejects.toThrow(
      /net::ERR_CERT_AUTHORITY_INVALID/,
    );
  });

  it('refuses bad trust settings before any request', () => {
    expect(() => factory().create({ caPem: null, pinSha256: 'nope' })).toThrow(
      /Invalid certificate pin/,
    );
  });

  it('declares that it enforces the time limit; without one it adds no signal of its own', async () => {
    const gatewayFetch = factory().create({
      caPem: pki.rootPem,
      pinSha256: null,
    });
    expect(gatewayFetch.enforcesTimeout).toBe(true);
    await call({ caPem: pki.rootPem, pinSha256: null }, { signal: undefined });
    expect(gatewaySession().fetchLog[0]?.init?.signal).toBeUndefined();
  });

  const callPath = (
    path: string,
    init: { timeoutMs?: number; signal?: AbortSignal },
    limits: { maxAnswerBytes?: number } = {},
  ) =>
    factory().create({ caPem: pki.rootPem, pinSha256: null }, limits)(
      `${baseUrl}/agentgateway/resource/${path}`,
      { method: 'GET', headers: {}, ...init },
    );
  const classify = (error: unknown) =>
    classifyTransportFailure(error, {
      interfaceName: 'x',
      timedOut: false,
      callerAborted: false,
      timeoutMs: 150,
      limitEnforcedByTransport: true,
    });

  it('a gateway that never answers → timeout after timeoutMs', async () => {
    const started = performance.now();
    const failure = await callPath('hang', { timeoutMs: 150 }).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(classify(failure)).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('150 ms') as unknown,
    });
  });

  it('a body that stalls → timeout', async () => {
    // Where it fails (the fetch or the body read) depends on when the session hands out the head.
    const failure = await callPath('stall', { timeoutMs: 150 })
      .then((response) => response.text())
      .catch((error: unknown) => error);
    expect(classify(failure).kind).toBe('timeout');
  });

  it("the caller's abort with a time limit set is still an abort, not a timeout", async () => {
    const controller = new AbortController();
    const pending = callPath('hang', { timeoutMs: 5_000, signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    setTimeout(() => controller.abort(), 20);
    const failure = await pending;
    expect(
      classifyTransportFailure(failure, {
        interfaceName: 'x',
        timedOut: false,
        callerAborted: true,
        timeoutMs: 5_000,
        limitEnforcedByTransport: true,
      }).kind,
    ).toBe('aborted');
    expect((failure as Error).name).not.toBe('TimeoutError');
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      call({ caPem: pki.rootPem, pinSha256: null }, { signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
  });

  // Issue 9: Electron caches a verify proc's verdict, so each trust gets its own session.
  it('gives each trust its own in-memory session: a removed pin stops accepting at once', async () => {
    const made = createNetTransportFactory({ fromPartition });
    const url = `${baseUrl}/agentgateway/resource/x`;
    const get = (tls: { caPem: string | null; pinSha256: string | null }) =>
      made.create(tls)(url, { method: 'GET', headers: {} });
    const pin = fingerprintOf({ data: leafPem, fingerprint: '' }) as string;
    await expect(get({ caPem: null, pinSha256: pin })).resolves.toMatchObject({ status: 200 });
    // The pin is removed: the system store does not know this CA, so the gateway is refused.
    await expect(get({ caPem: null, pinSha256: null })).rejects.toThrow(
      /net::ERR_CERT_AUTHORITY_INVALID/,
    );
    // The pin again, the CA instead: each works under its own trust.
    await expect(get({ caPem: null, pinSha256: pin })).resolves.toMatchObject({ status: 200 });
    await expect(get({ caPem: pki.rootPem, pinSha256: null })).resolves.toMatchObject({
      status: 200,
    });
    const used = session.partitions().filter((name) => name.startsWith(GATEWAY_PARTITION_PREFIX));
    expect(used).toHaveLength(3);
    // In memory only: a `persist:` partition would write cache and cookies to disk.
    expect(session.partitions().some((name) => name.startsWith('persist:'))).toBe(false);
  });

  it('never follows a redirect: net.fetch gets redirect "error", the target gets nothing', async () => {
    const failure = await callPath('redirect', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RedirectRefusedError);
    expect(classify(failure)).toMatchObject({
      kind: 'transport',
      message: expect.stringMatching(/redirects are never followed/) as unknown,
    });
    expect(gatewaySession().fetchLog.at(-1)?.init?.redirect).toBe('error');
    expect(seen.some((request) => request.url.endsWith('/stolen'))).toBe(false);
  });

  it('refuses an answer whose Content-Length passes the cap, before reading it', async () => {
    const failure = await callPath('huge', {}, { maxAnswerBytes: 1024 * 1024 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AnswerTooLargeError);
    expect(classify(failure).message).toMatch(/larger than 1 MiB/);
  });

  it('counts the bytes of an endless answer and stops at the cap', async () => {
    const response = await callPath(
      'endless',
      { timeoutMs: 10_000 },
      { maxAnswerBytes: 512 * 1024 },
    );
    const started = performance.now();
    const failure = await response.text().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AnswerTooLargeError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
