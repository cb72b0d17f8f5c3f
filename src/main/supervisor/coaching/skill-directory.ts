/**
 * Which skill queues each agent serves, for the sampler's and the saved queries' skill rules:
 * what an adjust-skills just set, what a lookup (`agentbyworkno`) told, else the skill names
 * the roster already holds for enriched rows. Lookups go one at a time, at most one per
 * `gapMs`, and stay fresh for `freshMs` — the room's share of the gateway stays small.
 */
import type { Clock, Logger } from '../ports';
import { errorMessage } from '../error-text';

export interface SkillDirectoryDeps {
  clock: Clock;
  logger: Logger;
  /** Ask the gateway for an agent's skills. */
  lookUp(workNo: string): Promise<number[]>;
  /** The skills the roster row holds (names), mapped to ids; null when unknown. */
  fromRoster(workNo: string): number[] | null;
  gapMs?: number;
  freshMs?: number;
}

export class SkillDirectory {
  private readonly known = new Map<string, { skills: number[]; at: number }>();
  private readonly queue: string[] = [];
  private readonly waiting = new Set<string>();
  private running = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly gapMs: number;
  private readonly freshMs: number;
  private lookups = 0;

  constructor(private readonly deps: SkillDirectoryDeps) {
    this.gapMs = deps.gapMs ?? 1_000;
    this.freshMs = deps.freshMs ?? 10 * 60_000;
  }

  /** The agent's skill ids when known, else null. */
  skillsOf(workNo: string): number[] | null {
    const own = this.known.get(workNo);
    if (own && this.deps.clock.now() - own.at < this.freshMs) return own.skills;
    return this.deps.fromRoster(workNo);
  }

  /** What an adjust-skills set (or a lookup found). */
  learn(workNo: string, skills: readonly number[]): void {
    this.known.set(workNo, { skills: [...skills], at: this.deps.clock.now() });
  }

  /** Lookups made so far (diagnostics, tests). */
  get lookupCount(): number {
    return this.lookups;
  }

  /**
   * Look up these agents (those not known or asked already), at most `max` of them; resolves
   * when the ones queued by this call are answered or failed.
   */
  async request(workNos: readonly string[], max: number): Promise<void> {
    const fresh = workNos
      .filter((workNo) => this.skillsOf(workNo) === null && !this.waiting.has(workNo))
      .slice(0, Math.max(0, max));
    for (const workNo of fresh) {
      this.waiting.add(workNo);
      this.queue.push(workNo);
    }
    if (fresh.length === 0) return;
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) {
      // Another caller drains the queue; wait for its turn to empty.
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (!this.running) resolve();
          else this.deps.clock.setTimeout(check, this.gapMs);
        };
        check();
      });
      return;
    }
    this.running = true;
    try {
      for (let workNo = this.queue.shift(); workNo !== undefined; workNo = this.queue.shift()) {
        const wait = this.lastStart + this.gapMs - this.deps.clock.now();
        if (wait > 0)
          await new Promise((resolve) => this.deps.clock.setTimeout(() => resolve(null), wait));
        this.lastStart = this.deps.clock.now();
        this.lookups += 1;
        try {
          this.learn(workNo, await this.deps.lookUp(workNo));
        } catch (error) {
          this.deps.logger.info('skill lookup failed', { workNo, error: errorMessage(error) });
        } finally {
          this.waiting.delete(workNo);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
