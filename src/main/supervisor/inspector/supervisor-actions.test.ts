import { describe, expect, it } from 'vitest';
import type { AgentState, JournalEntry } from '../../../shared/domain';
import { GatewayError } from '../../gateway/gateway-error';
import { INITIAL_INSPECTOR_STATE, type InspectorState } from './inspector-machine';
import type { ActionGateway } from './inspection-effects';
import { SupervisorActions } from './supervisor-actions';
import { ManualClock } from '../../../../test/support/core/manual-clock';

interface Deferred {
  resolve(): void;
  reject(error: unknown): void;
}

/** A gateway whose calls wait until the test settles them; counts every call. */
class HeldGateway {
  calls: string[] = [];
  held: Deferred[] = [];
  ownState = 1;

  client(): ActionGateway {
    const hold =
      (name: string) =>
      (...args: unknown[]): Promise<void> => {
        this.calls.push(`${name}(${args.join(',')})`);
        return new Promise<void>((resolve, reject) => this.held.push({ resolve, reject }));
      };
    return {
      listen: hold('listen'),
      insert: hold('insert'),
      whisper: hold('whisper'),
      switchListenInsert: hold('switchListenInsert'),
      switchMode: hold('switchMode'),
      intercept: hold('intercept'),
      cancel: hold('cancel'),
      stopWhisper: hold('stopWhisper'),
      requestCall: hold('requestCall'),
      forceBusy: hold('forceBusy'),
      forceIdle: hold('forceIdle'),
      forceSignOutAgent: hold('forceSignOutAgent'),
      getOwnStatus: () => {
        this.calls.push('getOwnStatus()');
        return Promise.resolve({ agentState: this.ownState, isWorking: false });
      },
    };
  }

  settleAll(error?: unknown): void {
    for (const deferred of this.held.splice(0)) {
      if (error) deferred.reject(error);
      else deferred.resolve();
    }
  }
}

function setup(states: Record<string, AgentState> = { '1002': 'talking', '1003': 'idle' }) {
  const clock = new ManualClock();
  const gateway = new HeldGateway();
  const client = gateway.client();
  let inspector: InspectorState = INITIAL_INSPECTOR_STATE;
  const journal: JournalEntry[] = [];
  const failures: unknown[] = [];
  const taken: number[] = [];
  let live = true;
  const actions = new SupervisorActions({
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    liveClient: () => (live ? client : null),
    isRecovering: () => false,
    inspectorId: () => '900',
    targetState: (workNo) => states[workNo] ?? null,
    getInspector: () => inspector,
    setInspector: (next) => {
      inspector = next;
    },
    journal: (entry) => journal.push(entry),
    reportFailure: (error) => failures.push(error),
    onQueuedCallTaken: (skillId) => taken.push(skillId),
  });
  return {
    clock,
    gateway,
    actions,
    journal,
    failures,
    taken,
    inspector: () => inspector,
    goOffline: () => {
      live = false;
    },
  };
}

