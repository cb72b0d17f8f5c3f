/** `session` of the built command line: a whole inspection piped through one sign-in. */
import { ensureCliBuilt, readJsonLines, runCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(3), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());

describe('cc-inspector session', () => {
  it('pipes listen → switch → switch --to whisper → intercept with --json, one result per line', async () => {
    const { args, password } = fixture.inspector(0);
    const target = fixture.talkingAgent(0);
    const input = [
      password,
      `listen ${target}`,
      'status',
      'switch',
      'switch --to whisper',
      'lisen 1',
      'intercept',
      'quit',
      'listen 1',
    ].join('\n');
    const { code, stdout } = await runCommand(['session', ...args, '--password-stdin', '--json'], {
      input,
    });
    const lines = readJsonLines(stdout);
    expect(lines).toEqual([
      {
        ok: true,
        command: 'sign-in',
        target: fixture.sim.inspectors[0]?.agentId,
        workNo: fixture.sim.inspectors[0]?.agentId,
      },
      { ok: true, command: 'listen', target, mode: 'listening', callId: null },
      expect.objectContaining({ ok: true, command: 'status', target, mode: 'listening' }),
      { ok: true, command: 'switch', target, mode: 'inserting', callId: null },
      { ok: true, command: 'switch', target, mode: 'whispering', callId: null },
      {
        ok: false,
        command: 'lisen',
        target: null,
        error: expect.objectContaining({
          kind: 'usage',
          message: 'Unknown command "lisen": type help for the list.',
        }),
      },
      { ok: true, command: 'intercept', target, mode: 'talking', callId: null },
      // Still on the intercepted call: the gateway refuses the sign-out, and the session says so.
      {
        ok: false,
        command: 'sign-out',
        target: fixture.sim.inspectors[0]?.agentId,
        error: expect.objectContaining({
          retcode: '100-010',
          hint: expect.stringContaining('cc-inspector logout --force'),
        }),
      },
    ]);
    // The bad line did not stop the session, but it decides the exit code (first failure).
    expect(code).toBe(2);
    expect(stdout).not.toContain(password);
  });

  it('ends a running inspection at end of input and signs out (exit 0 when all succeeded)', async () => {
    const { args, password } = fixture.inspector(1);
    const target = fixture.talkingAgent(1);
    const { code, stdout, stderr } = await runCommand(['session', ...args, '--json'], {
      input: `listen ${target}\nswitch\n`,
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readJsonLines(stdout).slice(1)).toEqual([
      { ok: true, command: 'listen', target, mode: 'listening', callId: null },
      { ok: true, command: 'switch', target, mode: 'inserting', callId: null },
      { ok: true, command: 'cancel', target, mode: 'idle', callId: null },
    ]);
    // Signed out: a plain sign-in of the same inspector succeeds.
    const again = await runCommand(['agents', ...args], {
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    expect(again.code).toBe(0);
  });

  it('answers gateway refusals per line in text mode and goes on', async () => {
    const { args, password } = fixture.inspector(2);
    const refused = fixture.signedOutAgent();
    const target = fixture.talkingAgent(2);
    const { code, stdout, stderr } = await runCommand(['session', ...args], {
      input: `cancel\nlisten ${refused}\nlisten ${target}\nstatus\n`,
      env: { CC_INSPECTOR_PASSWORD: password },
    });
    // The app's rule (the state machine), before the network.
    expect(stderr).toContain(
      'cc-inspector: cancel failed: Nothing to cancel: you are not inspecting anyone.',
    );
    expect(stderr).toContain(`cc-inspector: listen ${refused} failed [900-003]`);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(/^Signed in as \d+\./),
      `Now listening (agent ${target}).`,
      expect.stringMatching(new RegExp(`^Inspector \\d+: listening \\(agent ${target}\\)\\.$`)),
      `Stopped inspecting agent ${target}.`,
      '',
    ]);
    // A refusal by the app's rules is a refusal: exit 1 (the first failure's).
    expect(code).toBe(1);
  });
});
