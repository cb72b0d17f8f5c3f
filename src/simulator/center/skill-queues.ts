/**
 * The ACD's bookkeeping: calls waiting per skill queue (in arrival order) and idle,
 * model-driven agents per skill (in the order they became idle, so the first is the longest
 * idle). Lookups stay cheap at 10,000 agents.
 */
import type { CenterAgent, CenterCall, CenterSkill } from './center-types';

export class SkillQueues {
  private readonly waitingBySkill = new Map<number, Map<string, CenterCall>>();
  private readonly waitingById = new Map<string, CenterCall>();
  private readonly idleBySkill = new Map<number, Set<number>>();

  constructor(skills: readonly CenterSkill[]) {
    for (const skill of skills) {
      this.waitingBySkill.set(skill.id, new Map());
      this.idleBySkill.set(skill.id, new Set());
    }
  }

  addWaiting(call: CenterCall): void {
    this.waitingBySkill.get(call.skillId)?.set(call.callId, call);
    this.waitingById.set(call.callId, call);
  }

  removeWaiting(call: CenterCall): void {
    this.waitingById.delete(call.callId);
    this.waitingBySkill.get(call.skillId)?.delete(call.callId);
  }

  findWaiting(callId: string): CenterCall | undefined {
    return this.waitingById.get(callId);
  }

  /** Waiting calls of a skill, oldest first. */
  listWaiting(skillId: number): CenterCall[] {
    return [...(this.waitingBySkill.get(skillId)?.values() ?? [])];
  }

  /** The oldest call of any of these skills whose announcement has played by `now`. */
  findOldestRoutable(skillIds: readonly number[], now: number): CenterCall | null {
    let oldest: CenterCall | null = null;
    for (const skillId of skillIds) {
      for (const call of this.waitingBySkill.get(skillId)?.values() ?? []) {
        if (call.routableAt <= now) {
          if (!oldest || call.enqueuedAt < oldest.enqueuedAt) oldest = call;
          break;
        }
      }
    }
    return oldest;
  }

  /** Index of the longest-idle agent with this skill, or null. */
  findLongestIdle(skillId: number): number | null {
    const first = this.idleBySkill.get(skillId)?.values().next();
    return first && !first.done ? first.value : null;
  }

  addIdle(agent: CenterAgent): void {
    for (const skillId of agent.skills) this.idleBySkill.get(skillId)?.add(agent.index);
  }

  removeIdle(agent: CenterAgent): void {
    for (const skillId of agent.skills) this.idleBySkill.get(skillId)?.delete(agent.index);
  }
}
