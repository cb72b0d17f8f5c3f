/**
 * The coaching room: everything a supervisor does to an agent after noticing something, joined
 * in one place. It listens to the core's own events (roster deltas, inspections, journal lines)
 * like any other client, records them in the coaching file, runs following and the sampler,
 * offers a scorecard when an inspection ends, and carries out notes and agent controls through
 * CoachingActions. It reaches the runtime only through CoachingRoomDeps.
 */
import type { CoachingView, InspectionOrigin, InspectionRecord } from '../../../shared/coaching';
import type {
  AgentRow,
  InspectionView,
  JournalEntry,
  Notice,
  Settings,
  SkillQueueView,
} from '../../../shared/domain';
import type { EventName, EventPayloads, Result } from '../../../shared/ipc/contract';
import type { SqlJsStatic } from 'sql.js';
import type { Clock, FileSaver, Logger } from '../ports';
import type { EventListener } from '../supervisor-api';
import { CoachingActions, type CoachingClient } from './coaching-actions';
import { CoachingRecords } from './coaching-records';
import {
  callKeyOf,
  stepFollow,
  viewFollow,
  type FollowInput,
  type FollowState,
} from './follow-policy';
import { proposeNextCall, shouldAutoJoin } from './sampler-policy';
import { SkillDirectory } from './skill-directory';
import type { StateChange } from './database/coaching-store';

export interface CoachingRoomDeps {
  clock: Clock;
  logger: Logger;
  settings(): Settings;
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  subscribe(listener: EventListener): () => void;
  journal(entry: JournalEntry): void;
  readJournal(): JournalEntry[];
  notice(notice: Notice): void;
  liveClient(): CoachingClient | null;
  isRecovering(): boolean;
  inspectorId(): string | null;
  row(workNo: string): Readonly<AgentRow> | undefined;
  rows(): Iterable<Readonly<AgentRow>>;
  talkingRows(): Iterable<Readonly<AgentRow>>;
  queues(): readonly SkillQueueView[];
  inspection(): InspectionView;
  listen(workNo: string): Promise<Result<InspectionView>>;
  cancel(): Promise<Result<InspectionView>>;
  reportFailure(error: unknown): void;
  fileSaver?: FileSaver;
  database: { filePath: string | null; loadEngine(): Promise<SqlJsStatic> } | null;
}

const TICK_MS = 2_000;
/** Skill lookups the sampler may start per round (each paced by the directory). */
const SAMPLER_LOOKUPS_PER_ROUND = 3;

export class CoachingRoom {
  readonly records: CoachingRecords;
  readonly actions: CoachingActions;
  readonly skills: SkillDirectory;
  private follow: FollowState | null = null;
  private readonly states = new Map<string, string>();
  private inspectionId: number | null = null;
  private inspected: { workNo: string; mode: string } | null = null;
  /** Who started the next inspection (following, the sampler), until it starts. */
  private nextOrigin: { workNo: string; origin: InspectionOrigin } | null = null;
  private scorecardDue: InspectionRecord | null = null;
  private lastAutoJoinAt: number | null = null;
  private readonly sampledNow = new Set<string>();
  private proposal: CoachingView['sampler']['proposal'] = null;
  private lastViewJson = '';
  private tickTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private opening: Promise<void> | null = null;

  constructor(readonly deps: CoachingRoomDeps) {
    this.records = new CoachingRecords({
      clock: deps.clock,
      logger: deps.logger,
      database: deps.database,
      retentionDays: () => deps.settings().coaching.retentionDays,
      readJournal: () => deps.readJournal(),
      notice: (notice) => deps.notice(notice),
      onOpened: () => this.publish(),
    });
    this.actions = new CoachingActions({
      clock: deps.clock,
      liveClient: () => deps.liveClient(),
      isRecovering: () => deps.isRecovering(),
      inspectorId: () => deps.inspectorId(),
      row: (workNo) => deps.row(workNo),
      inspectorMode: () => deps.inspection().mode,
      journal: (entry) => deps.journal(entry),
      reportFailure: (error) => deps.reportFailure(error),
    });
    this.skills = new SkillDirectory({
      clock: deps.clock,
      logger: deps.logger,
      lookUp: async (workNo) => {
        const client = deps.liveClient();
        if (!client) throw new Error('not signed in');
        return (await client.getAgent(workNo)).skills.map((skill) => skill.id);
      },
      fromRoster: (workNo) => this.skillIdsFromRoster(workNo),
    });
  }

