import { describe, expect, it } from 'vitest';
import type { InspectorMode } from '../../shared/domain';
import {
  INITIAL_INSPECTOR_STATE,
  transitionInspector,
  viewInspection,
  type GatewayEffect,
  type InspectionAction,
  type InspectorInput,
  type InspectorState,
} from './inspector-machine';

const CONTEXT = { signedIn: true, inspectorId: '900', targetState: 'talking' as const };

function request(
  action: InspectionAction,
  extra: Partial<Extract<InspectorInput, { kind: 'request' }>> = {},
): InspectorInput {
  return { kind: 'request', action, workNo: '1002', now: 1_000, context: CONTEXT, ...extra };
}

function stateIn(mode: InspectorMode, target: string | null = '1002'): InspectorState {
  if (mode === 'idle') return { ...INITIAL_INSPECTOR_STATE };
  return {
    ...INITIAL_INSPECTOR_STATE,
    mode,
    targetWorkNo: target,
    since: 500,
    legSeen: true,
    lastTargetWorkNo: target,
  };
}

/** Run a request and its success; returns the final state. */
function grant(state: InspectorState, input: InspectorInput): InspectorState {
  const asked = transitionInspector(state, input);
  expect(asked.refusal).toBeNull();
  expect(asked.effect).not.toBeNull();
  return transitionInspector(asked.state, { kind: 'succeeded', now: 2_000 }).state;
}

const ALL_MODES: InspectorMode[] = ['idle', 'listening', 'inserting', 'whispering', 'talking'];

// Expected effect (or null = refused) of every action from every mode, current target 1002.
const TABLE: Record<InspectionAction, Record<InspectorMode, GatewayEffect | null>> = {
  listen: {
    idle: { call: 'listen', workNo: '1002' },
    listening: null,
    inserting: null,
    whispering: null,
    talking: null,
  },
  barge: {
    idle: { call: 'insert', workNo: '1002' },
    listening: null,
    inserting: null,
    whispering: null,
    talking: null,
  },
  whisper: {
    idle: { call: 'whisper', workNo: '1002' },
    listening: null,
    inserting: null,
    whispering: null,
    talking: null,
  },
  switch: {
    idle: null,
    listening: { call: 'switchListenInsert', workNo: '1002' },
    inserting: { call: 'switchListenInsert', workNo: '1002' },
    whispering: null,
    talking: null,
  },
  'switch-to-listen': {
    idle: null,
    listening: null,
    inserting: { call: 'switchMode', workNo: '1002', to: 'listen' },
    whispering: { call: 'switchMode', workNo: '1002', to: 'listen' },
    talking: null,
  },
  'switch-to-barge': {
    idle: null,
    listening: { call: 'switchMode', workNo: '1002', to: 'insert' },
    inserting: null,
    whispering: { call: 'switchMode', workNo: '1002', to: 'insert' },
    talking: null,
  },
  'switch-to-whisper': {
    idle: null,
    listening: { call: 'switchMode', workNo: '1002', to: 'whisper' },
    inserting: { call: 'switchMode', workNo: '1002', to: 'whisper' },
    whispering: null,
    talking: null,
  },
  intercept: {
    idle: null,
    listening: { call: 'intercept', workNo: '1002' },
    inserting: { call: 'intercept', workNo: '1002' },
    whispering: { call: 'intercept', workNo: '1002' },
    talking: null,
  },
  cancel: {
    idle: null,
    listening: { call: 'cancel', workNo: '1002' },
    inserting: { call: 'cancel', workNo: '1002' },
    whispering: { call: 'stopWhisper', workNo: '1002' },
    talking: null,
  },
  'request-call': {
    idle: { call: 'requestCall', callId: 'c-1', skillId: 7 },
    listening: null,
    inserting: null,
    whispering: null,
    talking: null,
  },
};

const MODE_AFTER: Record<InspectionAction, Partial<Record<InspectorMode, InspectorMode>>> = {
  listen: { idle: 'listening' },
  barge: { idle: 'inserting' },
  whisper: { idle: 'whispering' },
  switch: { listening: 'inserting', inserting: 'listening' },
  'switch-to-listen': { inserting: 'listening', whispering: 'listening' },
  'switch-to-barge': { listening: 'inserting', whispering: 'inserting' },
  'switch-to-whisper': { listening: 'whispering', inserting: 'whispering' },
  intercept: { listening: 'talking', inserting: 'talking', whispering: 'talking' },
  cancel: { listening: 'idle', inserting: 'idle', whispering: 'idle' },
  'request-call': { idle: 'talking' },
};

