/**
 * Threshold alerts: long call, long busy (not ready), long wrap-up per agent, and longest wait
 * per queue. Agent alerts are driven by state changes (pushed as deadlines) so the 1 s tick only
 * pops what is due; queue alerts scan the few queues. Raised once per state episode, cleared as
 * soon as the state ends. Pure logic: time comes in as arguments.
 */
import type {
  AgentState,
  AlertKind,
  AlertThresholds,
  AlertView,
  SkillQueueView,
} from '../../../shared/domain';
import { DeadlineHeap } from './deadline-heap';

const KIND_OF_STATE: Partial<Record<AgentState, ThresholdKind>> = {
  talking: 'long-call',
  busy: 'long-busy',
  'wrap-up': 'long-wrap-up',
};

type ThresholdKind = 'long-call' | 'long-busy' | 'long-wrap-up' | 'long-queue-wait';
const THRESHOLD_OF_KIND: Record<ThresholdKind, keyof AlertThresholds> = {
  'long-call': 'longCallSeconds',
  'long-busy': 'longBusySeconds',
  'long-wrap-up': 'longWrapUpSeconds',
  'long-queue-wait': 'longQueueWaitSeconds',
};

/** A shift budget over its limit, as the statistics room reports it. */
export interface BudgetAlert {
  kind: Extract<AlertKind, 'rest-budget' | 'busy-budget' | 'wrap-up-budget'>;
  workNo: string;
  thresholdSeconds: number;
}

interface Tracked {
  state: AgentState;
  since: number;
  generation: number;
  raised: AlertView | null;
}

export interface AlertChanges {
  raised: AlertView[];
  cleared: AlertView[];
}

export interface AlertEngineHooks {
  /** The alert kinds on an agent changed (the roster shows them on the row). */
  onAgentAlerts(workNo: string, kinds: AlertKind[]): void;
}

/** Raises and clears threshold alerts; see the file comment. */
export class AlertEngine {
  private readonly tracked = new Map<string, Tracked>();
  private readonly deadlines = new DeadlineHeap<{ workNo: string; generation: number }>();
  private readonly queueAlerts = new Map<number, AlertView>();
  /** Shift-budget alerts by id; they last until the budget is no longer exceeded (a new shift). */
  private readonly budgetAlerts = new Map<string, AlertView>();
  private queues: SkillQueueView[] = [];
  private pendingRaised: AlertView[] = [];
  private pendingCleared: AlertView[] = [];
  private generationCounter = 0;

  constructor(
    private thresholds: AlertThresholds,
    private readonly hooks: AlertEngineHooks,
  ) {}

  /** An agent entered `state` at `since` (or its start became known). */
  trackAgent(workNo: string, state: AgentState, since: number): void {
    const previous = this.tracked.get(workNo);
    if (previous && previous.state === state) {
      if (previous.since === since) return;
      previous.since = since;
      previous.generation = ++this.generationCounter;
      if (!previous.raised) this.schedule(workNo, previous);
      return;
    }
    if (previous?.raised) this.clearAgent(workNo, previous);
    const entry: Tracked = { state, since, generation: ++this.generationCounter, raised: null };
    this.tracked.set(workNo, entry);
    this.schedule(workNo, entry);
  }

  /** The agent left the roster. */
  forgetAgent(workNo: string): void {
    const previous = this.tracked.get(workNo);
    if (previous?.raised) this.pendingCleared.push(previous.raised);
    this.tracked.delete(workNo);
  }

  /** Forget everything (sign-out). */
  reset(): void {
    for (const view of this.list()) this.pendingCleared.push(view);
    this.tracked.clear();
    this.deadlines.clear();
    this.queueAlerts.clear();
    this.budgetAlerts.clear();
    this.queues = [];
  }

  /**
   * The shift budgets exceeded now (the statistics room's list): new ones are raised, ones no
   * longer in the list cleared.
   */
  setBudgetAlerts(breaches: readonly BudgetAlert[], now: number): void {
    const present = new Set<string>();
    for (const breach of breaches) {
      const id = `${breach.kind}:${breach.workNo}`;
      present.add(id);
      if (this.budgetAlerts.has(id)) continue;
      const view: AlertView = {
        id,
        kind: breach.kind,
        target: breach.workNo,
        raisedAt: now,
        thresholdSeconds: breach.thresholdSeconds,
      };
      this.budgetAlerts.set(id, view);
      this.pendingRaised.push(view);
    }
    for (const [id, view] of this.budgetAlerts) {
      if (present.has(id)) continue;
      this.budgetAlerts.delete(id);
      this.pendingCleared.push(view);
    }
  }

