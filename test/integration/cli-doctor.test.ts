/** `doctor` of the built command line against an in-process HTTPS simulator. */
import { formatFingerprint } from '../../src/main/gateway';
import { ensureCliBuilt, readJsonLines, runCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());

const inspector = () => fixture.inspector(0);

describe('cc-inspector doctor', () => {
  it('is all green over HTTPS with --ca, with a time per step', async () => {
    const { args, password } = inspector();
    const { code, stdout, stderr } = await runCommand(
      ['doctor', ...args, '--password-stdin', '--json'],
      { input: `${password}\n` },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [report] = readJsonLines(stdout) as Array<{
      ok: boolean;
      steps: Array<{
        id: string;
        status: string;
        durationMs: number;
        facts: Record<string, unknown>;
      }>;
    }>;
    expect(report?.ok).toBe(true);
    expect(report?.steps.map((step) => [step.id, step.status])).toEqual([
      ['resolve', 'ok'],
      ['connect', 'ok'],
      ['tls', 'ok'],
      ['sign-in', 'ok'],
      ['poll', 'ok'],
      ['sign-out', 'ok'],
    ]);
    expect(report?.steps.every((step) => typeof step.durationMs === 'number')).toBe(true);
    expect(report?.steps[2]?.facts.fingerprintSha256).toBe(fixture.sim.certSha256);
  });

  it('prints a readable checklist', async () => {
    const { args, password } = inspector();
    const { code, stdout } = await runCommand(['doctor', ...args], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✔ Name resolution +127\.0\.0\.1 → 127\.0\.0\.1 +\(\d+ ms\)$/m);
    expect(stdout).toMatch(/^✔ TLS certificate +CN=127\.0\.0\.1/m);
    expect(stdout).toContain(`SHA-256 fingerprint ${formatFingerprint(fixture.sim.certSha256)}`);
    expect(stdout).toMatch(/^✔ Sign-out +signed out/m);
    expect(stdout).toContain('✔ All checks passed.');
  });

  it('shows a pin mismatch with the actual fingerprint, skips the rest, exit 3', async () => {
    const { args, password } = inspector();
    const wrongPin = 'ab'.repeat(32);
    const { code, stdout } = await runCommand(['doctor', ...args, '--pin', wrongPin], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^✘ TLS certificate +pin mismatch: pinned AB:AB/m);
    expect(stdout).toContain(`the server shows ${formatFingerprint(fixture.sim.certSha256)}`);
    expect(stdout).toContain(`--pin ${fixture.sim.certSha256}`);
    expect(stdout).toMatch(/^– Sign-in +skipped: an earlier step failed$/m);
    expect(stdout).toContain('✘ TLS certificate failed.');
  });

  it('is green with the right --pin and no --ca (the pin replaces CA trust)', async () => {
    const { args, password } = inspector();
    const withoutCa = args.slice(0, args.indexOf('--ca'));
    const pin = formatFingerprint(fixture.sim.certSha256);
    const { code, stdout } = await runCommand(['doctor', ...withoutCa, '--pin', pin], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'pin matches (the pin replaces the CA check; the host name and the dates still count)',
    );
    expect(stdout).toMatch(/^✔ Event poll +received AgentOther_InService/m);
  });

  it('without --ca says the certificate is untrusted and how to fix it', async () => {
    const { args, password } = inspector();
    const withoutCa = args.slice(0, args.indexOf('--ca'));
    const { code, stdout } = await runCommand(['doctor', ...withoutCa], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^✘ TLS certificate +not trusted: /m);
    expect(stdout).toContain("fix: Trust the gateway's CA with --ca FILE");
  });

  it('reports a wrong password at the sign-in step with exit 4', async () => {
    const { args } = inspector();
    const { code, stdout } = await runCommand(['doctor', ...args], {
      env: { CC_INSPECTOR_PASSWORD: 'wrong-password' },
    });
    expect(code).toBe(4);
    expect(stdout).toMatch(/^✘ Sign-in +\[100-004\] Wrong agent ID or password\./m);
    expect(stdout).toMatch(/^– Event poll +skipped/m);
  });

  it('reports a closed port at the TCP step with exit 3', async () => {
    const { args, password } = inspector();
    const closed = args.map((arg) => (arg === fixture.sim.origin ? 'https://127.0.0.1:1' : arg));
    const { code, stdout } = await runCommand(['doctor', ...closed], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^✘ TCP connection +127\.0\.0\.1 port 1: .*ECONNREFUSED/m);
    expect(stdout).toContain('fix: Nothing accepts connections on port 1');
  });
});
