/**
 * The quality sampler as a pure policy: from the agents in a call now, which call to listen to
 * next under rules such as "one call per agent per shift, prefer calls over 6 minutes, skills
 * 3 and 5" — and whether to join it on its own. Load stays one supervisor's: it proposes from
 * the roster the core already has (no request), joins at most once per `minGapSeconds`, and
 * asks for the skills it does not know through the room's paced lookups.
 */
import type { AgentRow } from '../../../shared/domain';
import type { SamplerProposal, SamplerRules } from '../../../shared/coaching';

export type SamplerRow = Pick<AgentRow, 'workNo' | 'state' | 'call' | 'stateSince' | 'inspectedBy'>;

export interface SamplerFacts {
  rules: SamplerRules;
  /** Agents in the roster (only talking ones are considered). */
  rows: Iterable<SamplerRow>;
  now: number;
  /** Agents already listened to within the shift. */
  sampledThisShift: ReadonlySet<string>;
  /** An agent's skill ids when known, else null. */
  skillsOf(workNo: string): readonly number[] | null;
}

export interface SamplerChoice {
  proposal: SamplerProposal | null;
  /** Agents in a call whose skills must be known before the rules can judge them. */
  needSkills: string[];
}

function callStart(row: SamplerRow, now: number): number {
  return row.call?.since ?? row.stateSince ?? now;
}

/** The next call to listen to under the rules (null when none qualifies). */
export function proposeNextCall(facts: SamplerFacts): SamplerChoice {
  const { rules, now } = facts;
  const preferMs = rules.preferCallSeconds * 1_000;
  const needSkills: string[] = [];
  let best: { row: SamplerRow; long: boolean; length: number; skill: boolean } | null = null;
  for (const row of facts.rows) {
    if (row.state !== 'talking' || row.inspectedBy !== null) continue;
    if (rules.onePerAgentPerShift && facts.sampledThisShift.has(row.workNo)) continue;
    let skill = false;
    if (rules.skillIds.length > 0) {
      const skills = facts.skillsOf(row.workNo);
      if (skills === null) {
        needSkills.push(row.workNo);
        continue;
      }
      if (!skills.some((id) => rules.skillIds.includes(id))) continue;
      skill = true;
    }
    const length = now - callStart(row, now);
    const long = preferMs > 0 && length >= preferMs;
    // Long calls first; then the longest (closest to "long"), then the lowest id (stable).
    if (
      best === null ||
      (long && !best.long) ||
      (long === best.long &&
        (length > best.length || (length === best.length && row.workNo < best.row.workNo)))
    )
      best = { row, long, length, skill };
  }
  if (best === null) return { proposal: null, needSkills };
  const reasons: SamplerProposal['reasons'] = [];
  if (best.long) reasons.push('long-call');
  if (best.skill) reasons.push('skill');
  if (rules.onePerAgentPerShift) reasons.push('not-sampled');
  return {
    proposal: {
      workNo: best.row.workNo,
      callId: best.row.call?.callId ?? null,
      since: best.row.call?.since ?? null,
      reasons,
    },
    needSkills,
  };
}

export interface AutoJoinFacts {
  rules: SamplerRules;
  proposal: SamplerProposal | null;
  inspectorIdle: boolean;
  /** Following an agent owns the inspector's free time. */
  following: boolean;
  lastAutoJoinAt: number | null;
  now: number;
}

/** Whether to listen to the proposal now, on the sampler's own. */
export function shouldAutoJoin(facts: AutoJoinFacts): boolean {
  const { rules } = facts;
  if (!rules.enabled || !rules.autoJoin || facts.proposal === null) return false;
  if (!facts.inspectorIdle || facts.following) return false;
  return (
    facts.lastAutoJoinAt === null || facts.now - facts.lastAutoJoinAt >= rules.minGapSeconds * 1_000
  );
}
