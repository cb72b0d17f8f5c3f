/**
 * Skill queues and their waiting calls. While the window shows expanded queues, those refresh
 * every 2 s and the overview of all queues every 5 s; otherwise the overview refreshes every
 * 60 s (enough for the longest-wait alert, and cheap for an idle inspector). The skill list
 * itself is reloaded every 5 minutes.
 */
import type { SkillQueueView, WaitingCallView } from '../../shared/domain';
import type { GatewayClient } from '../gateway/gateway-client';
import type { SkillQueue, WaitingCall } from '../gateway/gateway-types';
import type { Clock, Logger } from './ports';

export type QueueGateway = Pick<GatewayClient, 'listSkillQueues' | 'listWaitingCalls'>;

export interface QueueIntervals {
  expandedMs: number;
  watchedOverviewMs: number;
  backgroundMs: number;
  skillListMs: number;
}

export const DEFAULT_QUEUE_INTERVALS: QueueIntervals = {
  expandedMs: 2_000,
  watchedOverviewMs: 5_000,
  backgroundMs: 60_000,
  skillListMs: 300_000,
};

export interface QueueWatcherOptions {
  clock: Clock;
  logger: Logger;
  intervals?: Partial<QueueIntervals>;
  onChange(queues: SkillQueueView[]): void;
  onFailure(error: unknown): void;
}

/** Parallel waitcallinfo requests per round (distinct URLs, so no 000-007). */
const PARALLEL = 4;

/** Keeps the queue views fresh at the intervals above. */
export class QueueWatcher {
  private readonly intervals: QueueIntervals;
  private client: QueueGateway | null = null;
  private epoch = 0;
  private timer: unknown = null;
  private skills: SkillQueue[] = [];
  private skillsAt = Number.NEGATIVE_INFINITY;
  private overviewAt = Number.NEGATIVE_INFINITY;
  private readonly views = new Map<number, SkillQueueView>();
  private expanded = new Set<number>();
  private running: Promise<void> | null = null;

  constructor(private readonly options: QueueWatcherOptions) {
    this.intervals = { ...DEFAULT_QUEUE_INTERVALS, ...options.intervals };
  }

  start(client: QueueGateway): void {
    this.stop();
    this.client = client;
    this.skillsAt = Number.NEGATIVE_INFINITY;
    this.overviewAt = Number.NEGATIVE_INFINITY;
    this.schedule(this.epoch, 0);
  }

  stop(): void {
    this.epoch++;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.client = null;
  }

  /** Forget everything (sign-out). */
  clear(): void {
    this.stop();
    this.skills = [];
    this.views.clear();
    this.options.onChange([]);
  }

  /** The window shows these queues expanded (empty: the panel shows none). */
  setExpanded(skillIds: readonly number[]): void {
    const next = new Set(skillIds);
    const added = [...next].some((id) => !this.expanded.has(id));
    this.expanded = next;
    for (const [skillId, view] of this.views) {
      if (!next.has(skillId) && view.calls !== null) this.views.set(skillId, { ...view, calls: null });
    }
    if (added && this.client) this.schedule(this.epoch, 0);
    else this.options.onChange(this.list());
  }

  /** Refresh one queue now (after taking a call out of it). */
  async refreshSkill(skillId: number): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.fetchSkill(client, skillId, this.epoch);
    this.options.onChange(this.list());
  }

  list(): SkillQueueView[] {
    return this.skills.map((skill) => this.views.get(skill.id)).filter((view): view is SkillQueueView => view !== undefined);
  }

  /** Name of a skill, for agent rows. */
  skillName(id: number): string | undefined {
    return this.skills.find((skill) => skill.id === id)?.name;
  }

  private schedule(epoch: number, delayMs: number): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => {
      if (epoch === this.epoch) void this.round(epoch);
    }, delayMs);
  }

  private async round(epoch: number): Promise<void> {
    if (this.running) await this.running;
    const client = this.client;
    if (!client || epoch !== this.epoch) return;
    const work = this.refresh(client, epoch);
    this.running = work;
    try {
      await work;
    } finally {
      this.running = null;
    }
    if (epoch !== this.epoch) return;
    this.schedule(epoch, this.expanded.size > 0 ? this.intervals.expandedMs : this.intervals.backgroundMs);
  }

  private async refresh(client: QueueGateway, epoch: number): Promise<void> {
    const now = this.options.clock.now();
    try {
      if (now - this.skillsAt >= this.intervals.skillListMs || this.skills.length === 0) {
        this.skills = await client.listSkillQueues();
        this.skillsAt = now;
        for (const id of [...this.views.keys()]) if (!this.skills.some((skill) => skill.id === id)) this.views.delete(id);
      }
      if (epoch !== this.epoch) return;
      const overviewDue = now - this.overviewAt >= (this.expanded.size > 0 ? this.intervals.watchedOverviewMs : this.intervals.backgroundMs) - 50;
      const ids = overviewDue ? this.skills.map((skill) => skill.id) : this.skills.map((skill) => skill.id).filter((id) => this.expanded.has(id));
      if (overviewDue) this.overviewAt = now;
      for (let start = 0; start < ids.length; start += PARALLEL) {
        await Promise.all(ids.slice(start, start + PARALLEL).map((id) => this.fetchSkill(client, id, epoch)));
        if (epoch !== this.epoch) return;
      }
      this.options.onChange(this.list());
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
    }
  }

  private async fetchSkill(client: QueueGateway, skillId: number, epoch: number): Promise<void> {
    const calls = await client.listWaitingCalls(skillId);
    if (epoch !== this.epoch) return;
    const skill = this.skills.find((entry) => entry.id === skillId);
    this.views.set(skillId, buildQueueView(skillId, skill?.name ?? String(skillId), calls, this.expanded.has(skillId), this.options.clock.now()));
  }
}

/** A queue view from its waiting calls, longest wait first. */
export function buildQueueView(skillId: number, name: string, calls: readonly WaitingCall[], expanded: boolean, now: number): SkillQueueView {
  const views: WaitingCallView[] = calls
    .map((call) => ({ callId: call.callId, skillId, caller: call.caller, enqueuedAt: call.enqueuedAt, priority: call.priority }))
    .sort((a, b) => (a.enqueuedAt ?? Number.POSITIVE_INFINITY) - (b.enqueuedAt ?? Number.POSITIVE_INFINITY));
  const known = views.map((call) => call.enqueuedAt).filter((at): at is number => at !== null);
  return {
    skillId,
    name,
    waitingCount: views.length,
    longestWaitSince: known.length > 0 ? Math.min(...known) : null,
    calls: expanded ? views : null,
    dataAt: now,
  };
}
