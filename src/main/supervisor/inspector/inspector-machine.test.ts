import { describe, expect, it } from 'vitest';
import type { InspectorMode } from '../../../shared/domain';
import {
  transitionInspector,
  viewInspection,
  type GatewayEffect,
  type InspectionAction,
} from './inspector-machine';
import { CONTEXT, request, stateIn } from '../../../../test/support/core/inspector-fixtures';
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
