/**
 * The whole command line in-process (runCli with an injected environment) against a real
 * simulator over HTTPS (its CA passed with --ca): password sources and the keychain commands,
 * which the built-command suites cannot reach without a keychain.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { credentialAccount } from '../main/credentials/credential-account';
import { createMemoryCredentialStore } from '../main/credentials/memory-credential-store';
import { KeychainUnavailableError, type CredentialStore } from '../main/supervisor/ports';
import { startSimulator, type RunningSimulator } from '../simulator';
import type { CliEnvironment } from './cli-context';
import { runCli } from './program';
import { pickAgentIn } from '../../test/support/simulator-agents';
import { waitFor } from '../../test/support/wait-for';

let sim: RunningSimulator;
let folder: string;
let caFile: string;
beforeAll(async () => {
  sim = await startSimulator({
    protocol: 'https',
    agents: 12,
    inspectors: 2,
    changesPerAgentPerMinute: 0,
    pollHoldMs: 200,
  });
  folder = mkdtempSync(join(tmpdir(), 'cc-inspector-program-'));
  caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, sim.caPem ?? '');
});
afterAll(async () => {
  await sim.close();
  rmSync(folder, { recursive: true, force: true });
});

function inspector(index = 0) {
  const account = sim.inspectors[index];
  if (!account) throw new Error('no inspector');
  return account;
}

function environment(
  options: {
    stdin?: string;
    keepStdinOpen?: boolean;
    env?: NodeJS.ProcessEnv;
    credentials?: CredentialStore;
  } = {},
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stdin = new PassThrough();
  if (options.keepStdinOpen) stdin.write(options.stdin ?? '');
  else stdin.end(options.stdin ?? '');
  const credentials = options.credentials ?? createMemoryCredentialStore();
  const stopListeners = new Set<(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP') => void>();
  const env: CliEnvironment = {
    env: { LANG: 'C', ...options.env },
    stdin,
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    createCredentialStore: () => credentials,
    onStopSignal: (listener) => {
      stopListeners.add(listener);
      return () => stopListeners.delete(listener);
    },
  };
  return {
    env,
    stdin,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
    credentials,
    /** Sends "SIGINT" to whoever listens now. */
    interrupt: () => [...stopListeners].forEach((listener) => listener('SIGINT')),
    listening: () => stopListeners.size > 0,
  };
}

function connection(index = 0): string[] {
  const account = inspector(index);
  return [
    '--gateway',
    sim.origin,
    '--ca',
    caFile,
    '--agent',
    account.agentId,
    '--phone',
    account.phoneNumber,
  ];
}