  /**
   * Listen to the core; the coaching file opens once the session is first live (or when asked
   * with `openFile`), so loading the SQLite engine never competes with the sign-in itself.
   * What happens before is recorded as soon as the file is open.
   */
  start(): void {
    this.unsubscribe ??= this.deps.subscribe((name, payload) => this.handle(name, payload));
    this.scheduleTick();
  }

  /** Open the coaching file (once; later calls wait for the same opening). */
  openFile(): Promise<void> {
    this.opening ??= this.records.open();
    return this.opening;
  }

  view(): CoachingView {
    const shiftStart = this.shiftStart();
    return {
      follow: viewFollow(this.follow),
      sampler: {
        enabled: this.deps.settings().coaching.sampler.enabled,
        proposal: this.proposal,
        sampledThisShift: this.sampledSince(shiftStart).size,
      },
      scorecardDue: this.scorecardDue,
      fileAvailable: this.records.available,
    };
  }

  get following(): FollowState | null {
    return this.follow;
  }

  /** Start (or replace) following an agent. */
  setFollow(state: FollowState | null): void {
    this.follow = state;
    this.publish();
  }

  clearScorecardDue(): void {
    this.scorecardDue = null;
    this.publish();
  }

  /** Listen on behalf of following or the sampler; the inspection is recorded with that origin. */
  async listenFor(workNo: string, origin: InspectionOrigin): Promise<Result<InspectionView>> {
    this.nextOrigin = { workNo, origin };
    const result = await this.deps.listen(workNo);
    if (!result.ok && this.nextOrigin?.workNo === workNo) this.nextOrigin = null;
    if (result.ok && origin === 'sampler') this.lastAutoJoinAt = this.deps.clock.now();
    return result;
  }

  /** "This shift": the last `shiftHours` hours. */
  shiftStart(): number {
    return this.deps.clock.now() - this.deps.settings().coaching.shiftHours * 3_600_000;
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.deps.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.records.close();
  }

  /** Tell the screen when what it shows of coaching changed. */
  publish(): void {
    const view = this.view();
    const json = JSON.stringify(view);
    if (json === this.lastViewJson) return;
    this.lastViewJson = json;
    this.deps.emit('coaching.changed', view);
  }

  /** Recompute the sampler's proposal and join it when the rules allow. */
  sample(): void {
    const rules = this.deps.settings().coaching.sampler;
    if (!rules.enabled) {
      this.proposal = null;
      this.publish();
      return;
    }
    const now = this.deps.clock.now();
    const choice = proposeNextCall({
      rules,
      rows: this.deps.talkingRows(),
      now,
      sampledThisShift: this.sampledSince(this.shiftStart()),
      skillsOf: (workNo) => this.skills.skillsOf(workNo),
    });
    this.proposal = choice.proposal;
    if (choice.needSkills.length > 0 && this.deps.liveClient())
      void this.skills
        .request(choice.needSkills, SAMPLER_LOOKUPS_PER_ROUND)
        .then(() => this.sample());
    const inspection = this.deps.inspection();
    const join = shouldAutoJoin({
      rules,
      proposal: choice.proposal,
      inspectorIdle: inspection.mode === 'idle' && inspection.pending === null,
      following: this.follow !== null,
      lastAutoJoinAt: this.lastAutoJoinAt,
      now,
    });
    if (join && choice.proposal && this.deps.liveClient()) {
      this.lastAutoJoinAt = now;
      void this.listenFor(choice.proposal.workNo, 'sampler');
    }
    this.publish();
  }

  private sampledSince(since: number): Set<string> {
    const fromFile = this.records.current?.inspectedSince(since);
    return fromFile ? new Set([...fromFile, ...this.sampledNow]) : new Set(this.sampledNow);
  }

  private skillIdsFromRoster(workNo: string): number[] | null {
    const names = this.deps.row(workNo)?.skills ?? [];
    if (names.length === 0) return null;
    const byName = new Map(this.deps.queues().map((queue) => [queue.name, queue.skillId]));
    const ids = names.map((name) => byName.get(name) ?? (/^\d+$/.test(name) ? Number(name) : null));
    return ids.every((id) => id !== null) ? (ids as number[]) : null;
  }

