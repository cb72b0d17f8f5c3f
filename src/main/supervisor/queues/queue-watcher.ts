/**
 * Skill queues and their waiting calls. The overview of all queues (counts, longest wait, agents
 * signed in and available) is one `queryacdstat` per refresh for up to 100 skills (cec_07_0411),
 * every 5 s while the queue panel is open or a queue is expanded, otherwise every 60 s (enough
 * for the longest-wait alert, cheap for an idle inspector). Only expanded queues ask for their
 * waiting calls (`waitcallinfo`), every 2 s. The skill list is reloaded every 5 minutes.
 */
import type { SkillQueueView, WaitingCallView } from '../../../shared/domain';
import type { GatewayClient } from '../../gateway/gateway-client';
import { GatewayError } from '../../gateway/gateway-error';
import type { AcdSkillStat, SkillQueue, WaitingCall } from '../../gateway/gateway-types';
import type { Clock, Logger } from '../ports';

export type QueueGateway = Pick<
  GatewayClient,
  'listSkillQueues' | 'listWaitingCalls' | 'queryAcdStats'
>;

export interface QueueIntervals {
  /** Expanded queues (their waiting calls). */
  expandedMs: number;
  /** The overview while the panel is open or a queue is expanded. */
  watchedOverviewMs: number;
  /** The overview otherwise. */
  backgroundMs: number;
  skillListMs: number;
}

const DEFAULT_QUEUE_INTERVALS: QueueIntervals = {
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
  /**
   * Hears every answer (the statistics room). With one, the overview feeds a 5 s history and
   * refreshes at the watched pace even while nobody looks (one queryacdstat per 5 s ≤ 100 skills).
   */
  observer?: QueueObserver;
}

export interface QueueObserver {
  /** Every queryacdstat answer. */
  handleAcdStats(stats: readonly AcdSkillStat[], at: number): void;
  /** Every waitcallinfo answer (a complete list of the skill's waiting calls). */
  handleWaitingCalls(skillId: number, calls: readonly WaitingCall[], at: number): void;
}

/** Parallel waitcallinfo requests per round (distinct URLs, so no 000-007). */
const PARALLEL = 4;
/** A refresh due this soon is run with the current round (timers are not exact). */
const DUE_SLACK_MS = 50;

/** Keeps the queue views fresh at the intervals above. */
export class QueueWatcher {
  private readonly intervals: QueueIntervals;
  private client: QueueGateway | null = null;
  private epoch = 0;
  private timer: unknown = null;
  private skills: SkillQueue[] = [];
  private skillsAt = Number.NEGATIVE_INFINITY;
  private overviewAt = Number.NEGATIVE_INFINITY;
  private roundAt = Number.NEGATIVE_INFINITY;
  private readonly views = new Map<number, SkillQueueView>();
  private expanded = new Set<number>();
  private panelOpen = false;
  private running: Promise<void> | null = null;

  constructor(private readonly options: QueueWatcherOptions) {
    this.intervals = { ...DEFAULT_QUEUE_INTERVALS, ...options.intervals };
  }

  start(client: QueueGateway): void {
    this.stop();
    this.client = client;
    this.skillsAt = Number.NEGATIVE_INFINITY;
    this.overviewAt = Number.NEGATIVE_INFINITY;
    this.roundAt = Number.NEGATIVE_INFINITY;
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

  /**
   * What the window shows: the queues expanded (empty: none) and whether the queue panel is
   * open. Newly expanded queues, or an overview now overdue, are fetched at once; the next
   * refresh follows the new intervals.
   */
  watch(skillIds: readonly number[], panelOpen: boolean): void {
    const next = new Set(skillIds);
    const added = [...next].some((id) => !this.expanded.has(id));
    this.expanded = next;
    this.panelOpen = panelOpen;
    for (const [skillId, view] of this.views) {
      if (!next.has(skillId) && view.calls !== null)
        this.views.set(skillId, { ...view, calls: null });
    }
    if (!added) this.options.onChange(this.list());
    if (!this.client) return;
    // A round under way schedules the next one itself when it ends (new queues still go first).
    if (added) this.schedule(this.epoch, 0);
    else if (!this.running) this.schedule(this.epoch, this.nextRefreshIn(this.options.clock.now()));
  }

  /** Whether the window watches the queues (panel open or a queue expanded). */
  get watched(): boolean {
    return this.panelOpen || this.expanded.size > 0;
  }

  /** Refresh one queue now (after taking a call out of it). */
  async refreshSkill(skillId: number): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.fetchSkill(client, skillId, this.epoch);
    this.options.onChange(this.list());
  }