describe('inspector state machine: every action from every mode', () => {
  for (const action of Object.keys(TABLE) as InspectionAction[]) {
    for (const mode of ALL_MODES) {
      const expected = TABLE[action][mode];
      it(`${action} from ${mode} is ${expected ? 'allowed' : 'refused'}`, () => {
        const extra = action === 'request-call' ? { workNo: null, callId: 'c-1', skillId: 7 } : {};
        const agentScoped = action === 'listen' || action === 'barge' || action === 'whisper';
        const input = request(
          action,
          agentScoped || action === 'request-call' ? extra : { workNo: undefined },
        );
        const result = transitionInspector(stateIn(mode), input);
        if (expected === null) {
          expect(result.effect).toBeNull();
          expect(result.refusal?.code).toBe('forbidden-state');
          expect(result.refusal?.message.length).toBeGreaterThan(10);
          expect(result.refusal?.messageZh).toMatch(/[\u4e00-\u9fff]/);
          expect(result.state).toEqual(stateIn(mode));
        } else {
          expect(result.refusal).toBeNull();
          expect(result.effect).toEqual(expected);
          expect(result.state.pending?.action).toBe(action);
          const after = transitionInspector(result.state, { kind: 'succeeded', now: 2_000 }).state;
          expect(after.mode).toBe(MODE_AFTER[action][mode]);
          expect(after.pending).toBeNull();
        }
      });
    }
  }
});

describe('inspector state machine: guards and wording', () => {
  it('explains a barge while listening in the supervisor’s words', () => {
    const result = transitionInspector(stateIn('listening'), request('barge', { workNo: '1003' }));
    expect(result.refusal?.message).toBe(
      'You are already listening to 1002 — cancel or switch first.',
    );
    expect(result.refusal?.messageZh).toBe('您正在监听 1002，请先取消或切换。');
  });

  it('refuses everything when signed out, with not-signed-in', () => {
    const result = transitionInspector(
      stateIn('idle'),
      request('listen', { context: { ...CONTEXT, signedIn: false } }),
    );
    expect(result.refusal?.code).toBe('not-signed-in');
  });

  it('refuses inspecting oneself and a signed-out agent', () => {
    expect(
      transitionInspector(stateIn('idle'), request('listen', { workNo: '900' })).refusal?.message,
    ).toMatch(/yourself/);
    const signedOut = request('listen', { context: { ...CONTEXT, targetState: 'signed-out' } });
    expect(transitionInspector(stateIn('idle'), signedOut).refusal?.message).toBe(
      'Agent 1002 is signed out.',
    );
  });

  it('refuses listen without an agent and request-call without a call', () => {
    expect(
      transitionInspector(stateIn('idle'), request('listen', { workNo: null })).refusal?.message,
    ).toBe('Select an agent first.');
    expect(
      transitionInspector(stateIn('idle'), request('request-call', { callId: null, skillId: 1 }))
        .refusal?.message,
    ).toMatch(/waiting call/);
  });

  it('tells the supervisor to hang up when cancelling their own call', () => {
    expect(transitionInspector(stateIn('talking'), request('cancel')).refusal?.message).toMatch(
      /hang up on your phone/,
    );
  });
});

describe('inspector state machine: pending requests', () => {
  it('joins the same request while it is in flight', () => {
    const first = transitionInspector(stateIn('idle'), request('listen'));
    const second = transitionInspector(first.state, request('listen'));
    expect(second.join).toBe(true);
    expect(second.effect).toBeNull();
    expect(second.refusal).toBeNull();
  });

  it('joins a repeated cancel that names no agent', () => {
    const first = transitionInspector(
      stateIn('listening'),
      request('cancel', { workNo: undefined }),
    );
    expect(transitionInspector(first.state, request('cancel', { workNo: undefined })).join).toBe(
      true,
    );
  });

  it('refuses a different request while one is in flight', () => {
    const first = transitionInspector(stateIn('idle'), request('listen'));
    const other = transitionInspector(first.state, request('barge', { workNo: '1003' }));
    expect(other.join).toBe(false);
    expect(other.refusal?.message).toBe('Wait: the listen request for 1002 has not finished yet.');
    const otherAgent = transitionInspector(first.state, request('listen', { workNo: '1003' }));
    expect(otherAgent.refusal).not.toBeNull();
  });

  it('a failed request leaves the mode unchanged and clears pending', () => {
    const first = transitionInspector(
      stateIn('listening'),
      request('switch', { workNo: undefined }),
    );
    const failed = transitionInspector(first.state, { kind: 'failed', now: 2_000 });
    expect(failed.state.mode).toBe('listening');
    expect(failed.state.pending).toBeNull();
  });

  it('shows the pending action in the view', () => {
    const first = transitionInspector(stateIn('idle'), request('whisper'));
    expect(viewInspection(first.state)).toMatchObject({
      mode: 'idle',
      pending: 'whisper',
      since: null,
    });
  });
});