  private handle: EventListener = (name, payload) => {
    if (name === 'roster.delta') this.onRoster(payload as EventPayloads['roster.delta']);
    else if (name === 'inspection.changed')
      this.onInspection(payload as EventPayloads['inspection.changed']);
    else if (name === 'journal.appended') {
      const entry = payload as JournalEntry;
      this.records.write((store) => store.recordAction(entry));
    } else if (name === 'settings.changed') this.sample();
    else if (name === 'connection.changed' && (payload as { phase: string }).phase === 'live')
      void this.openFile();
  };

  private onRoster(delta: EventPayloads['roster.delta']): void {
    const now = this.deps.clock.now();
    const changes: StateChange[] = [];
    for (const row of delta.upserts) {
      if (this.states.get(row.workNo) === row.state) continue;
      this.states.set(row.workNo, row.state);
      changes.push({
        workNo: row.workNo,
        state: row.state,
        since: row.stateSince ?? now,
        exact: row.stateSinceExact === true,
        at: now,
      });
    }
    this.records.recordStates(changes);
    const followed = this.follow && delta.upserts.find((row) => row.workNo === this.follow?.workNo);
    if (followed)
      this.feedFollow({
        kind: 'agent',
        state: followed.state,
        call: callKeyOf(followed),
        now,
      });
  }

  private onInspection(view: InspectionView): void {
    const now = this.deps.clock.now();
    const target = view.mode !== 'idle' && view.mode !== 'talking' ? view.targetWorkNo : null;
    const current = this.inspected;
    if (current && (target !== current.workNo || view.mode === 'idle')) this.endInspection(now);
    if (target && (!this.inspected || this.inspected.workNo !== target)) {
      const origin =
        this.nextOrigin?.workNo === target ? this.nextOrigin.origin : ('manual' as const);
      this.nextOrigin = null;
      this.inspected = { workNo: target, mode: view.mode };
      this.sampledNow.add(target);
      const record = {
        workNo: target,
        callId: this.deps.row(target)?.call?.callId ?? null,
        mode: view.mode,
        startedAt: view.since ?? now,
        origin,
      };
      this.inspectionId = null;
      this.records.write((store) => {
        this.inspectionId = store.startInspection(record);
      });
    }
    if (this.follow)
      this.feedFollow({
        kind: 'inspector',
        inspector: {
          mode: view.mode,
          targetWorkNo: view.targetWorkNo,
          pending: view.pending !== null,
        },
        now,
      });
    this.publish();
  }

  private endInspection(now: number): void {
    const ended = this.inspected;
    this.inspected = null;
    if (!ended) return;
    const fallback: InspectionRecord = {
      id: 0,
      workNo: ended.workNo,
      callId: null,
      mode: ended.mode,
      startedAt: now,
      endedAt: now,
      origin: 'manual',
    };
    this.scorecardDue = fallback;
    this.records.write((store) => {
      if (this.inspectionId === null) return;
      const record = store.endInspection(this.inspectionId, now);
      if (record && this.scorecardDue === fallback) this.scorecardDue = record;
      this.inspectionId = null;
    });
  }

  /** Run following one step and carry out what it decides. */
  feedFollow(input: FollowInput): void {
    const state = this.follow;
    if (!state) return;
    const inspection = this.deps.inspection();
    const step = stepFollow(state, input, {
      mode: inspection.mode,
      targetWorkNo: inspection.targetWorkNo,
      pending: inspection.pending !== null,
    });
    this.follow = step.state;
    for (const decision of step.decisions) {
      if (decision.kind === 'listen') void this.listenFor(decision.workNo, 'follow');
      else if (decision.kind === 'cancel') void this.deps.cancel();
      else
        this.deps.notice({
          level: 'info',
          message: `Stopped following agent ${state.workNo} (${decision.reason === 'calls' ? 'all calls heard' : 'time is up'}).`,
          messageZh: `已停止跟听座席 ${state.workNo}（${decision.reason === 'calls' ? '已听完设定的通话数' : '时间已到'}）。`,
          retcode: null,
        });
    }
    this.publish();
  }

  private scheduleTick(): void {
    this.deps.clock.clearTimeout(this.tickTimer);
    this.tickTimer = this.deps.clock.setTimeout(() => {
      const now = this.deps.clock.now();
      if (this.follow) this.feedFollow({ kind: 'tick', now });
      this.sample();
      this.scheduleTick();
    }, TICK_MS);
  }
}
