/**
 * The statistics room's one object: it hears the queue watcher's answers and the roster's state
 * changes, keeps the shift (observed call outcomes, reason-code time, the 5 s history ring and
 * its file), and every 5 s builds the live figures, records a sample and tells the runtime.
 * The runtime wires it with a few calls; nothing else writes its state.
 */
import type { AgentRow, AgentState, Notice } from '../../../shared/domain';
import type { HistorySeries, InsightSettings, InsightSnapshot } from '../../../shared/insight';
import type { AcdSkillStat, SkillQueue, WaitingCall } from '../../gateway/gateway-types';
import type { Clock, Logger } from '../ports';
import { CallOutcomes } from './call-outcomes';
import { formatHistoryCsv, suggestHistoryName } from './history-csv';
import { CENTER_KEY, HISTORY_CAPACITY, HISTORY_RESOLUTION_MS, HistoryRing } from './history-ring';
import { buildInsight, sampleOf, type RosterAgent } from './live-figures';
import { ReasonTime, type ReasonBudgets } from './reason-time';
import { ShiftFile, type LoadedShift } from './shift-file';

/** A shift lasts at most this long; the next sample starts a new one. */
export const SHIFT_MAX_MS = HISTORY_CAPACITY * HISTORY_RESOLUTION_MS;
const COUNTERS_EVERY_MS = 60_000;
/** Reason-time rows in each snapshot: the longest, plus every agent over a budget. */
const REASON_ROWS = 50;

export type BudgetKind = 'rest-budget' | 'busy-budget' | 'wrap-up-budget';
export interface BudgetBreach {
  kind: BudgetKind;
  workNo: string;
  thresholdSeconds: number;
}

export interface StatsRoomOptions {
  clock: Clock;
  logger: Logger;
  /** Folder of the shift file; null keeps the shift in memory only. */
  directory: string | null;
  settings(): InsightSettings;
  skills(): readonly SkillQueue[];
  roster: {
    workNos(): string[];
    peek(workNo: string): Readonly<AgentRow> | undefined;
  };
  isLive(): boolean;
  onSnapshot(snapshot: InsightSnapshot): void;
  onBudgets(breaches: BudgetBreach[]): void;
  onNotice(notice: Notice): void;
}

export class StatsRoom {
  readonly ring = new HistoryRing();
  private readonly outcomes: CallOutcomes;
  private readonly reasons: ReasonTime;
  private readonly file: ShiftFile | null;
  private readonly acd = new Map<number, { stat: AcdSkillStat; at: number }>();
  private shiftStartedAt: number | null = null;
  private timer: unknown = null;
  private countersAt = Number.NEGATIVE_INFINITY;
  private latest: InsightSnapshot | null = null;
  /** Each agent's last state, so ringing → talking is one answer, not two. */
  private readonly lastStates = new Map<string, AgentState>();

  constructor(private readonly options: StatsRoomOptions) {
    this.outcomes = new CallOutcomes({
      thresholdMs: options.settings().serviceLevelSeconds * 1000,
    });
    this.reasons = new ReasonTime(options.clock.now());
    this.file = options.directory ? new ShiftFile(options.directory, options.logger) : null;
  }

  /** Load the shift kept on disk (when recent) and start sampling every 5 s. */
  start(): void {
    if (this.timer !== null) return;
    this.restore(this.options.clock.now());
    const tick = (): void => {
      this.tick(this.options.clock.now());
      this.timer = this.options.clock.setTimeout(tick, HISTORY_RESOLUTION_MS);
    };
    this.timer = this.options.clock.setTimeout(tick, HISTORY_RESOLUTION_MS);
  }

