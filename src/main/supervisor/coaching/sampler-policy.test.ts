/**
 * The quality sampler and the saved queries as pure policies over scripted rosters: "one call
 * per agent per shift, prefer calls over 6 minutes, skills 3 and 5"; "resting > 10 min in
 * skill 12", "wrap-up > 2 min".
 */
import { describe, expect, it } from 'vitest';
import type { SamplerRules, SavedQuery } from '../../../shared/coaching';
import { proposeNextCall, shouldAutoJoin, type SamplerRow } from './sampler-policy';
import { evaluateQuery, resolveRecipients, type QueryRow } from './recipient-queries';

const NOW = 1_750_000_000_000;
const MIN = 60_000;
const RULES: SamplerRules = {
  enabled: true,
  onePerAgentPerShift: true,
  preferCallSeconds: 360,
  skillIds: [3, 5],
  autoJoin: true,
  minGapSeconds: 60,
};

function talking(workNo: string, minutes: number, extra: Partial<SamplerRow> = {}): SamplerRow {
  return {
    workNo,
    state: 'talking',
    call: { callId: `call-${workNo}`, caller: null, since: NOW - minutes * MIN },
    stateSince: NOW - minutes * MIN,
    inspectedBy: null,
    ...extra,
  };
}

const SKILLS: Record<string, number[]> = {
  '1001': [3],
  '1002': [5, 9],
  '1003': [9],
  '1004': [3],
  '1005': [5],
};
const skillsOf = (workNo: string) => SKILLS[workNo] ?? null;

describe('sampler policy', () => {
  it('prefers a call over 6 minutes in skills 3 or 5 from an agent not sampled this shift', () => {
    const rows = [
      talking('1001', 2), // skill 3, short
      talking('1002', 7), // skill 5, long → chosen
      talking('1003', 20), // skill 9 only: excluded
      talking('1004', 30), // skill 3, long, but sampled already
      { ...talking('1005', 9), state: 'wrap-up' as const }, // not in a call
    ];
    const choice = proposeNextCall({
      rules: RULES,
      rows,
      now: NOW,
      sampledThisShift: new Set(['1004']),
      skillsOf,
    });
    expect(choice).toEqual({
      proposal: {
        workNo: '1002',
        callId: 'call-1002',
        since: NOW - 7 * MIN,
        reasons: ['long-call', 'skill', 'not-sampled'],
      },
      needSkills: [],
    });
  });

  it('falls back to the longest short call when no call is long; skips calls someone inspects', () => {
    const rows = [
      talking('1001', 2),
      talking('1002', 4, { inspectedBy: { inspectorWorkNo: '9002', mode: 'listen' } }),
      talking('1005', 3),
    ];
    const choice = proposeNextCall({
      rules: RULES,
      rows,
      now: NOW,
      sampledThisShift: new Set(),
      skillsOf,
    });
    expect(choice.proposal?.workNo).toBe('1005');
    expect(choice.proposal?.reasons).toEqual(['skill', 'not-sampled']);
  });

  it('asks for the skills it does not know instead of guessing; any skill when the rules name none', () => {
    const rows = [talking('2001', 10), talking('1001', 1)];
    const withSkills = proposeNextCall({
      rules: RULES,
      rows,
      now: NOW,
      sampledThisShift: new Set(),
      skillsOf,
    });
    expect(withSkills).toMatchObject({ proposal: { workNo: '1001' }, needSkills: ['2001'] });
    const anySkill = proposeNextCall({
      rules: { ...RULES, skillIds: [] },
      rows,
      now: NOW,
      sampledThisShift: new Set(),
      skillsOf,
    });
    expect(anySkill).toMatchObject({ proposal: { workNo: '2001' }, needSkills: [] });
  });

  it('without one-per-shift, an agent already sampled can come again', () => {
    const choice = proposeNextCall({
      rules: { ...RULES, onePerAgentPerShift: false },
      rows: [talking('1004', 30)],
      now: NOW,
      sampledThisShift: new Set(['1004']),
      skillsOf,
    });
    expect(choice.proposal?.workNo).toBe('1004');
  });

  it('joins on its own only when allowed, idle, not following, and not within the gap', () => {
    const proposal = { workNo: '1002', callId: 'c', since: null, reasons: [] };
    const base = {
      rules: RULES,
      proposal,
      inspectorIdle: true,
      following: false,
      lastAutoJoinAt: null,
      now: NOW,
    };
    expect(shouldAutoJoin(base)).toBe(true);
    expect(shouldAutoJoin({ ...base, rules: { ...RULES, autoJoin: false } })).toBe(false);
    expect(shouldAutoJoin({ ...base, rules: { ...RULES, enabled: false } })).toBe(false);
    expect(shouldAutoJoin({ ...base, inspectorIdle: false })).toBe(false);
    expect(shouldAutoJoin({ ...base, following: true })).toBe(false);
    expect(shouldAutoJoin({ ...base, lastAutoJoinAt: NOW - 59_000 })).toBe(false);
    expect(shouldAutoJoin({ ...base, lastAutoJoinAt: NOW - 60_000 })).toBe(true);
    expect(shouldAutoJoin({ ...base, proposal: null })).toBe(false);
  });
});

