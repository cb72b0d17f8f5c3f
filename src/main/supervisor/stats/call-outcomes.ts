/**
 * Answered and abandoned calls as this desktop observes them (pure; time comes in as
 * arguments). A skill's waiting calls are watched through complete `waitcallinfo` lists; a call
 * that leaves the list is matched to an agent who started ringing or talking meanwhile — by call
 * id when the roster knows it, else any agent who may hold the skill — and counts as answered
 * with its wait; unmatched after a short window it counts as abandoned (or transferred). Two
 * lists further apart than `maxGapMs` (link lost, app closed, queue collapsed) are a gap: calls
 * that left during it are not counted, and the gap is not in the coverage.
 */
import type { ObservedFigures } from '../../../shared/insight';

export interface CallOutcomeOptions {
  /** Service level threshold T (ms). */
  thresholdMs: number;
  /** Lists further apart than this are a gap (default 10 s: five missed 2 s refreshes). */
  maxGapMs?: number;
  /** How long after leaving the list a call may still be matched to an answer (default 4 s). */
  matchWindowMs?: number;
}

/** The counters of one skill; persisted with the shift, so a restart keeps them. */
export interface OutcomeCounters {
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedAfter: number;
  waitSumMs: number;
  observedMs: number;
  calls: number;
}

export interface ListedCall {
  callId: string;
  enqueuedAt: number | null;
}

interface Waiting {
  enqueuedAt: number;
}

interface Departure {
  skillId: number;
  callId: string;
  enqueuedAt: number;
  /** The last list that still had it, and the first that did not. */
  seenAt: number;
  goneAt: number;
}

interface Answer {
  callId: string | null;
  /** Skills the agent holds, when known; null = unknown (may be any). */
  skills: ReadonlySet<number> | null;
  at: number;
  claimed: boolean;
}

interface SkillWatch {
  lastListAt: number | null;
  waiting: Map<string, Waiting>;
  counters: OutcomeCounters;
}

export const emptyCounters = (): OutcomeCounters => ({
  answered: 0,
  answeredWithin: 0,
  abandoned: 0,
  abandonedAfter: 0,
  waitSumMs: 0,
  observedMs: 0,
  calls: 0,
});

/** Clock skew allowance: an answer seen up to this long before the list that lost the call. */
const EARLY_ANSWER_MS = 1_000;
/**
 * At most this many unmatched answers are held (one per agent of the largest center): the time
 * horizon alone holds every answer of the last ~13 s, which at a burst of events (a resync, the
 * soak's 50,000 events/s) is tens of thousands. Beyond it the oldest are forgotten first.
 */
export const MAX_HELD_ANSWERS = 10_000;

export class CallOutcomes {
  private readonly skills = new Map<number, SkillWatch>();
  private departures: Departure[] = [];
  /**
   * Answers in the order seen (nearly time order); those before `answersFrom` are gone. Old
   * and claimed ones are dropped from the front, so an answer costs O(1), not a pass over the
   * last 13 s of answers (thousands on a busy center).
   */
  private answers: Answer[] = [];
  private answersFrom = 0;
  /** Answers older than this are no longer matched (what settle() last worked out). */
  private horizon = -Infinity;
  private thresholdMs: number;
  private readonly maxGapMs: number;
  private readonly matchWindowMs: number;

  constructor(options: CallOutcomeOptions) {
    this.thresholdMs = options.thresholdMs;
    this.maxGapMs = options.maxGapMs ?? 10_000;
    this.matchWindowMs = options.matchWindowMs ?? 4_000;
  }

  setThresholdMs(thresholdMs: number): void {
    this.thresholdMs = thresholdMs;
  }

  /** A complete list of a skill's waiting calls at `at`. */
  observeQueue(skillId: number, calls: readonly ListedCall[], at: number): void {
    const watch = this.watch(skillId);
    const previousAt = watch.lastListAt;
    const continuous = previousAt !== null && at - previousAt <= this.maxGapMs && at >= previousAt;
    const next = new Map<string, Waiting>();
    for (const call of calls) {
      const known = watch.waiting.get(call.callId);
      if (!known) watch.counters.calls++;
      next.set(call.callId, known ?? { enqueuedAt: call.enqueuedAt ?? at });
    }
    if (continuous && previousAt !== null) {
      watch.counters.observedMs += at - previousAt;
      for (const [callId, waiting] of watch.waiting) {
        if (next.has(callId)) continue;
        this.departures.push({
          skillId,
          callId,
          enqueuedAt: waiting.enqueuedAt,
          seenAt: previousAt,
          goneAt: at,
        });
      }
    }
    watch.waiting = next;
    watch.lastListAt = at;
    this.settle(at);
  }

  /** An agent started ringing or talking at `at` (its call id and skills when known). */
  observeAnswer(callId: string | null, skills: ReadonlySet<number> | null, at: number): void {
    this.answers.push({ callId, skills, at, claimed: false });
    if (this.answers.length - this.answersFrom > MAX_HELD_ANSWERS)
      this.answersFrom = this.answers.length - MAX_HELD_ANSWERS;
    this.settle(at);
  }

  /** Answers still held for matching (bounded by MAX_HELD_ANSWERS). */
  get heldAnswers(): number {
    return this.answers.length - this.answersFrom;
  }

  /** The link was lost or the session ended: the next list starts afresh (a gap). */
  markGap(): void {
    for (const watch of this.skills.values()) watch.lastListAt = null;
  }

