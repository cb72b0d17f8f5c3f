/**
 * Issue 9, the command line against hostile or careless set-ups, run as a user would (the
 * built `cc-inspector`): a plain-HTTP gateway is refused before anything is sent — a listening
 * socket records that nothing arrived —, a redirect reaches nobody, and a huge or endless
 * answer ends the command quickly with the process's peak memory far below the answer's size.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBuilt, runCommand } from '../integration/cli-harness';
import { startRecordingSocket, type RecordingSocket } from '../support/gateway/recording-socket';
import {
  startStubGateway,
  type StubGateway,
  type StubHandler,
} from '../support/gateway/stub-gateway-server';
import { createTestAuthority } from '../support/test-certificates';

const PASSWORD = 'Cleartext-Canary-7731';
const REPORTER = fileURLToPath(new URL('../support/peak-memory-reporter.mjs', import.meta.url));
const MiB = 1024 * 1024;

let folder: string;
let caFile: string;
let leaf: { certPem: string; keyPem: string };
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  await ensureCliBuilt();
  folder = mkdtempSync(join(tmpdir(), 'cc-inspector-cli-transport-'));
  const authority = await createTestAuthority();
  const issued = await authority.issue();
  leaf = { certPem: issued.chainPem, keyPem: issued.keyPem };
  caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, authority.certPem);
}, 90_000);

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function recordingSocket(): Promise<RecordingSocket> {
  const socket = await startRecordingSocket((connection) => connection.end());
  cleanups.push(() => socket.close());
  return socket;
}

async function httpsGateway(handler: StubHandler) {
  const gateway: StubGateway = await startStubGateway({ tls: leaf, handler });
  cleanups.push(() => gateway.close());
  return gateway;
}

const listen = (gateway: string, ...extra: string[]) => [
  'listen',
  '1002',
  '--gateway',
  gateway,
  '--agent',
  '9001',
  '--phone',
  '89001',
  ...extra,
];

describe('cc-inspector and a plain-HTTP gateway', () => {
  it('refuses it by default (exit 2, names the fix) and sends nothing at all', async () => {
    const socket = await recordingSocket();
    const run = await runCommand(listen(`http://127.0.0.1:${socket.port}`), {
      env: { CC_INSPECTOR_PASSWORD: PASSWORD },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plain HTTP.*clear text/);
    expect(run.stderr).toContain('--allow-insecure-http');
    expect(socket.connections).toBe(0);
    expect(socket.received()).toBe('');
  });

  it('refuses it in JSON output with the typed kind', async () => {
    const socket = await recordingSocket();
    const run = await runCommand([...listen(`http://127.0.0.1:${socket.port}`), '--json'], {
      env: { CC_INSPECTOR_PASSWORD: PASSWORD },
    });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({
      ok: false,
      error: { kind: 'insecure-gateway' },
    });
    expect(socket.connections).toBe(0);
  });

  it('with --allow-insecure-http still never takes a remembered password', async () => {
    const socket = await recordingSocket();
    const run = await runCommand(
      listen(`http://127.0.0.1:${socket.port}`, '--allow-insecure-http'),
    );
    // No password given is a usage error (exit 2, issue 15).
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/never taken from the keychain/);
    expect(socket.connections).toBe(0);
  });

  it('refuses it even with the opt-in when a pin is configured', async () => {
    const socket = await recordingSocket();
    const run = await runCommand(
      listen(`http://127.0.0.1:${socket.port}`, '--allow-insecure-http', '--pin', 'ab'.repeat(32)),
      { env: { CC_INSPECTOR_PASSWORD: PASSWORD } },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/only TLS can check/);
    expect(socket.connections).toBe(0);
  });

  it('sends a typed password only after the visible opt-in', async () => {
    const socket = await recordingSocket();
    const run = await runCommand(
      listen(`http://127.0.0.1:${socket.port}`, '--allow-insecure-http'),
      { env: { CC_INSPECTOR_PASSWORD: PASSWORD } },
    );
    // The socket hangs up at once: a network failure, after the request went out.
    expect(run.code).toBe(3);
    expect(socket.received()).toContain(PASSWORD);
  });
});

describe('cc-inspector and a redirecting gateway', () => {
  for (const status of [302, 307, 308]) {
    it(`ends on HTTP ${status} with a typed network error; the redirect reaches nobody`, async () => {
      const elsewhere = await recordingSocket();
      const gateway = await httpsGateway(() => ({
        status,
        headers: { Location: `https://127.0.0.1:${elsewhere.port}/steal` },
        body: '',
      }));
      const run = await runCommand([...listen(gateway.origin, '--ca', caFile), '--json'], {
        env: { CC_INSPECTOR_PASSWORD: PASSWORD },
      });
      expect(run.code).toBe(3);
      expect(JSON.parse(run.stdout.trim())).toMatchObject({
        ok: false,
        error: { kind: 'transport' },
      });
      expect(run.stderr).toMatch(/redirect.*never followed/);
      expect(gateway.requests).toHaveLength(1);
      expect(elsewhere.connections).toBe(0);
    });
  }
});

describe('cc-inspector and a huge answer', () => {
  /** Runs the command, returning how it ended, how long it took and its peak memory. */
  async function runMeasured(args: string[]) {
    const peakFile = join(folder, `peak-${Math.random().toString(36).slice(2)}`);
    const started = performance.now();
    const run = await runCommand(args, {
      env: {
        CC_INSPECTOR_PASSWORD: PASSWORD,
        NODE_OPTIONS: `--import ${REPORTER}`,
        CC_INSPECTOR_PEAK_RSS_FILE: peakFile,
      },
      timeoutMs: 60_000,
    });
    return {
      run,
      seconds: (performance.now() - started) / 1000,
      peakMb: Number(readFileSync(peakFile, 'utf8')) / 1e6,
    };
  }

  const cases = [
    { name: 'declared by Content-Length', totalBytes: 256 * MiB, declareLength: true },
    { name: 'streamed without a length', totalBytes: 256 * MiB, declareLength: false },
    { name: 'that never ends', totalBytes: null, declareLength: false },
  ];
  for (const { name, totalBytes, declareLength } of cases) {
    it(`a 256 MiB answer ${name} fails fast in bounded memory`, async () => {
      const gateway = await httpsGateway(() => ({ flood: { totalBytes, declareLength } }));
      const { run, seconds, peakMb } = await runMeasured(listen(gateway.origin, '--ca', caFile));
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/larger than 8 MiB/);
      expect(seconds).toBeLessThan(15);
      expect(peakMb).toBeLessThan(200);
      console.info(`cli peak memory, 256 MiB answer ${name}: ${peakMb.toFixed(0)} MB`);
    }, 60_000);
  }

  it('takes a bigger answer when the limit is raised, and still caps it', async () => {
    const gateway = await httpsGateway(() => ({
      flood: { totalBytes: 12 * MiB, declareLength: true },
    }));
    const { run } = await runMeasured(
      listen(gateway.origin, '--ca', caFile, '--max-answer-mib', '16'),
    );
    // The filler got through the cap and failed only as not being a gateway answer.
    expect(run.stderr).not.toMatch(/larger than/);
    expect(run.stderr).toMatch(/not JSON|malformed/);
  }, 60_000);
});