  /** Stop sampling and make the file durable. */
  dispose(): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.saveCounters(this.options.clock.now());
    this.file?.close();
  }

  handleAcdStats(stats: readonly AcdSkillStat[], at: number): void {
    for (const stat of stats) this.acd.set(stat.skillId, { stat, at });
  }

  handleWaitingCalls(skillId: number, calls: readonly WaitingCall[], at: number): void {
    this.outcomes.observeQueue(skillId, calls, at);
  }

  /** The roster's state change hook: answers for the call outcomes, episodes for reason time. */
  handleStateChange(workNo: string, state: AgentState, since: number): void {
    const row = this.options.roster.peek(workNo);
    if (this.shiftStartedAt !== null) this.reasons.track(workNo, row?.name ?? '', state, since);
    const previous = this.lastStates.get(workNo);
    this.lastStates.set(workNo, state);
    if (state !== 'ringing' && state !== 'talking') return;
    if (previous === 'ringing' || previous === state) return;
    const now = this.options.clock.now();
    // A state start far in the past is the first sight of an agent, not an answer just now.
    if (now - since > 5_000) return;
    this.outcomes.observeAnswer(row?.call?.callId ?? null, this.skillIdsOf(row), since);
  }

  /** The link was lost or the session ended: the next list of each queue starts afresh. */
  handleGap(): void {
    this.outcomes.markGap();
  }

  /** The agent left the roster. */
  handleRemove(workNo: string): void {
    this.reasons.forget(workNo, this.options.clock.now());
    this.lastStates.delete(workNo);
  }

  /** New service-level threshold. */
  applySettings(): void {
    this.outcomes.setThresholdMs(this.options.settings().serviceLevelSeconds * 1000);
  }

  snapshot(): InsightSnapshot | null {
    return this.latest;
  }

  /** History of one skill (or the center: null) from `sinceMs` ago; the whole shift when omitted. */
  history(skillId: number | null, sinceMs?: number): HistorySeries {
    const since = sinceMs === undefined ? undefined : this.options.clock.now() - sinceMs;
    return this.ring.read(skillId ?? CENTER_KEY, since);
  }

  exportCsv(): { name: string; text: string; rows: number } {
    return { name: suggestHistoryName(this.options.clock.now()), ...formatHistoryCsv(this.ring) };
  }

  /** One 5 s step: maybe a new shift, the figures, a sample, the budgets. */
  tick(now: number): void {
    const live = this.options.isLive();
    let ended = false;
    if (this.shiftStartedAt !== null && now - this.shiftStartedAt >= SHIFT_MAX_MS) {
      this.shiftStartedAt = null;
      ended = true;
    }
    if (this.shiftStartedAt === null) {
      if (!live) return;
      this.beginShift(now, ended);
    }
    const shiftStartedAt = this.shiftStartedAt as number;
    this.outcomes.settle(now);
    const settings = this.options.settings();
    const budgets = budgetsOf(settings);
    const allReasons = this.reasons.list(now, budgets);
    const insight = buildInsight({
      now,
      shiftStartedAt,
      serviceLevelSeconds: settings.serviceLevelSeconds,
      skills: this.options.skills(),
      acd: this.acd,
      rows: this.rosterAgents(),
      counters: (skillId) => this.outcomes.counters(skillId),
      reasonTime: allReasons.filter((row, index) => index < REASON_ROWS || row.over.length > 0),
      live,
    });
    const { centerIdle, ...snapshot } = insight;
    this.latest = snapshot;
    this.record(now, snapshot, live, centerIdle);
    if (now - this.countersAt >= COUNTERS_EVERY_MS) this.saveCounters(now);
    this.options.onSnapshot(snapshot);
    this.options.onBudgets(breachesOf(allReasons, budgets));
  }

  private record(now: number, snapshot: InsightSnapshot, live: boolean, idle: number): void {
    const values = new Map<number, Array<number | null>>();
    values.set(CENTER_KEY, sampleOf(snapshot.center, live, idle));
    const names: Record<string, string> = {};
    for (const skill of snapshot.skills) {
      values.set(skill.skillId, sampleOf(skill, live && skill.dataAt !== null, null));
      if (this.ring.nameOf(skill.skillId) !== skill.name) {
        this.ring.setName(skill.skillId, skill.name);
        names[skill.skillId] = skill.name;
      }
    }
    if (this.ring.push(now, values)) this.file?.appendSample({ at: now, values, names });
  }

  /** A new shift; what was observed before the first one belongs to it, a finished one's not. */
  private beginShift(now: number, afterFinished: boolean): void {
    this.shiftStartedAt = now;
    this.ring.clear();
    this.ring.setName(CENTER_KEY, '');
    if (afterFinished) this.outcomes.reset();
    this.reasons.reset(now);
    // Agents already in a state: their episodes count from now.
    for (const workNo of this.options.roster.workNos()) {
      const row = this.options.roster.peek(workNo);
      if (row) this.reasons.track(workNo, row.name, row.state, now);
    }
    this.countersAt = now;
    this.file?.begin({
      shiftStartedAt: now,
      resolutionMs: HISTORY_RESOLUTION_MS,
      serviceLevelSeconds: this.options.settings().serviceLevelSeconds,
    });
  }

  private restore(now: number): void {
    if (!this.file) return;
    const loaded = this.file.load(now);
    if (loaded.kind === 'corrupt') {
      this.options.onNotice({
        level: 'warning',
        message: `The saved shift history could not be read; it was kept aside${loaded.movedTo ? ` as ${loaded.movedTo}` : ''} and a new shift starts.`,
        messageZh: `无法读取已保存的班次历史；原文件已另存${loaded.movedTo ? `为 ${loaded.movedTo}` : ''}，将开始新的班次。`,
        retcode: null,
      });
      return;
    }
    if (loaded.kind !== 'loaded') return;
    if (now - loaded.shift.header.shiftStartedAt >= SHIFT_MAX_MS) return;
    this.adopt(loaded.shift);
  }

  private adopt(shift: LoadedShift): void {
    this.shiftStartedAt = shift.header.shiftStartedAt;
    this.reasons.reset(shift.header.shiftStartedAt);
    for (const sample of shift.samples) {
      for (const [key, name] of Object.entries(sample.names)) this.ring.setName(Number(key), name);
      this.ring.push(sample.at, sample.values);
    }
    if (shift.counters) {
      this.outcomes.restore(shift.counters.outcomes);
      this.reasons.restore(shift.counters.reasonTime);
    }
    this.countersAt = shift.counters?.at ?? shift.header.shiftStartedAt;
  }

  private saveCounters(now: number): void {
    if (this.shiftStartedAt === null) return;
    this.countersAt = now;
    this.file?.appendCounters({
      at: now,
      outcomes: this.outcomes.allCounters(),
      reasonTime: this.reasons.save(now),
    });
  }

  private *rosterAgents(): Generator<RosterAgent> {
    const roster = this.options.roster;
    for (const workNo of roster.workNos()) {
      const row = roster.peek(workNo);
      if (row) yield row;
    }
  }

  private skillIdsOf(row: Readonly<AgentRow> | undefined): ReadonlySet<number> | null {
    if (!row || row.skills.length === 0) return null;
    const ids = new Set<number>();
    for (const skill of this.options.skills())
      if (row.skills.includes(skill.name)) ids.add(skill.id);
    return ids;
  }
}

function budgetsOf(settings: InsightSettings): ReasonBudgets {
  return {
    rest: settings.restBudgetMinutes * 60_000,
    busy: settings.busyBudgetMinutes * 60_000,
    'wrap-up': settings.wrapUpBudgetMinutes * 60_000,
  };
}

function breachesOf(rows: ReturnType<ReasonTime['list']>, budgets: ReasonBudgets): BudgetBreach[] {
  const breaches: BudgetBreach[] = [];
  for (const row of rows) {
    for (const category of row.over) {
      breaches.push({
        kind: `${category}-budget`,
        workNo: row.workNo,
        thresholdSeconds: budgets[category] / 1000,
      });
    }
  }
  return breaches;
}
