/**
 * The live figures per skill and for the center (pure): waiting calls and the longest wait
 * from the gateway's queryacdstat, the agent mix from the roster, and the observed call
 * figures from CallOutcomes. Also one history sample of each, in HISTORY_FIELDS order.
 */
import type { AgentState } from '../../../shared/domain';
import type {
  AgentMix,
  AgentReasonTime,
  CenterFigures,
  InsightSnapshot,
  SkillFigures,
} from '../../../shared/insight';
import type { AcdSkillStat } from '../../gateway/gateway-types';
import { figuresOf, sumCounters, type OutcomeCounters } from './call-outcomes';

export interface RosterAgent {
  readonly state: AgentState;
  readonly skills: readonly string[];
}

export interface FigureInputs {
  now: number;
  shiftStartedAt: number;
  serviceLevelSeconds: number;
  skills: ReadonlyArray<{ id: number; name: string }>;
  /** Latest queryacdstat row per skill and when it was read. */
  acd: ReadonlyMap<number, { stat: AcdSkillStat; at: number }>;
  rows: Iterable<RosterAgent>;
  counters(skillId: number): OutcomeCounters;
  reasonTime: AgentReasonTime[];
  live: boolean;
}

interface Tally {
  talking: number;
  wrapUp: number;
  resting: number;
  busy: number;
  idle: number;
  signedIn: number;
  counted: number;
}

const emptyTally = (): Tally => ({
  talking: 0,
  wrapUp: 0,
  resting: 0,
  busy: 0,
  idle: 0,
  signedIn: 0,
  counted: 0,
});

function add(tally: Tally, state: AgentState): void {
  tally.counted++;
  if (state === 'signed-out' || state === 'unknown') return;
  tally.signedIn++;
  if (state === 'talking' || state === 'ringing') tally.talking++;
  else if (state === 'wrap-up') tally.wrapUp++;
  else if (state === 'rest') tally.resting++;
  else if (state === 'busy') tally.busy++;
  else if (state === 'idle') tally.idle++;
}

/** Build the snapshot the screen and the wallboard show. */
export function buildInsight(inputs: FigureInputs): InsightSnapshot & { centerIdle: number } {
  const shiftMs = Math.max(0, inputs.now - inputs.shiftStartedAt);
  const center = emptyTally();
  const bySkillName = new Map<string, Tally>();
  for (const skill of inputs.skills) bySkillName.set(skill.name, emptyTally());
  for (const row of inputs.rows) {
    add(center, row.state);
    for (const name of row.skills) {
      const tally = bySkillName.get(name);
      if (tally) add(tally, row.state);
    }
  }
  const skills: SkillFigures[] = inputs.skills.map((skill) => {
    const acd = inputs.acd.get(skill.id);
    const tally = bySkillName.get(skill.name) ?? emptyTally();
    const waiting = acd?.stat.waiting ?? 0;
    return {
      skillId: skill.id,
      name: skill.name,
      waiting,
      longestWaitSeconds: acd && waiting > 0 ? acd.stat.longestWaitSeconds : null,
      agents: mixOf(tally, acd?.stat.signedIn ?? null, acd?.stat.available ?? null),
      observed: figuresOf(inputs.counters(skill.id), shiftMs),
      dataAt: acd?.at ?? null,
    };
  });
  const watched = inputs.skills
    .map((skill) => inputs.counters(skill.id))
    .filter((counters) => counters.observedMs > 0 || counters.calls > 0);
  const summed = sumCounters(watched);
  const centerObserved = figuresOf(summed, shiftMs);
  // Coverage of the center: the share of skill-time watched, over every skill.
  const skillTime = shiftMs * Math.max(1, inputs.skills.length);
  centerObserved.coverage.ratio = skillTime > 0 ? Math.min(1, summed.observedMs / skillTime) : 0;
  const waits = skills
    .map((skill) => skill.longestWaitSeconds)
    .filter((s): s is number => s !== null);
  const centerFigures: CenterFigures = {
    waiting: skills.reduce((sum, skill) => sum + skill.waiting, 0),
    longestWaitSeconds: waits.length > 0 ? Math.max(...waits) : null,
    agents: mixOf(center, center.signedIn, center.idle),
    observed: centerObserved,
    observedSkills: watched.filter((counters) => counters.observedMs > 0).length,
  };
  return {
    at: inputs.now,
    shiftStartedAt: inputs.shiftStartedAt,
    serviceLevelSeconds: inputs.serviceLevelSeconds,
    skills,
    center: centerFigures,
    reasonTime: inputs.reasonTime,
    live: inputs.live,
    centerIdle: center.idle,
  };
}

function mixOf(tally: Tally, signedIn: number | null, available: number | null): AgentMix {
  return {
    signedIn,
    available,
    talking: tally.talking,
    wrapUp: tally.wrapUp,
    resting: tally.resting,
    busy: tally.busy,
    counted: tally.counted,
  };
}

/** One history sample of a skill or the center, in HISTORY_FIELDS order. */
export function sampleOf(
  figures: Pick<SkillFigures, 'waiting' | 'longestWaitSeconds' | 'agents' | 'observed'>,
  live: boolean,
  idle: number | null,
): Array<number | null> {
  const agents = figures.agents;
  // Without a live session the gateway figures are not known: a gap in the chart.
  const gateway = (value: number | null) => (live ? value : null);
  return [
    gateway(figures.waiting),
    gateway(figures.longestWaitSeconds ?? 0),
    gateway(agents.signedIn),
    gateway(agents.available),
    gateway(agents.talking),
    gateway(agents.wrapUp),
    gateway(agents.resting),
    gateway(agents.busy),
    gateway(idle),
    figures.observed.answered,
    figures.observed.abandoned,
    figures.observed.serviceLevel,
  ];
}
