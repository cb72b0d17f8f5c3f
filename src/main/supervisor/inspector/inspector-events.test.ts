import { describe, expect, it } from 'vitest';
import { transitionInspector, viewInspection, type InspectorInput } from './inspector-machine';
import { grant, request, stateIn } from '../../../../test/support/core/inspector-fixtures';

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