describe('runCli', () => {
  it('login --remember keeps the password in the keychain; later commands use it; logout --forget removes it', async () => {
    const account = inspector();
    const store = createMemoryCredentialStore();
    const login = environment({ stdin: `${account.password}\n`, credentials: store });
    expect(
      await runCli(
        ['login', ...connection(), '--remember', '--password-stdin', '--json'],
        login.env,
      ),
    ).toBe(0);
    const [result] = login
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(result).toMatchObject({
      ok: true,
      command: 'login',
      remembered: true,
      workNo: account.agentId,
    });
    const entry = credentialAccount(sim.origin, account.agentId, {
      caPem: sim.caPem,
      pinSha256: null,
    });
    expect(await store.getPassword('cc-inspector', entry)).toBe(account.password);
    expect(login.out() + login.err()).not.toContain(account.password);

    const agents = environment({ credentials: store });
    expect(await runCli(['agents', ...connection(), '--state', 'talking'], agents.env)).toBe(0);
    expect(agents.out()).toMatch(/^ID +NAME +GROUP +STATE +MONITORABLE$/m);

    const forget = environment({ credentials: store });
    expect(
      await runCli(
        ['logout', '--forget', '--gateway', sim.origin, '--ca', caFile, '--agent', account.agentId],
        forget.env,
      ),
    ).toBe(0);
    expect(forget.out()).toBe(`Forgot the password of ${entry}.\n`);
    expect(await store.getPassword('cc-inspector', entry)).toBeNull();

    const none = environment({ credentials: store });
    expect(await runCli(['agents', ...connection()], none.env)).toBe(2);
    expect(none.err()).toContain(`No password for ${entry}.\n  fix: `);
    expect(none.err()).toContain('--password-stdin');
  });

  it('does not remember a password that failed to sign in', async () => {
    const store = createMemoryCredentialStore();
    const run = environment({ stdin: 'wrong\n', credentials: store });
    expect(
      await runCli(['login', ...connection(1), '--remember', '--password-stdin'], run.env),
    ).toBe(4);
    expect(await store.findCredentials('cc-inspector')).toEqual([]);
  });

  it('explains a missing keychain and what to do instead (exit 2)', async () => {
    const broken: CredentialStore = {
      ...createMemoryCredentialStore(),
      getPassword: () =>
        Promise.reject(new KeychainUnavailableError('No D-Bus session bus can be reached.')),
    };
    const run = environment({ credentials: broken });
    expect(await runCli(['queue', ...connection(), '--json'], run.env)).toBe(2);
    expect(JSON.parse(run.out())).toMatchObject({
      ok: false,
      command: 'queue',
      error: { kind: 'keychain-unavailable' },
    });
    expect(run.err()).toMatch(
      /No D-Bus session bus can be reached\.\n {2}fix: .*set CC_INSPECTOR_PASSWORD/,
    );
  });

  it('session: with --password-stdin the first line is the password, the rest are commands', async () => {
    const account = inspector(1);
    // "stop" is no command: an error line, and the session goes on.
    const run = environment({ stdin: `${account.password}\nhelp\nstop\nqueue\nquit\nagents\n` });
    expect(await runCli(['session', ...connection(1), '--password-stdin', '--json'], run.env)).toBe(
      2,
    );
    const replies = run
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { command: string; ok: boolean });
    expect(replies.map(({ command, ok }) => [command, ok])).toEqual([
      ['sign-in', true],
      ['help', true],
      ['stop', false],
      ['queue', true],
    ]);
  });

  it('force-busy and force-idle change the agent in the gateway', async () => {
    const account = inspector();
    const workNo = pickAgentIn(sim, '4');
    const busy = environment({ env: { CC_INSPECTOR_PASSWORD: account.password } });
    expect(await runCli(['force-busy', workNo, ...connection(), '--json'], busy.env)).toBe(0);
    expect(JSON.parse(busy.out())).toEqual({ ok: true, command: 'force-busy', target: workNo });
    expect(sim.center.listAgents().find((row) => row.workNo === workNo)?.status).toBe('3');
    const idle = environment({ env: { CC_INSPECTOR_PASSWORD: account.password } });
    expect(await runCli(['force-idle', workNo, ...connection()], idle.env)).toBe(0);
    expect(idle.out()).toBe(`Agent ${workNo} is now idle.\n`);
    expect(sim.center.listAgents().find((row) => row.workNo === workNo)?.status).toBe('4');
  });

  it('events: one poll prints the first queued event', async () => {
    const account = inspector();
    const run = environment({ env: { CC_INSPECTOR_PASSWORD: account.password } });
    expect(await runCli(['events', ...connection()], run.env)).toBe(0);
    expect(run.out()).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  AgentOther_InService  ${account.agentId}\\n$`),
    );
  });

  it('events --follow prints events until interrupted (exit 130), then signs out', async () => {
    const account = inspector();
    const run = environment({ env: { CC_INSPECTOR_PASSWORD: account.password } });
    const exit = runCli(['events', '--follow', '--json', ...connection()], run.env);
    await waitFor(() => run.out().includes('AgentState_Ready'), { what: 'the Ready event' });
    run.interrupt();
    expect(await exit).toBe(130);
    const events = run
      .out()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: { eventType: string } }).event.eventType);
    expect(events.slice(0, 2)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    // Signed out: a plain sign-in works again.
    expect(
      await runCli(
        ['agents', ...connection()],
        environment({ env: { CC_INSPECTOR_PASSWORD: account.password } }).env,
      ),
    ).toBe(0);
  });

  it('session: ends with exit 4 when the gateway drops the session, even while waiting for input', async () => {
    const account = inspector(1);
    const run = environment({
      stdin: 'status\n',
      keepStdinOpen: true,
      env: { CC_INSPECTOR_PASSWORD: account.password },
    });
    const exit = runCli(['session', ...connection(1), '--json'], run.env);
    await waitFor(() => run.out().includes('"command":"status"'), { what: 'the status line' });
    sim.faults.invalidateGuids();
    expect(await exit).toBe(4);
    const last = JSON.parse(run.out().trim().split('\n').at(-1) ?? '{}') as {
      ok: boolean;
      command: string;
      error: { retcode: string };
    };
    expect(last).toMatchObject({ ok: false, command: 'session' });
    expect(['000-003', '100-006']).toContain(last.error.retcode);
    expect(run.err()).not.toContain('sign-out failed');
    run.stdin.end();
  });
});
