/**
 * Following an agent ("monitor next calls") as a pure policy, driven by a scripted shift of
 * one agent: calls start and end, the inspector is busy or idle, time passes.
 */
import { describe, expect, it } from 'vitest';
import {
  callKeyOf,
  startFollowing,
  stepFollow,
  viewFollow,
  type FollowDecision,
  type FollowInput,
  type FollowState,
  type InspectorFacts,
} from './follow-policy';

const T0 = 1_750_000_000_000;
const IDLE: InspectorFacts = { mode: 'idle', targetWorkNo: null, pending: false };
const LISTENING: InspectorFacts = { mode: 'listening', targetWorkNo: '1001', pending: false };
const BUSY_ELSEWHERE: InspectorFacts = { mode: 'inserting', targetWorkNo: '1002', pending: false };

/** Run a script of (input, inspector) pairs; collect every decision and the final state. */
function run(
  state: FollowState,
  script: Array<[FollowInput, InspectorFacts]>,
): { state: FollowState | null; decisions: FollowDecision[] } {
  let current: FollowState | null = state;
  const decisions: FollowDecision[] = [];
  for (const [input, inspector] of script) {
    if (current === null) break;
    const step = stepFollow(current, input, inspector);
    current = step.state;
    decisions.push(...step.decisions);
  }
  return { state: current, decisions };
}

const call = (id: string, at: number): FollowInput => ({
  kind: 'agent',
  state: 'talking',
  call: id,
  now: at,
});
const wrapUp = (at: number): FollowInput => ({
  kind: 'agent',
  state: 'wrap-up',
  call: null,
  now: at,
});

describe('follow policy', () => {
  it('listens to each next call while idle, leaves it when it ends, stops after N calls', () => {
    const start = startFollowing('1001', { calls: 2, minutes: null }, T0, null);
    const { state, decisions } = run(start, [
      [call('c1', T0 + 1_000), IDLE],
      [wrapUp(T0 + 60_000), LISTENING],
      [{ kind: 'inspector', inspector: IDLE, now: T0 + 60_100 }, IDLE],
      [call('c2', T0 + 90_000), IDLE],
      [wrapUp(T0 + 200_000), LISTENING],
    ]);
    expect(decisions).toEqual([
      { kind: 'listen', workNo: '1001', call: 'c1' },
      { kind: 'cancel', workNo: '1001' },
      { kind: 'listen', workNo: '1001', call: 'c2' },
      { kind: 'cancel', workNo: '1001' },
      { kind: 'end', reason: 'calls' },
    ]);
    expect(state).toBeNull();
  });

  it('skips a call that starts while the inspector is busy and does not count it', () => {
    const start = startFollowing('1001', { calls: 1, minutes: null }, T0, null);
    const { state, decisions } = run(start, [
      [call('c1', T0 + 1_000), BUSY_ELSEWHERE],
      // Becoming idle during that call does not join it: it was not "the next call" for us.
      [{ kind: 'inspector', inspector: IDLE, now: T0 + 5_000 }, IDLE],
      [call('c1', T0 + 6_000), IDLE],
      [wrapUp(T0 + 30_000), IDLE],
      [call('c2', T0 + 40_000), IDLE],
    ]);
    expect(decisions).toEqual([{ kind: 'listen', workNo: '1001', call: 'c2' }]);
    expect(viewFollow(state)).toEqual({
      workNo: '1001',
      callsLeft: 0,
      until: null,
      callsJoined: 1,
      listening: true,
    });
  });

  it('does not take the call already running when following starts', () => {
    const start = startFollowing('1001', { calls: 3, minutes: null }, T0, 'c0');
    const { decisions } = run(start, [
      [call('c0', T0 + 1_000), IDLE],
      [wrapUp(T0 + 2_000), IDLE],
    ]);
    expect(decisions).toEqual([]);
  });

  it('ends after M minutes, but never cuts a call it is listening to', () => {
    const start = startFollowing('1001', { calls: null, minutes: 10 }, T0, null);
    const { state, decisions } = run(start, [
      [call('c1', T0 + 9 * 60_000), IDLE],
      [{ kind: 'tick', now: T0 + 11 * 60_000 }, LISTENING],
      [wrapUp(T0 + 12 * 60_000), LISTENING],
    ]);
    expect(decisions).toEqual([
      { kind: 'listen', workNo: '1001', call: 'c1' },
      { kind: 'cancel', workNo: '1001' },
      { kind: 'end', reason: 'time' },
    ]);
    expect(state).toBeNull();
    const idleEnd = stepFollow(start, { kind: 'tick', now: T0 + 10 * 60_000 }, IDLE);
    expect(idleEnd).toEqual({ state: null, decisions: [{ kind: 'end', reason: 'time' }] });
  });

  it('a follow listen the supervisor ended by hand counts as heard; no cancel is sent twice', () => {
    const start = startFollowing('1001', { calls: 1, minutes: null }, T0, null);
    const { state, decisions } = run(start, [
      [call('c1', T0 + 1_000), IDLE],
      [{ kind: 'inspector', inspector: IDLE, now: T0 + 20_000 }, IDLE],
    ]);
    expect(decisions).toEqual([
      { kind: 'listen', workNo: '1001', call: 'c1' },
      { kind: 'end', reason: 'calls' },
    ]);
    expect(state).toBeNull();
  });

  it('tells calls apart by call id, else by their start', () => {
    expect(callKeyOf({ state: 'talking', call: { callId: 'x', since: 5 }, stateSince: 1 })).toBe(
      'x',
    );
    expect(callKeyOf({ state: 'talking', call: { callId: null, since: 5 }, stateSince: 1 })).toBe(
      'since:5',
    );
    expect(callKeyOf({ state: 'talking', call: null, stateSince: 7 })).toBe('since:7');
    expect(callKeyOf({ state: 'idle', call: null, stateSince: 7 })).toBeNull();
  });

  it('refuses to start without any limit', () => {
    expect(() => startFollowing('1001', { calls: null, minutes: null }, T0, null)).toThrow(
      /calls or minutes/,
    );
  });
});