describe('inspector state machine: listen → switch → intercept → call ends', () => {
  it('follows the documented path and remembers the last target', () => {
    let state = grant(stateIn('idle'), request('listen'));
    expect(viewInspection(state)).toMatchObject({
      mode: 'listening',
      targetWorkNo: '1002',
      lastTargetWorkNo: '1002',
    });
    state = grant(state, request('switch', { workNo: undefined }));
    expect(state.mode).toBe('inserting');
    state = grant(state, request('intercept', { workNo: undefined }));
    expect(viewInspection(state)).toMatchObject({ mode: 'talking', targetWorkNo: '1002' });
    state = transitionInspector(state, {
      kind: 'own-event',
      eventType: 'AgentEvent_Call_Release',
      content: 'c-9',
      now: 3_000,
    }).state;
    expect(viewInspection(state)).toMatchObject({
      mode: 'idle',
      targetWorkNo: null,
      lastTargetWorkNo: '1002',
    });
  });

  it('request-call puts the inspector on the call and a release ends it', () => {
    let state = grant(
      stateIn('idle'),
      request('request-call', { workNo: null, callId: 'c-1', skillId: 7 }),
    );
    expect(viewInspection(state)).toMatchObject({
      mode: 'talking',
      callId: 'c-1',
      targetWorkNo: null,
    });
    const release = {
      kind: 'own-event',
      eventType: 'AgentOther_PhoneRelease',
      content: null,
      now: 2_500,
    } as const;
    expect(transitionInspector(state, release).state.mode).toBe('talking'); // stale: no leg event yet
    state = transitionInspector(state, {
      kind: 'own-event',
      eventType: 'AgentEvent_Talking',
      content: { callid: 'c-1' },
      now: 2_600,
    }).state;
    state = transitionInspector(state, {
      kind: 'own-event',
      eventType: 'AgentOther_PhoneRelease',
      content: { phoneState: 2 },
      now: 3_000,
    }).state;
    expect(state.mode).toBe('idle');
  });
});

describe('inspector state machine: own events', () => {
  const event = (eventType: string, content: unknown = null): InspectorInput => ({
    kind: 'own-event',
    eventType,
    content,
    now: 5_000,
  });

  it('a Ready after the leg was seen ends the inspection', () => {
    let state = grant(stateIn('idle'), request('listen'));
    state = transitionInspector(state, event('AgentOther_PhoneOffhook', { type: 'main' })).state;
    state = transitionInspector(state, event('AgentState_Ready')).state;
    expect(state.mode).toBe('idle');
    expect(state.since).toBe(5_000);
  });

  it('a stale Ready queued before the leg does not end a fresh inspection', () => {
    const state = grant(stateIn('idle'), request('listen'));
    expect(transitionInspector(state, event('AgentState_Ready')).state.mode).toBe('listening');
  });

  it('leg events seen while pending count for the new leg', () => {
    let state = transitionInspector(stateIn('idle'), request('barge')).state;
    state = transitionInspector(state, event('AgentState_Busy')).state;
    state = transitionInspector(state, { kind: 'succeeded', now: 2_000 }).state;
    state = transitionInspector(state, event('AgentOther_PhoneRelease', { phoneState: 3 })).state;
    expect(state.mode).toBe('idle');
  });

  it('a release while a request is pending is left to the request result', () => {
    const pending = transitionInspector(
      stateIn('listening'),
      request('cancel', { workNo: undefined }),
    ).state;
    expect(transitionInspector(pending, event('AgentOther_PhoneRelease')).state).toEqual(pending);
  });

  it('an incoming call to the inspector makes it talking', () => {
    const state = transitionInspector(
      stateIn('idle'),
      event('AgentEvent_Talking', { callid: 'x-1', caller: '555' }),
    ).state;
    expect(viewInspection(state)).toMatchObject({
      mode: 'talking',
      callId: 'x-1',
      targetWorkNo: null,
    });
  });

  it('Call_Release ends talking but not a listen', () => {
    expect(
      transitionInspector(stateIn('listening'), event('AgentEvent_Call_Release', 'c')).state.mode,
    ).toBe('listening');
    expect(
      transitionInspector(stateIn('talking'), event('AgentEvent_Call_Release', 'c')).state.mode,
    ).toBe('idle');
  });

  it('session reset returns to idle and keeps the last target', () => {
    const state = transitionInspector(stateIn('inserting'), { kind: 'session-reset' }).state;
    expect(viewInspection(state)).toMatchObject({
      mode: 'idle',
      pending: null,
      lastTargetWorkNo: '1002',
    });
  });
});

describe('inspector state machine: own status reconciliation', () => {
  const status = (agentState: number | null): InspectorInput => ({
    kind: 'own-status',
    agentState,
    now: 9_000,
  });

  it('adopts listening/inserting/whispering reported by the gateway', () => {
    expect(transitionInspector(stateIn('inserting'), status(16)).state.mode).toBe('listening');
    expect(transitionInspector(stateIn('listening'), status(17)).state.mode).toBe('whispering');
  });

  it('idle from the gateway ends a stale inspection; busy changes nothing', () => {
    expect(transitionInspector(stateIn('listening'), status(1)).state.mode).toBe('idle');
    expect(transitionInspector(stateIn('listening'), status(4)).state.mode).toBe('listening');
    expect(transitionInspector(stateIn('idle'), status(9)).state.mode).toBe('talking');
  });

  it('is ignored while a request is pending', () => {
    const pending = transitionInspector(stateIn('idle'), request('listen')).state;
    expect(transitionInspector(pending, status(1)).state).toEqual(pending);
  });
});
