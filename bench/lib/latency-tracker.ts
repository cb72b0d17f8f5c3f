/**
 * Pairs agent state changes in the simulated center with the moment a consumer (our renderer
 * store, or the naive baseline's model) shows that agent in the new state. The latest change
 * of an agent wins: an older change overtaken before it was shown counts as superseded.
 */
import type { AgentState } from '../../src/shared/domain';
import { mapAgentStatus } from '../../src/main/supervisor';
import { summarize, type Summary } from './stats';

interface PendingChange {
  at: number;
  expected: ReadonlySet<AgentState>;
  counted: boolean;
}

export interface LatencyReport extends Summary {
  /** Changes inside the window that were never shown (still pending at the end). */
  unseen: number;
  superseded: number;
  changesInWindow: number;
  /** Percentiles over the shown changes only. */
  shownOnly: Summary;
}

/** States a consumer may show for a CC-Gateway status (talking may first show as ringing). */
function expectedStates(ccgwStatus: string): ReadonlySet<AgentState> {
  const state = mapAgentStatus(ccgwStatus, null);
  return new Set<AgentState>(state === 'talking' ? ['talking', 'ringing'] : [state]);
}

/** Change → shown latencies of one consumer over a measuring window. */
export class LatencyTracker {
  private readonly pending = new Map<string, PendingChange>();
  private readonly samples: number[] = [];
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  private superseded = 0;
  private changesInWindow = 0;

  /** Count changes from `at` on (earlier ones are warm-up). */
  openWindow(at: number): void {
    this.windowStart = at;
  }

  /** Stop counting new changes made after `at` (the ones before may still be shown). */
  closeWindow(at: number): void {
    this.windowEnd = at;
  }

  /** The center changed `workNo` to `ccgwStatus` at `at` (monotonic ms). */
  noteChange(workNo: string, ccgwStatus: string, at: number): void {
    const counted = at >= this.windowStart && at <= this.windowEnd;
    if (counted) this.changesInWindow++;
    const previous = this.pending.get(workNo);
    if (previous?.counted && counted) this.superseded++;
    this.pending.set(workNo, { at, expected: expectedStates(ccgwStatus), counted });
  }

  /** A consumer shows `workNo` in `state` since `shownAt`, from data produced at `producedAt`. */
  noteShown(workNo: string, state: AgentState, producedAt: number, shownAt: number): void {
    const waiting = this.pending.get(workNo);
    // Data produced before the change cannot show it (an older delta with the same state).
    if (!waiting || waiting.at > producedAt || !waiting.expected.has(state)) return;
    this.pending.delete(workNo);
    if (waiting.counted) this.samples.push(Math.max(0, shownAt - waiting.at));
  }

  /**
   * Percentiles over every change of the window that was not superseded; a change never shown
   * counts as infinitely late, so a consumer that drops 10% of changes has an infinite p95.
   */
  report(): LatencyReport {
    let unseen = 0;
    for (const waiting of this.pending.values()) if (waiting.counted) unseen++;
    const all = [...this.samples, ...new Array<number>(unseen).fill(Number.POSITIVE_INFINITY)];
    return {
      ...summarize(all),
      unseen,
      superseded: this.superseded,
      changesInWindow: this.changesInWindow,
      shownOnly: summarize(this.samples),
    };
  }
}
