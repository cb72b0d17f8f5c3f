/** One-shot actions of the built command line against an in-process simulator. */
import { collect, ensureCliBuilt, readJsonLines, runCommand, startCommand } from './cli-harness';
import { startCliSimulator, type CliSimulator } from './cli-simulator-fixture';

let fixture: CliSimulator;

beforeAll(async () => {
  [fixture] = await Promise.all([startCliSimulator(4), ensureCliBuilt()]);
}, 60_000);
afterAll(() => fixture.close());

/** Inspector `index` as flags plus its password in the environment. */
function as(index: number) {
  const { args, password } = fixture.inspector(index);
  return { args, env: { CC_INSPECTOR_PASSWORD: password } };
}

describe('one-shot actions', () => {
  it('listen: exit 0, one JSON result, the inspection ended and signed out afterwards', async () => {
    const { args, env } = as(0);
    const target = fixture.talkingAgent(0);
    const first = await runCommand(['listen', target, ...args, '--json'], { env });
    expect(first.code).toBe(0);
    expect(readJsonLines(first.stdout)).toEqual([
      { ok: true, command: 'listen', target, mode: 'listening' },
    ]);
    expect(first.stderr).toContain(`ended the inspection of agent ${target} before signing out`);
    // Signed out cleanly: a plain (not forced) sign-in works again right away.
    const again = await runCommand(['barge', target, ...args], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Barged in on agent ${target}.\n`);
  });

  it('a refused action (target not signed in): exit 1, retcode and message on stderr', async () => {
    const { args, env } = as(0);
    const target = fixture.signedOutAgent();
    const { code, stdout, stderr } = await runCommand(['listen', target, ...args, '--json'], {
      env,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `cc-inspector: listen ${target} failed [900-003]: The agent is not available (not signed in or not reachable).`,
    );
    expect(readJsonLines(stdout)).toEqual([
      {
        ok: false,
        command: 'listen',
        target,
        error: {
          kind: 'retcode',
          retcode: '900-003',
          message: 'The agent is not available (not signed in or not reachable).',
          hint: expect.any(String),
        },
      },
    ]);
  });

  it('prints the Chinese gateway message with --lang zh-CN or LANG=zh_CN', async () => {
    const { args, env } = as(0);
    const target = fixture.signedOutAgent();
    const flag = await runCommand(['whisper', target, ...args, '--lang', 'zh-CN'], { env });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain(
      `cc-inspector：whisper ${target} 失败 [900-003]：该座席不可用（未签入或无法接通）。`,
    );
    // The fix line is Chinese too (issue 15: every line in the chosen language).
    expect(flag.stderr).toContain('修复：');
    const locale = await runCommand(['whisper', target, ...args], {
      env: { ...env, LANG: 'zh_CN.UTF-8' },
    });
    expect(locale.stderr).toContain('该座席不可用');
  });

  it('a wrong password ends with exit 4 and never echoes the password', async () => {
    const { args } = as(1);
    const { code, stderr, stdout } = await runCommand(['agents', ...args, '--password-stdin'], {
      input: 'Not-The-Password\n',
    });
    expect(code).toBe(4);
    expect(stderr).toContain('[100-004]: Wrong agent ID or password.');
    expect(stderr + stdout).not.toContain('Not-The-Password');
  });

  it('request-call takes an enqueued call out of its queue', async () => {
    const { args, env } = as(2);
    const skill = fixture.sim.center.listSkills()[0];
    if (!skill) throw new Error('no skill');
    const callId = fixture.sim.center.enqueueCall(skill.id, '13800000000');
    const listed = await runCommand(['queue', '--skill', String(skill.id), ...args, '--json'], {
      env,
    });
    expect(listed.code).toBe(0);
    const [queue] = readJsonLines(listed.stdout) as Array<{
      calls: Array<{ callId: string; caller: string }>;
    }>;
    expect(queue?.calls).toContainEqual(expect.objectContaining({ callId, caller: '13800000000' }));

    const taken = await runCommand(
      ['request-call', callId, '--skill', String(skill.id), ...args, '--json', '--force-login'],
      { env },
    );
    // The call is now the inspector's own: once the simulator has put it through, the gateway
    // refuses the sign-out while it lasts, and the command says so with the code and the fix
    // instead of exiting 0 (issue 15). Before it is put through, the sign-out still succeeds.
    const lines = readJsonLines(taken.stdout);
    expect(lines[0]).toEqual({
      ok: true,
      command: 'request-call',
      target: callId,
      skillId: skill.id,
      mode: 'talking',
    });
    if (taken.code === 0) expect(lines).toHaveLength(1);
    else {
      expect(taken.code).toBe(1);
      expect(lines[1]).toMatchObject({
        ok: false,
        command: 'sign-out',
        error: { retcode: '100-010' },
      });
      expect(taken.stderr).toContain('cc-inspector logout --force');
    }
    expect(fixture.sim.center.listWaitingCalls(skill.id).map((call) => call.callId)).not.toContain(
      callId,
    );
  });

  it('agents lists id, name, group and state in words, filtered by --state', async () => {
    const { args, env } = as(3);
    const { code, stdout } = await runCommand(['agents', '--state', 'talking', ...args, '--json'], {
      env,
    });
    expect(code).toBe(0);
    const [result] = readJsonLines(stdout) as Array<{
      agents: Array<{ workNo: string; state: string; group: string | null; name: string }>;
    }>;
    const talking = fixture.sim.center
      .listAgents()
      .filter((agent) => agent.status === '7')
      .map((agent) => agent.workNo);
    expect(result?.agents.map((agent) => agent.workNo)).toEqual(talking);
    expect(
      result?.agents.every(
        (agent) => agent.state === 'talking' && agent.name !== '' && agent.group !== null,
      ),
    ).toBe(true);
  });

  it('--hold keeps the inspection until SIGINT, then ends it and signs out (exit 130)', async () => {
    const { args, env } = as(3);
    const target = fixture.talkingAgent(1);
    const child = startCommand(['listen', target, ...args, '--hold', '--json'], env);
    child.stdin.end();
    const held = await new Promise<string>((resolve) =>
      child.stderr.on(
        'data',
        (chunk: Buffer) => chunk.toString().includes('holding the session') && resolve('held'),
      ),
    );
    expect(held).toBe('held');
    child.kill('SIGINT');
    const { code, signal, stdout, stderr } = await collect(child);
    expect({ code, signal, stderr, stdout }).toMatchObject({ code: 130 });
    expect(readJsonLines(stdout)).toEqual([
      { ok: true, command: 'listen', target, mode: 'listening' },
    ]);
    expect(stderr).toContain(`ended the inspection of agent ${target} before signing out`);
    const after = await runCommand(['listen', target, ...args], { env });
    expect(after.code).toBe(0);
  });
});

// Issue 10: the exit code follows the class of the error-code page (cec_07_0580).
describe('documented refusals and the exit code', () => {
  const signIns = () => fixture.sim.center.stats().requestsByLogName.login ?? 0;

  it('100-013 at sign-in: one attempt, exit 4, the code named', async () => {
    const { args, env } = as(1);
    const before = signIns();
    fixture.sim.faults.answer({ interface: 'login', retcode: '100-013', times: 5 });
    try {
      const { code, stderr } = await runCommand(['listen', fixture.talkingAgent(0), ...args], {
        env,
      });
      expect(code).toBe(4);
      expect(stderr).toContain('[100-013]');
      expect(stderr).toMatch(/phone number/i);
      expect(signIns() - before).toBe(1);
    } finally {
      fixture.sim.faults.clear();
    }
  });

  it('105-002 on listen: a refusal to retry later, exit 1, signed in once', async () => {
    const { args, env } = as(1);
    const before = signIns();
    fixture.sim.faults.answer({ interface: 'addSupervise', retcode: '105-002' });
    const { code, stderr } = await runCommand(['listen', fixture.talkingAgent(1), ...args], {
      env,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('[105-002]');
    expect(stderr).toMatch(/try again/i);
    expect(signIns() - before).toBe(1);
  });

  // allagent includes the signed-in inspector; the demos drop their own id (qualitycontrol.js).
  it('agents: the inspector is not among their agents, but shown apart as "you"', async () => {
    const { args, env } = as(0);
    const me = fixture.sim.inspectors[0]!.agentId;
    const { code, stdout } = await runCommand(['agents', ...args, '--json'], { env });
    expect(code).toBe(0);
    const [result] = readJsonLines(stdout) as Array<{
      agents: Array<{ workNo: string }>;
      you: { workNo: string } | null;
    }>;
    expect(result!.agents.some((row) => row.workNo === me)).toBe(false);
    expect(result!.you).toMatchObject({ workNo: me });
    const text = await runCommand(['agents', ...args], { env });
    expect(text.stdout).toContain(`You: ${me} `);
  });
});
