import { createHash } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSimulatorTls } from './certificates';
import { describeStartup, startSimulator } from './index';
import type { RunningSimulator } from './simulator-types';

interface HttpsAnswer {
  status: number;
  body: string;
  peerSha256: string;
}

/** One HTTPS GET with node:https, trusting only the given CA (or the system store when null). */
function getOverHttps(url: string, ca: string | null): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'GET', ca: ca ?? undefined, agent: false }, (res) => {
      const socket = res.socket as TLSSocket;
      const peerSha256 = createHash('sha256').update(socket.getPeerCertificate().raw).digest('hex');
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, peerSha256 }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('simulator over HTTPS', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ autoRun: false, pollHoldMs: 50 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('serves HTTPS with a throwaway CA by default and publishes the certificate fingerprint', async () => {
    expect(sim.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/agentgateway\/resource\/$/);
    expect(sim.caPem).toContain('BEGIN CERTIFICATE');
    expect(sim.certSha256).toMatch(/^[0-9a-f]{64}$/);
    const answer = await getOverHttps(
      `${sim.baseUrl}onlineagent/${sim.inspectors[0]!.agentId}/agentstatus`,
      sim.caPem,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ retcode: '100-006' });
    expect(answer.peerSha256).toBe(sim.certSha256);
  });

  it('is not trusted without the CA', async () => {
    await expect(getOverHttps(`${sim.baseUrl}agentevent/9001`, null)).rejects.toThrow(
      /certificate/i,
    );
  });

  it('names 127.0.0.1, ::1 and localhost in the certificate (and nothing else)', async () => {
    const port = Number(new URL(sim.origin).port);
    const handshake = (servername: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = connectTls(
          { host: '127.0.0.1', port, servername, ca: sim.caPem ?? undefined },
          () => {
            socket.end();
            resolve();
          },
        );
        socket.on('error', reject);
      });
    await expect(handshake('localhost')).resolves.toBeUndefined();
    await expect(handshake('gateway.example.com')).rejects.toThrow(/altnames|not in the cert/i);
  });

  it('describes itself in one startup line without exposing more than a few agents', () => {
    const line = describeStartup(sim);
    expect(line).toMatchObject({
      baseUrl: sim.baseUrl,
      caPem: sim.caPem,
      certSha256: sim.certSha256,
    });
    expect(line.inspectors).toEqual(sim.inspectors);
    expect(line.agents).toEqual({ count: 40, first: sim.agents.slice(0, 5) });
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);
  });

  it('uses a supplied certificate and reports its fingerprint; rejects an unusable one', async () => {
    const material = await generateSimulatorTls();
    const supplied = await startSimulator({
      autoRun: false,
      tls: { certPem: material.certPem, keyPem: material.keyPem, caPem: material.caPem },
    });
    try {
      expect(supplied.certSha256).toBe(material.certSha256);
      expect(supplied.caPem).toBe(material.caPem);
      const answer = await getOverHttps(`${supplied.baseUrl}agentevent/9001`, material.caPem);
      expect(answer.peerSha256).toBe(material.certSha256);
    } finally {
      await supplied.close();
    }
    await expect(
      startSimulator({ autoRun: false, tls: { certPem: 'not a certificate', keyPem: '' } }),
    ).rejects.toThrow();
  });
});