  list(): SkillQueueView[] {
    return this.skills
      .map((skill) => this.views.get(skill.id))
      .filter((view): view is SkillQueueView => view !== undefined);
  }

  /** The skill queues of the VDN as last listed. */
  listSkills(): readonly SkillQueue[] {
    return this.skills;
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
    this.running = work.then(() => undefined);
    let ok = false;
    try {
      ok = await work;
    } finally {
      this.running = null;
    }
    if (epoch !== this.epoch) return;
    const now = this.options.clock.now();
    // After a failed round the overview is still overdue: wait a full interval, no tight loop.
    this.schedule(
      epoch,
      ok
        ? this.nextRefreshIn(now)
        : this.expanded.size > 0
          ? this.intervals.expandedMs
          : this.overviewIntervalMs(),
    );
  }

  private overviewIntervalMs(): number {
    return this.watched || this.options.observer !== undefined
      ? this.intervals.watchedOverviewMs
      : this.intervals.backgroundMs;
  }

  /**
   * Time until the next round: every `expandedMs` while queues are expanded (the overview rides
   * along when due), else when the overview is due.
   */
  private nextRefreshIn(now: number): number {
    const due =
      this.expanded.size > 0
        ? this.roundAt + this.intervals.expandedMs
        : this.overviewAt + this.overviewIntervalMs();
    return Math.max(0, due - now);
  }

  /** One round: the skill list when due, the overview when due, else the expanded queues. */
  private async refresh(client: QueueGateway, epoch: number): Promise<boolean> {
    const now = this.options.clock.now();
    this.roundAt = now;
    try {
      if (now - this.skillsAt >= this.intervals.skillListMs || this.skills.length === 0) {
        this.skills = await client.listSkillQueues();
        this.skillsAt = now;
        for (const id of [...this.views.keys()])
          if (!this.skills.some((skill) => skill.id === id)) this.views.delete(id);
      }
      if (epoch !== this.epoch) return false;
      const overviewDue = now - this.overviewAt >= this.overviewIntervalMs() - DUE_SLACK_MS;
      if (overviewDue) {
        this.overviewAt = now;
        await this.fetchOverview(client, epoch);
        if (epoch !== this.epoch) return false;
      }
      const ids = this.skills.map((skill) => skill.id).filter((id) => this.expanded.has(id));
      for (let start = 0; start < ids.length; start += PARALLEL) {
        await Promise.all(
          ids.slice(start, start + PARALLEL).map((id) => this.fetchSkill(client, id, epoch)),
        );
        if (epoch !== this.epoch) return false;
      }
      this.options.onChange(this.list());
      return true;
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
      return false;
    }
  }

  /** One queryacdstat for every skill (the client batches by 100). */
  private async fetchOverview(client: QueueGateway, epoch: number): Promise<void> {
    const stats = await client.queryAcdStats(this.skills.map((skill) => skill.id));
    if (epoch !== this.epoch) return;
    const at = this.options.clock.now();
    for (const stat of stats) {
      const skill = this.skills.find((entry) => entry.id === stat.skillId);
      const previous = this.views.get(stat.skillId);
      this.views.set(stat.skillId, buildOverviewView(stat, skill?.name, previous, at));
    }
    this.options.observer?.handleAcdStats(stats, at);
  }