describe('SupervisorActions: one request per action', () => {
  it('a double trigger of listen sends one request and both get the same result', async () => {
    const t = setup();
    const first = t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'hotkey' });
    const second = t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'hotkey' });
    expect(t.gateway.calls).toEqual(['listen(1002)']);
    expect(t.inspector().pending?.action).toBe('listen');
    t.gateway.settleAll();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({
      ok: true,
      value: { mode: 'listening', targetWorkNo: '1002', pending: null },
    });
    expect(b).toEqual(a);
    expect(t.journal).toHaveLength(1);
    expect(t.journal[0]).toMatchObject({
      action: 'listen',
      target: '1002',
      source: 'hotkey',
      modeBefore: 'idle',
      modeAfter: 'listening',
      outcome: 'ok',
    });
  });

  it('the request leaves before the trigger returns (no await in front of it)', () => {
    const t = setup();
    void t.actions.runInspection({ action: 'barge', workNo: '1002', source: 'hotkey' });
    expect(t.gateway.calls).toEqual(['insert(1002)']);
  });

  it('a different action while one is in flight is refused, with no request', async () => {
    const t = setup();
    void t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'window' });
    const other = await t.actions.runInspection({
      action: 'whisper',
      workNo: '1003',
      source: 'window',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden-state' } });
    expect(t.gateway.calls).toEqual(['listen(1002)']);
    expect(t.journal.map((entry) => entry.outcome)).toEqual(['refused']);
  });

  it('a force action triggered twice sends one request; two agents queue behind each other', async () => {
    const t = setup();
    const one = t.actions.runForce('force-busy', '1003', 'window');
    const two = t.actions.runForce('force-busy', '1003', 'tray');
    const other = t.actions.runForce('force-busy', '1002', 'window');
    await Promise.resolve();
    expect(t.gateway.calls).toEqual(['forceBusy(1003)']);
    t.gateway.settleAll();
    expect(await one).toEqual({ ok: true, value: null });
    expect(await two).toEqual({ ok: true, value: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.gateway.calls).toEqual(['forceBusy(1003)', 'forceBusy(1002)']);
    t.gateway.settleAll();
    expect(await other).toEqual({ ok: true, value: null });
  });
});

describe('SupervisorActions: guards and failures', () => {
  it('refuses forcing yourself or a signed-out agent before the network', async () => {
    const t = setup({ '1004': 'signed-out' });
    expect(await t.actions.runForce('force-idle', '900', 'window')).toMatchObject({
      ok: false,
      error: { code: 'forbidden-state' },
    });
    expect(await t.actions.runForce('force-busy', '1004', 'window')).toMatchObject({
      ok: false,
      error: { message: 'Agent 1004 is signed out.' },
    });
    expect(t.gateway.calls).toEqual([]);
    expect(t.journal.map((entry) => `${entry.action}:${entry.outcome}`)).toEqual([
      'force-idle:refused',
      'force-busy:refused',
    ]);
  });

  it('refuses when signed out with not-signed-in', async () => {
    const t = setup();
    t.goOffline();
    expect(
      await t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'window' }),
    ).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await t.actions.runForce('force-busy', '1002', 'window')).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
  });

  it('maps a gateway refusal to a typed error, journals it and re-reads the own state', async () => {
    const t = setup();
    const pending = t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'window' });
    t.gateway.settleAll(
      new GatewayError({ kind: 'retcode', interfaceName: 'addSupervise', retcode: '900-005' }),
    );
    const result = await pending;
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'gateway',
        retcode: '900-005',
        messageZh: expect.stringMatching(/质检/) as unknown,
      },
    });
    expect(t.inspector()).toMatchObject({ mode: 'idle', pending: null });
    expect(t.journal[0]).toMatchObject({ outcome: 'failed', retcode: '900-005' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.gateway.calls).toContain('getOwnStatus()');
    expect(t.failures).toHaveLength(1);
  });

  it('a lost session on an action is reported as not-signed-in', async () => {
    const t = setup();
    const pending = t.actions.runInspection({ action: 'listen', workNo: '1002', source: 'window' });
    t.gateway.settleAll(
      new GatewayError({ kind: 'retcode', interfaceName: 'addSupervise', retcode: '100-006' }),
    );
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in', retcode: '100-006' },
    });
  });

  it('taking a queued call refreshes that queue and journals callId@skillId', async () => {
    const t = setup();
    const pending = t.actions.runInspection({
      action: 'request-call',
      callId: 'c-9',
      skillId: 4,
      source: 'window',
    });
    expect(t.gateway.calls).toEqual(['requestCall(c-9,4)']);
    t.gateway.settleAll();
    expect(await pending).toMatchObject({ ok: true, value: { mode: 'talking', callId: 'c-9' } });
    expect(t.taken).toEqual([4]);
    expect(t.journal[0]?.target).toBe('c-9@4');
  });
});