describe('saved queries', () => {
  const row = (
    workNo: string,
    state: QueryRow['state'],
    minutes: number,
    group = 'Sales',
  ): QueryRow => ({
    workNo,
    state,
    stateSince: NOW - minutes * MIN,
    groupName: group,
  });
  const restingInSkill12: SavedQuery = {
    id: 'q',
    name: 'Resting > 10 min in skill 12',
    states: ['rest'],
    minMinutes: 10,
    skillId: 12,
    group: null,
  };
  const rows = [
    row('1003', 'rest', 11),
    row('1001', 'rest', 15),
    row('1002', 'rest', 9),
    row('1004', 'wrap-up', 3),
    row('1005', 'rest', 30),
    row('1006', 'rest', 12, 'Support'),
  ];
  const skills: Record<string, number[]> = { '1001': [12], '1003': [12, 4], '1006': [12] };

  it('"resting > 10 min in skill 12": state, time and skill, agents with unknown skills reported', () => {
    expect(evaluateQuery(restingInSkill12, rows, NOW, (workNo) => skills[workNo] ?? null)).toEqual({
      workNos: ['1001', '1003', '1006'],
      unknownSkills: ['1005'],
    });
  });

  it('"wrap-up > 2 min" and a group restriction', () => {
    const wrapUp: SavedQuery = {
      ...restingInSkill12,
      states: ['wrap-up'],
      minMinutes: 2,
      skillId: null,
    };
    expect(evaluateQuery(wrapUp, rows, NOW, () => null).workNos).toEqual(['1004']);
    const support: SavedQuery = { ...restingInSkill12, skillId: null, group: 'Support' };
    expect(evaluateQuery(support, rows, NOW, () => null).workNos).toEqual(['1006']);
  });

  it('resolves a group (signed-in agents only), a list, and refuses an unknown query', () => {
    const withSignedOut = [...rows, row('1007', 'signed-out', 1)];
    expect(
      resolveRecipients({ kind: 'group', group: 'Sales' }, [], withSignedOut, NOW, () => null)
        ?.workNos,
    ).toEqual(['1001', '1002', '1003', '1004', '1005']);
    expect(
      resolveRecipients(
        { kind: 'agents', workNos: ['1002', '1002', '1009'] },
        [],
        rows,
        NOW,
        () => null,
      ),
    ).toEqual({ workNos: ['1002', '1009'], unknownSkills: [] });
    expect(
      resolveRecipients({ kind: 'query', queryId: 'nope' }, [], rows, NOW, () => null),
    ).toBeNull();
  });
});