  private async fetchSkill(client: QueueGateway, skillId: number, epoch: number): Promise<void> {
    let calls: WaitingCall[];
    try {
      calls = await client.listWaitingCalls(skillId);
    } catch (error) {
      if (!isPrerequisiteRefusal(error)) throw error;
      // cec_07_1271 / 0429: "the agent is not idle" — on gateways that enforce it an idle
      // inspector cannot list waiting calls. Said on screen; the other queues carry on.
      if (epoch !== this.epoch) return;
      const skill = this.skills.find((entry) => entry.id === skillId);
      this.views.set(
        skillId,
        hiddenQueueView(
          skillId,
          skill?.name ?? String(skillId),
          this.options.clock.now(),
          this.views.get(skillId),
        ),
      );
      return;
    }
    if (epoch !== this.epoch) return;
    this.options.observer?.handleWaitingCalls(skillId, calls, this.options.clock.now());
    const previous = this.views.get(skillId);
    const skill = this.skills.find((entry) => entry.id === skillId);
    this.views.set(
      skillId,
      buildQueueView(
        skillId,
        skill?.name ?? String(skillId),
        calls,
        this.expanded.has(skillId),
        this.options.clock.now(),
        previous,
      ),
    );
  }
}

/**
 * A queue view from its queryacdstat row: the longest wait becomes an enqueue time (the row's
 * seconds before now); calls listed for an expanded queue are kept until their next refresh.
 */
export function buildOverviewView(
  stat: AcdSkillStat,
  name: string | undefined,
  previous: SkillQueueView | undefined,
  now: number,
): SkillQueueView {
  return {
    skillId: stat.skillId,
    name: name ?? stat.description ?? String(stat.skillId),
    waitingCount: stat.waiting,
    longestWaitSince: stat.waiting > 0 ? now - stat.longestWaitSeconds * 1000 : null,
    calls: previous?.calls ?? null,
    dataAt: now,
    signedIn: stat.signedIn,
    available: stat.available,
  };
}

/** A refusal of waitcallinfo that is about its prerequisite, not the link or the session. */
function isPrerequisiteRefusal(error: unknown): boolean {
  return (
    error instanceof GatewayError && error.kind === 'retcode' && error.retcodeClass === 'refusal'
  );
}

/**
 * A queue whose calls the gateway would not list (see `callsHidden`): its count and longest
 * wait stay those of the last queryacdstat, which that prerequisite does not restrict.
 */
export function hiddenQueueView(
  skillId: number,
  name: string,
  now: number,
  previous?: SkillQueueView,
): SkillQueueView {
  return {
    skillId,
    name,
    waitingCount: previous?.waitingCount ?? 0,
    longestWaitSince: previous?.longestWaitSince ?? null,
    calls: null,
    callsHidden: true,
    dataAt: previous?.dataAt ?? now,
    signedIn: previous?.signedIn ?? null,
    available: previous?.available ?? null,
  };
}

/** A queue view from its waiting calls, longest wait first. */
export function buildQueueView(
  skillId: number,
  name: string,
  calls: readonly WaitingCall[],
  expanded: boolean,
  now: number,
  previous?: SkillQueueView,
): SkillQueueView {
  const views: WaitingCallView[] = calls
    .map((call) => ({
      callId: call.callId,
      skillId,
      caller: call.caller,
      enqueuedAt: call.enqueuedAt,
      priority: call.priority,
    }))
    .sort(
      (a, b) =>
        (a.enqueuedAt ?? Number.POSITIVE_INFINITY) - (b.enqueuedAt ?? Number.POSITIVE_INFINITY),
    );
  const known = views.map((call) => call.enqueuedAt).filter((at): at is number => at !== null);
  return {
    skillId,
    name,
    waitingCount: views.length,
    longestWaitSince: known.length > 0 ? Math.min(...known) : null,
    calls: expanded ? views : null,
    dataAt: now,
    signedIn: previous?.signedIn ?? null,
    available: previous?.available ?? null,
  };
}