  /** Latest queue overview, for the longest-wait rule. */
  updateQueues(queues: SkillQueueView[]): void {
    this.queues = queues;
  }

  /** New thresholds: keep alerts still over them, clear the rest, re-plan the deadlines. */
  setThresholds(thresholds: AlertThresholds, now: number): void {
    this.thresholds = thresholds;
    this.deadlines.clear();
    for (const [workNo, entry] of this.tracked) {
      const kind = KIND_OF_STATE[entry.state];
      if (entry.raised && kind && entry.since + this.limitMs(kind) > now)
        this.clearAgent(workNo, entry);
      entry.generation = ++this.generationCounter;
      if (!entry.raised) this.schedule(workNo, entry);
    }
    this.evaluateQueues(now);
  }

  /** Raise what is due at `now`; cheap when nothing is. */
  tick(now: number): void {
    for (let due = this.deadlines.popDue(now); due; due = this.deadlines.popDue(now)) {
      const entry = this.tracked.get(due.item.workNo);
      if (!entry || entry.generation !== due.item.generation || entry.raised) continue;
      const kind = KIND_OF_STATE[entry.state];
      if (!kind) continue;
      entry.raised = this.makeView(kind, due.item.workNo, now);
      this.pendingRaised.push(entry.raised);
      this.hooks.onAgentAlerts(due.item.workNo, [kind]);
    }
    this.evaluateQueues(now);
    // Superseded deadlines stay in the heap until due; rebuild when they dominate it.
    if (this.deadlines.size > this.tracked.size * 2 + 1024) this.rebuildDeadlines();
  }

  /** Alerts raised/cleared since the last call, or null. */
  takeChanges(): AlertChanges | null {
    if (this.pendingRaised.length === 0 && this.pendingCleared.length === 0) return null;
    const changes = { raised: this.pendingRaised, cleared: this.pendingCleared };
    this.pendingRaised = [];
    this.pendingCleared = [];
    return changes;
  }

  /** Every raised alert, oldest first. */
  list(): AlertView[] {
    const views: AlertView[] = [];
    for (const entry of this.tracked.values()) if (entry.raised) views.push(entry.raised);
    for (const view of this.queueAlerts.values()) views.push(view);
    for (const view of this.budgetAlerts.values()) views.push(view);
    return views.sort((a, b) => a.raisedAt - b.raisedAt || a.id.localeCompare(b.id));
  }

  private schedule(workNo: string, entry: Tracked): void {
    const kind = KIND_OF_STATE[entry.state];
    if (kind)
      this.deadlines.push(entry.since + this.limitMs(kind), {
        workNo,
        generation: entry.generation,
      });
  }

  private rebuildDeadlines(): void {
    this.deadlines.clear();
    for (const [workNo, entry] of this.tracked) if (!entry.raised) this.schedule(workNo, entry);
  }

  private clearAgent(workNo: string, entry: Tracked): void {
    if (!entry.raised) return;
    this.pendingCleared.push(entry.raised);
    entry.raised = null;
    this.hooks.onAgentAlerts(workNo, []);
  }

  private evaluateQueues(now: number): void {
    const limit = this.limitMs('long-queue-wait');
    const present = new Set<number>();
    for (const queue of this.queues) {
      present.add(queue.skillId);
      const over =
        queue.waitingCount > 0 &&
        queue.longestWaitSince !== null &&
        now - queue.longestWaitSince >= limit;
      const raised = this.queueAlerts.get(queue.skillId);
      if (over && !raised) {
        const view = this.makeView('long-queue-wait', String(queue.skillId), now);
        this.queueAlerts.set(queue.skillId, view);
        this.pendingRaised.push(view);
      } else if (!over && raised) {
        this.queueAlerts.delete(queue.skillId);
        this.pendingCleared.push(raised);
      }
    }
    for (const [skillId, view] of this.queueAlerts) {
      if (present.has(skillId)) continue;
      this.queueAlerts.delete(skillId);
      this.pendingCleared.push(view);
    }
  }

  private limitMs(kind: ThresholdKind): number {
    return this.thresholds[THRESHOLD_OF_KIND[kind]] * 1000;
  }

  private makeView(kind: ThresholdKind, target: string, now: number): AlertView {
    return {
      id: `${kind}:${target}`,
      kind,
      target,
      raisedAt: now,
      thresholdSeconds: this.thresholds[THRESHOLD_OF_KIND[kind]],
    };
  }
}