  /** Match departures to answers; departures older than the window become abandoned. */
  settle(now: number): void {
    const open: Departure[] = [];
    for (const departure of this.departures) {
      const answer = this.findAnswer(departure);
      const counters = this.watch(departure.skillId).counters;
      if (answer) {
        answer.claimed = true;
        const wait = Math.max(0, answer.at - departure.enqueuedAt);
        counters.answered++;
        counters.waitSumMs += wait;
        if (wait <= this.thresholdMs) counters.answeredWithin++;
      } else if (now - departure.goneAt > this.matchWindowMs) {
        counters.abandoned++;
        const left = (departure.seenAt + departure.goneAt) / 2;
        if (left - departure.enqueuedAt > this.thresholdMs) counters.abandonedAfter++;
      } else {
        open.push(departure);
      }
    }
    this.departures = open;
    this.dropOldAnswers(now - 3 * this.matchWindowMs - EARLY_ANSWER_MS);
  }

  /** Forget answers before `horizon` and claimed ones at the front; compact now and then. */
  private dropOldAnswers(horizon: number): void {
    this.horizon = horizon;
    const answers = this.answers;
    let from = this.answersFrom;
    while (from < answers.length) {
      const answer = answers[from] as Answer;
      if (!answer.claimed && answer.at >= horizon) break;
      from++;
    }
    if (from === answers.length) {
      this.answers = [];
      from = 0;
    } else if (from > 1024 && from * 2 > answers.length) {
      this.answers = answers.slice(from);
      from = 0;
    }
    this.answersFrom = from;
  }

  /** The first live answer passing `accept` (unclaimed, within the horizon). */
  private findLiveAnswer(accept: (answer: Answer) => boolean): Answer | undefined {
    const answers = this.answers;
    for (let index = this.answersFrom; index < answers.length; index++) {
      const answer = answers[index] as Answer;
      if (!answer.claimed && answer.at >= this.horizon && accept(answer)) return answer;
    }
    return undefined;
  }

  /** The skill's counters (a copy). */
  counters(skillId: number): OutcomeCounters {
    return { ...this.watch(skillId).counters };
  }

  /** Every skill's counters, for persisting. */
  allCounters(): Record<string, OutcomeCounters> {
    return Object.fromEntries([...this.skills].map(([id, watch]) => [id, { ...watch.counters }]));
  }

  /** Counters saved earlier in the shift (a restart). The first list after it is a fresh start. */
  restore(saved: Record<string, OutcomeCounters>): void {
    for (const [id, counters] of Object.entries(saved)) {
      const watch = this.watch(Number(id));
      watch.counters = { ...emptyCounters(), ...counters };
      watch.lastListAt = null;
    }
  }

  /** Forget everything (a new shift). */
  reset(): void {
    this.skills.clear();
    this.departures = [];
    this.answers = [];
    this.answersFrom = 0;
    this.horizon = -Infinity;
  }

  /** Ids of the skills watched at some time. */
  watchedSkills(): number[] {
    return [...this.skills].filter(([, watch]) => watch.counters.observedMs > 0).map(([id]) => id);
  }

  /**
   * The answer for a departure: by call id first; else an agent who may hold the skill, one who
   * started after the last list that still had the call before one within the skew allowance.
   */
  private findAnswer(departure: Departure): Answer | undefined {
    const until = departure.goneAt + this.matchWindowMs;
    const within = (answer: Answer, from: number, strict: boolean) =>
      !answer.claimed && (strict ? answer.at > from : answer.at >= from) && answer.at <= until;
    const byId = this.findLiveAnswer(
      (answer) =>
        within(answer, departure.seenAt - EARLY_ANSWER_MS, false) &&
        answer.callId === departure.callId,
    );
    if (byId) return byId;
    const mayHold = (answer: Answer) =>
      answer.callId === null && (answer.skills === null || answer.skills.has(departure.skillId));
    return (
      this.findLiveAnswer((answer) => within(answer, departure.seenAt, true) && mayHold(answer)) ??
      this.findLiveAnswer(
        (answer) => within(answer, departure.seenAt - EARLY_ANSWER_MS, false) && mayHold(answer),
      )
    );
  }

  private watch(skillId: number): SkillWatch {
    let watch = this.skills.get(skillId);
    if (!watch) {
      watch = { lastListAt: null, waiting: new Map(), counters: emptyCounters() };
      this.skills.set(skillId, watch);
    }
    return watch;
  }
}

/** The figures of some counters (one skill, or several summed), over a shift so far. */
export function figuresOf(counters: OutcomeCounters, shiftMs: number): ObservedFigures {
  const judged = counters.answered + counters.abandonedAfter;
  return {
    answered: counters.answered,
    answeredWithinThreshold: counters.answeredWithin,
    abandoned: counters.abandoned,
    abandonedAfterThreshold: counters.abandonedAfter,
    asaSeconds: counters.answered > 0 ? counters.waitSumMs / counters.answered / 1000 : null,
    serviceLevel: judged > 0 ? counters.answeredWithin / judged : null,
    coverage: {
      observedMs: counters.observedMs,
      shiftMs,
      ratio: shiftMs > 0 ? Math.min(1, counters.observedMs / shiftMs) : 0,
      calls: counters.calls,
    },
  };
}

/** Counters summed (the center over its watched skills). */
export function sumCounters(list: readonly OutcomeCounters[]): OutcomeCounters {
  const total = emptyCounters();
  for (const counters of list)
    for (const key of Object.keys(total) as Array<keyof OutcomeCounters>)
      total[key] += counters[key];
  return total;
}
