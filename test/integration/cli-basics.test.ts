/** The built command line: help, usage errors (exit 2) and the simulator command. */
import { createNodeFetch, GatewayClient } from '../../src/main/gateway';
import {
  collect,
  ensureCliBuilt,
  readFirstLine,
  readJsonLines,
  runCommand,
  startCommand,
} from './cli-harness';

beforeAll(ensureCliBuilt, 60_000);

describe('cc-inspector (built)', () => {
  it('prints help with every command and the exit codes', async () => {
    const { code, stdout } = await runCommand(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'simulator',
      'doctor',
      'agents',
      'queue',
      'stats',
      'events',
      'listen',
      'barge',
      'whisper',
      'switch',
      'intercept',
      'cancel',
      'request-call',
      'force-busy',
      'force-idle',
      'force-signout',
      'session',
      'login',
      'logout',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(stdout).toContain(
      'Exit codes: 0 success, 1 the gateway refused, 2 bad usage or input, 3 network/TLS, 4 sign-in',
    );
  });

  it('ends bad usage and bad input with exit 2 and says why', async () => {
    const unknown = await runCommand(['lisen', '1002', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'lisen'");
    expect(readJsonLines(unknown.stdout)).toEqual([
      {
        ok: false,
        command: 'lisen',
        target: null,
        error: expect.objectContaining({ kind: 'usage' }),
      },
    ]);

    const noGateway = await runCommand(['agents']);
    expect(noGateway.code).toBe(2);
    expect(noGateway.stderr).toContain(
      'No gateway: give --gateway https://host:8043 or set CC_INSPECTOR_GATEWAY.',
    );

    // Refused before any network: the address below does not exist.
    const badAgent = await runCommand(
      ['listen', '12ab', '--gateway', 'https://192.0.2.1:8043', '--agent', '2001', '--phone', '1'],
      { env: { CC_INSPECTOR_PASSWORD: 'x' } },
    );
    expect(badAgent.code).toBe(2);
    expect(badAgent.stderr).toContain('cc-inspector: listen 12ab failed: Invalid agent id');

    const badLanguage = await runCommand([
      'agents',
      '--lang',
      'fr',
      '--gateway',
      'https://192.0.2.1:8043',
      '--agent',
      '2001',
    ]);
    expect(badLanguage.code).toBe(2);
    expect(badLanguage.stderr).toContain('Unsupported language "fr"');

    const missingSkill = await runCommand(['request-call', '77']);
    expect(missingSkill.code).toBe(2);
    expect(missingSkill.stderr).toContain("required option '--skill <id>' not specified");
  });

  it('runs the simulator: the JSON startup line first, reachable, closed cleanly on SIGTERM', async () => {
    const child = startCommand(['simulator', '--port', '0', '--agents', '12']);
    const startup = JSON.parse(await readFirstLine(child)) as {
      baseUrl: string;
      caPem: string;
      inspectors: Array<{ agentId: string; password: string; phoneNumber: string }>;
    };
    expect(startup.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/agentgateway\/resource\/$/);
    expect(startup.caPem).toContain('-----BEGIN CERTIFICATE-----');
    const inspector = startup.inspectors[0];
    if (!inspector) throw new Error('no inspector account in the startup line');

    const fetch = createNodeFetch({ caPem: startup.caPem });
    const client = new GatewayClient({
      baseUrl: startup.baseUrl,
      agentId: inspector.agentId,
      fetch,
    });
    const signedIn = await client.signIn({
      password: inspector.password,
      phoneNumber: inspector.phoneNumber,
    });
    expect(signedIn.workNo).toBe(inspector.agentId);
    await client.signOut();
    await fetch.close();

    child.kill('SIGTERM');
    const ended = await collect(child);
    expect(ended.code).toBe(143);
    await expect(
      fetch(startup.baseUrl, { method: 'GET', headers: {}, signal: AbortSignal.timeout(2000) }),
    ).rejects.toBeDefined();
  });

  // Issue 9: the admin endpoint needs the token printed in the startup line.
  it('prints the admin token with --admin, and the admin routes need it', async () => {
    const child = startCommand(['simulator', '--port', '0', '--agents', '3', '--http', '--admin']);
    const startup = JSON.parse(await readFirstLine(child)) as {
      baseUrl: string;
      adminToken?: string;
    };
    expect(startup.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const origin = new URL(startup.baseUrl).origin;
    const without = await fetch(`${origin}/__admin/faults`);
    expect(without.status).toBe(401);
    await without.text();
    const withToken = await fetch(`${origin}/__admin/faults`, {
      headers: { Authorization: `Bearer ${startup.adminToken}` },
    });
    expect(withToken.status).toBe(200);
    await withToken.text();
    child.kill('SIGTERM');
    expect((await collect(child)).code).toBe(143);
  });

  it('refuses bad simulator options with exit 2', async () => {
    const { code, stderr } = await runCommand(['simulator', '--port', '70000']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port "70000": expected a whole number from 0 to 65535.');
  });
});
