import { describe, expect, it } from 'vitest';
import { SimulationClock } from './center-scheduler';
import { ContactCenter } from './contact-center';
import type { CenterAgent } from './center-types';

const START = Date.UTC(2025, 0, 6, 9, 0, 0);

function buildCenter(
  overrides: Partial<{ agents: number; inspectors: number; seed: number; rate: number }> = {},
): ContactCenter {
  return new ContactCenter({
    agents: overrides.agents ?? 40,
    inspectors: overrides.inspectors ?? 3,
    seed: overrides.seed ?? 1,
    changesPerAgentPerMinute: overrides.rate ?? 1,
    clock: new SimulationClock(false, START),
  });
}

function snapshot(center: ContactCenter): string {
  return JSON.stringify(
    center.agents.map((a) => [
      a.workNo,
      a.name,
      a.groupName,
      a.skills,
      a.status,
      a.ctiStatus,
      a.call?.callId ?? null,
      a.call?.caller ?? null,
    ]),
  );
}

const CTI_FOR: Record<string, string> = {
  '2': '0',
  '3': '7',
  '4': '1',
  '5': '6',
  '7': '5',
  '8': '8',
};

/** Agents whose CTI status, call or login time contradicts their CC-Gateway status. */
function findInconsistent(agents: CenterAgent[]): string[] {
  return agents
    .filter(
      (a) =>
        a.ctiStatus !== CTI_FOR[a.status] ||
        (a.call !== null) !== (a.status === '7') ||
        (a.loginTime === null) !== (a.status === '2'),
    )
    .map((a) => `${a.workNo}:${a.status}/${a.ctiStatus}`);
}

describe('contact-center model', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = buildCenter({ seed: 7 });
    const b = buildCenter({ seed: 7 });
    const c = buildCenter({ seed: 8 });
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
    for (let i = 0; i < 30; i += 1) {
      a.advance(10_000);
      b.advance(10_000);
    }
    expect(snapshot(a)).toBe(snapshot(b));
    expect(a.changeCount).toBe(b.changeCount);
  });

  it('builds 5–12 named skills, groups, English and Chinese names, inspectors after the agents', () => {
    const center = buildCenter({ agents: 200 });
    expect(center.skills.length).toBeGreaterThanOrEqual(5);
    expect(center.skills.length).toBeLessThanOrEqual(12);
    const agents = center.agents.filter((a) => !a.isInspector);
    expect(agents[0]?.workNo).toBe('1001');
    expect(center.agents.filter((a) => a.isInspector).map((a) => a.workNo)).toEqual([
      '9001',
      '9002',
      '9003',
    ]);
    expect(agents.some((a) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(a.name))).toBe(true);
    expect(agents.some((a) => /^[\u4e00-\u9fff]{2,3}$/.test(a.name))).toBe(true);
    expect(new Set(agents.map((a) => a.groupName)).size).toBe(10);
    // Every queue is served by someone.
    for (const skill of center.skills)
      expect(agents.some((a) => a.skills.includes(skill.id))).toBe(true);
  });

  it('moves inspector ids past the agent ids in big centers', () => {
    const center = buildCenter({ agents: 10_000, rate: 0 });
    const inspectors = center.agents.filter((a) => a.isInspector).map((a) => a.workNo);
    expect(inspectors).toEqual(['19001', '19002', '19003']);
    expect(new Set(center.agents.map((a) => a.workNo)).size).toBe(center.agents.length);
  });

  it('starts with a realistic mix and keeps CC-Gateway and CTI statuses consistent while running', () => {
    const center = buildCenter({ agents: 500 });
    const count = (status: string) =>
      center.agents.filter((a) => !a.isInspector && a.status === status).length;
    expect(count('7')).toBeGreaterThan(150);
    expect(count('4')).toBeGreaterThan(80);
    for (const status of ['2', '3', '5', '8']) expect(count(status)).toBeGreaterThan(0);
    expect(findInconsistent(center.agents)).toEqual([]);
    for (let i = 0; i < 20; i += 1) {
      center.advance(15_000);
      expect(findInconsistent(center.agents)).toEqual([]);
    }
  });

  it('routes a queued call to an idle agent with the skill once its announcement has played', () => {
    const center = buildCenter();
    const skill = center.skills[0]!;
    const call = center.enqueueCall(skill.id, '02112345678');
    expect(center.listWaitingCalls(skill.id).map((c) => c.callId)).toContain(call.callId);
    center.advance(16_000);
    expect(center.listWaitingCalls(skill.id).map((c) => c.callId)).not.toContain(call.callId);
    const holder = center.agents.find((a) => a.call?.callId === call.callId);
    // Either an idle agent took it, or it is still waiting for one (all busy): never lost silently.
    if (holder) expect(holder.skills).toContain(skill.id);
    expect(() => center.enqueueCall(9_999)).toThrow(/Unknown skill/);
  });

  it('stands still at rate 0 (calls wait until requested)', () => {
    const center = buildCenter({ rate: 0 });
    const before = snapshot(center);
    const skill = center.skills[1]!;
    const call = center.enqueueCall(skill.id);
    center.advance(3_600_000);
    expect(snapshot(center)).toBe(before);
    expect(center.changeCount).toBe(0);
    expect(center.takeWaitingCall(call.callId, skill.id)?.callId).toBe(call.callId);
    expect(center.takeWaitingCall(call.callId, skill.id)).toBeNull();
  });

  it('runs 10,000 agents for a simulated minute with about 10,000 state changes', () => {
    const center = buildCenter({ agents: 10_000 });
    let seen = 0;
    center.onChange(() => {
      seen += 1;
    });
    const started = performance.now();
    // One-second steps, as a live ticker would drive it.
    for (let second = 0; second < 60; second += 1) center.advance(1_000);
    const elapsed = performance.now() - started;
    console.log(`10,000 agents, 1 simulated minute: ${seen} changes in ${elapsed.toFixed(0)} ms`);
    expect(seen).toBe(center.changeCount);
    expect(seen).toBeGreaterThan(8_000);
    expect(seen).toBeLessThan(12_500);
  });
});
