/**
 * Where the simulated center's calls come from: each call's identity, caller and timings
 * (announcement, patience), and which skill queue a new arrival goes to (weighted per skill).
 * Draws from the center's random stream, so a seed still gives the same calls.
 */
import type { ActivityTimings } from './center-activity';
import type { CenterCall, CenterSkill } from './center-types';
import { pickCallerNumber } from './name-pool';
import type { SeededRandom } from './seeded-random';

export class CallFactory {
  private readonly skillWeights: number[];
  private readonly callIdBase: number;
  private callCounter = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly timings: ActivityTimings,
    private readonly skills: readonly CenterSkill[],
  ) {
    this.skillWeights = skills.map(() => random.nextInt(1, 5));
    this.callIdBase = 1_700_000_000 + random.nextInt(0, 99_999_999);
  }

  /** A new call for a skill queue, arriving now. Throws for an unknown skill. */
  create(skillId: number, now: number, caller?: string): CenterCall {
    const skill = this.skills.find((candidate) => candidate.id === skillId);
    if (!skill) throw new Error(`Unknown skill id ${skillId}.`);
    this.callCounter += 1;
    const routableAt = now + this.timings.drawAnnouncementMs();
    return {
      callId: `${this.callIdBase}-${this.callCounter}`,
      caller: caller ?? pickCallerNumber(this.random),
      called: skill.accessCode,
      skillId,
      enqueuedAt: now,
      routableAt,
      abandonAt: routableAt + this.timings.drawPatienceMs(),
      connectedAt: null,
      plannedEndAt: Number.POSITIVE_INFINITY,
    };
  }

  /** The skill a new arrival goes to, by the skills' weights. */
  pickArrivalSkill(): number {
    const total = this.skillWeights.reduce((sum, weight) => sum + weight, 0);
    let roll = this.random.next() * total;
    for (let i = 0; i < this.skills.length; i += 1) {
      roll -= this.skillWeights[i] as number;
      if (roll < 0) return (this.skills[i] as CenterSkill).id;
    }
    return (this.skills[this.skills.length - 1] as CenterSkill).id;
  }
}
