/**
 * What `queryacdstat` reports for a skill queue (Huawei cec_07_0411), computed from the center:
 * calls waiting and the longest wait from the queue, agents signed in and available from the
 * agents holding the skill. One pass over the agents for any number of skills.
 */
import { CCGW_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent, CenterCall, CenterSkill } from './center-types';

export interface SkillStatistics {
  skill: CenterSkill;
  waiting: number;
  /** Whole seconds the oldest waiting call has waited (0 with none). */
  longestWaitSeconds: number;
  signedIn: number;
  available: number;
}

export interface SkillStatisticsSource {
  readonly agents: readonly CenterAgent[];
  now(): number;
  findSkill(skillId: number): CenterSkill | undefined;
  listWaitingCalls(skillId: number): CenterCall[];
}

/** Statistics of the given skills that exist, in the order asked; unknown ids are left out. */
export function computeSkillStatistics(
  center: SkillStatisticsSource,
  skillIds: readonly number[],
): SkillStatistics[] {
  const wanted = new Map<number, SkillStatistics>();
  for (const id of skillIds) {
    const skill = center.findSkill(id);
    if (!skill || wanted.has(id)) continue;
    const calls = center.listWaitingCalls(id);
    const oldest = calls.reduce((min, call) => Math.min(min, call.enqueuedAt), Infinity);
    wanted.set(id, {
      skill,
      waiting: calls.length,
      longestWaitSeconds:
        calls.length === 0 ? 0 : Math.max(0, Math.floor((center.now() - oldest) / 1000)),
      signedIn: 0,
      available: 0,
    });
  }
  for (const agent of center.agents) {
    if (agent.status === CCGW_STATUS.signedOut) continue;
    for (const skillId of agent.skills) {
      const entry = wanted.get(skillId);
      if (!entry) continue;
      entry.signedIn++;
      if (agent.status === CCGW_STATUS.idle) entry.available++;
    }
  }
  return [...wanted.values()];
}
