/**
 * The supervisor core's live state and wiring. Commands (supervisor-commands.ts) and the account
 * flows (account/) act on it only through the methods below and its components' own methods.
 */
import type { EventName, EventPayloads } from '../../shared/ipc/contract';
import type { AgentRow, InspectionView, JournalEntry, Notice, Settings } from '../../shared/domain';
import type { Result } from '../../shared/ipc/contract';
import { EVENT_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { GatewayClient } from '../gateway/gateway-client';
import type { GatewayEvent } from '../gateway/gateway-types';
import { AgentEnricher } from './roster/agent-enricher';
import { AlertEngine } from './alerts/alert-engine';
import { notifyRaisedAlerts } from './alerts/alert-notices';
import { AuditJournal, JOURNAL_FAILURE_NOTICE } from './journal/audit-journal';
import { EventHub } from './event-hub';
import { createGatewaySession } from './session/create-session-controller';
import {
  INITIAL_INSPECTOR_STATE,
  transitionInspector,
  viewInspection,
  type InspectorState,
} from './inspector/inspector-machine';
import { qcModeOf } from '../../shared/inspection-vocabulary';
import type { Clock, Logger, SupervisorPorts } from './ports';
import { QueueWatcher } from './queues/queue-watcher';
import {
  createRuntimeStats,
  rosterHooksFor,
  statsDirectory,
  type StatsRoom,
} from './stats/runtime-stats';
import { createRedactingLogger } from './redaction';
import { RosterStore } from './roster/roster-store';
import { RosterSync } from './roster/roster-sync';
import type { LossKind, SessionController } from './session/session-controller';
import { classifyFailure, isLinkLoss } from './session/session-policy';
import { AccountState } from './account/account-state';
import { createPolicySettingsWriter } from './account/policy-guard';
import { NO_POLICY, type ManagedPolicy } from '../policy/policy-merge';
import type { SettingsWriter } from './account/settings-writer';
import { SupervisorActions } from './inspector/supervisor-actions';
import type { EventListener } from './supervisor-api';
import type { SupervisorDiagnostics, SupervisorOptions } from './supervisor-options';
import { systemClock } from './system-clock';
import {
  WarmupEnrichment,
  WARMUP_STATE_PRIORITY,
  type WarmupFetchOutcome,
} from './roster/warmup-enrichment';

export type { SupervisorDiagnostics, SupervisorOptions } from './supervisor-options';

/** The core state and wiring behind SupervisorCore. */
export class SupervisorRuntime {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly roster: RosterStore;
  readonly alerts: AlertEngine;
  readonly journal: AuditJournal;
  readonly session: SessionController<GatewayClient>;
  readonly queues: QueueWatcher;
  readonly stats: StatsRoom;
  readonly actions: SupervisorActions;
  readonly account = new AccountState();
  readonly policy: ManagedPolicy;
  private readonly hub: EventHub;
  private readonly rosterSync: RosterSync;
  private readonly enricher: AgentEnricher;
  private readonly warmup: WarmupEnrichment;
  private readonly settingsWriter: SettingsWriter;
  private readonly notices: Notice[];
  private selection: string | null = null;
  private inspector: InspectorState = INITIAL_INSPECTOR_STATE;
  private lastInspectionJson = JSON.stringify(viewInspection(INITIAL_INSPECTOR_STATE));
  private flushTimer: unknown = null;
  private tickTimer: unknown = null;
  private deltasEmitted = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly ports: SupervisorPorts,
    private readonly options: SupervisorOptions = {},
  ) {
    this.clock = ports.clock ?? systemClock;
    // The session does not exist yet while the first lines are logged: no secrets then.
    this.logger = createRedactingLogger(ports.logger, () => this.session?.knownSecrets ?? []);
    this.hub = new EventHub(this.logger);
    this.policy = ports.policy ?? NO_POLICY;
    const loaded = createPolicySettingsWriter(ports.settings, this.logger, this.policy, (next) =>
      this.emit('settings.changed', next),
    );
    this.settingsWriter = loaded.writer;
    this.notices = loaded.notices;
    this.stats = createRuntimeStats(this, statsDirectory(ports.statsDir, ports.journalDir));
    this.alerts = new AlertEngine(this.settings.alerts, {
      onAgentAlerts: (workNo, kinds) => this.roster.setAlerts(workNo, kinds),
    });
    this.roster = new RosterStore(rosterHooksFor(this));
    this.journal = new AuditJournal(ports.journalDir, this.logger);
    this.rosterSync = new RosterSync({
      clock: this.clock,
      logger: this.logger,
      roster: this.roster,
      policy: options.syncPolicy,
      warmupMs: options.warmupMs,
      onData: (at) => {
        this.session.noteData(at);
        this.scheduleFlush();
      },
      onFailure: (error) => this.session.reportFailure(error),
      onSubscriptionLost: (error) => this.session.reportSubscriptionLoss(error),
      onOwnStatus: (status) =>
        this.setInspector(
          transitionInspector(this.inspector, {
            kind: 'own-status',
            agentState: status.agentState,
            now: this.clock.now(),
          }).state,
        ),
    });
    this.queues = new QueueWatcher({
      clock: this.clock,
      logger: this.logger,
      intervals: options.queueIntervals,
      onChange: (queues) => {
        this.alerts.updateQueues(queues);
        this.emit('queues.changed', queues);
      },
      onFailure: (error) => this.session.reportFailure(error),
      observer: this.stats,
    });
    this.enricher = new AgentEnricher({
      clock: this.clock,
      logger: this.logger,
      onDetail: (detail) => {
        this.roster.applyDetail(
          detail,
          (id, fallback) => this.queues.skillName(id) ?? (fallback || String(id)),
          this.clock.now(),
        );
        this.scheduleFlush();
      },
      onFailure: (error) => this.session.reportFailure(error),
    });
    this.warmup = new WarmupEnrichment({
      clock: this.clock,
      logger: this.logger,
      budget: options.warmupEnrichment,
      nextCandidate: (skip) => this.roster.nextInexact(WARMUP_STATE_PRIORITY, skip),
      fetch: (workNo) => this.fetchStateStart(workNo),
    });
    this.session = this.createSession();
    this.actions = new SupervisorActions({
      clock: this.clock,
      logger: this.logger,
      liveClient: () => this.liveClient(),
      isRecovering: () => this.session.connectionState().phase === 'reconnecting',
      inspectorId: () => this.session.currentTarget?.inspectorId ?? null,
      targetState: (workNo) => this.roster.peek(workNo)?.state ?? null,
      getInspector: () => this.inspector,
      setInspector: (next) => this.setInspector(next),
      journal: (entry) => this.appendJournal(entry),
      reportFailure: (error) => this.session.reportFailure(error),
      onQueuedCallTaken: (skillId) => void this.queues.refreshSkill(skillId),
    });
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    this.hub.emit(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    return this.hub.subscribe(listener);
  }

  get settings(): Settings {
    return this.settingsWriter.current;
  }

  /** The one way settings change (see SettingsWriter for the error policy). */
  saveSettings(next: Settings): Result<Settings> {
    return this.settingsWriter.save(next);
  }

  /** Notices from start-up, shown once the window asks for its first snapshot. */
  get startupNotices(): readonly Notice[] {
    return this.notices;
  }

  addStartupNotice(notice: Notice): void {
    this.notices.push(notice);
  }

  get selectedWorkNo(): string | null {
    return this.selection;
  }

  /** The user selected an agent (or none): tell the screen, fetch the agent's details. */
  selectAgent(workNo: string | null): void {
    this.setSelection(workNo);
    this.enricher.enrich(this.liveClient(), workNo);
  }

  notice(notice: Notice): void {
    this.emit('notice', notice);
  }

  get inspection(): InspectionView {
    return viewInspection(this.inspector);
  }

  get inspectorState(): InspectorState {
    return this.inspector;
  }

  /** Adopt a new inspector state: tell the screen, mark our inspection on the roster. */
  private setInspector(next: InspectorState): void {
    const previousTarget = this.inspector.targetWorkNo;
    this.inspector = next;
    const view = viewInspection(next);
    const json = JSON.stringify(view);
    if (json !== this.lastInspectionJson) {
      this.lastInspectionJson = json;
      this.emit('inspection.changed', view);
    }
    const mode = qcModeOf(next.mode);
    const inspectorId = this.session?.currentTarget?.inspectorId ?? null;
    this.roster.setOurInspection(
      mode && next.targetWorkNo && inspectorId
        ? { workNo: next.targetWorkNo, mode, inspectorId }
        : null,
    );
    if (next.targetWorkNo && next.targetWorkNo !== previousTarget)
      this.enricher.enrich(this.liveClient(), next.targetWorkNo);
    this.scheduleFlush();
  }

  private liveClient(): GatewayClient | null {
    return this.session.isLive ? this.session.currentClient : null;
  }

  /** The row hotkeys and quick actions act on: the selection, else the last target. */
  focusWorkNo(): string | null {
    return this.selection ?? this.inspector.lastTargetWorkNo;
  }

  focusRow(): AgentRow | null {
    const workNo = this.focusWorkNo();
    return workNo ? this.roster.copyRow(workNo) : null;
  }

  appendJournal(entry: JournalEntry): void {
    if (this.journal.append(entry)) this.emit('journal.appended', entry);
    else this.notice(JOURNAL_FAILURE_NOTICE);
  }

  diagnostics(): SupervisorDiagnostics {
    return {
      sync: this.rosterSync.diagnostics(),
      warmupEnrichment: this.warmup.diagnostics(),
      rosterSize: this.roster.size,
      rosterVersion: this.roster.version,
      deltasEmitted: this.deltasEmitted,
    };
  }

  /** Stop timers (dispose). */
  stopTimers(): void {
    this.stats.dispose();
    this.clock.clearTimeout(this.flushTimer);
    this.clock.clearTimeout(this.tickTimer);
    this.flushTimer = null;
    this.tickTimer = null;
  }

  /**
   * Coalesce roster changes: at most one delta per flush interval. A change after a quiet
   * period goes out at once (next turn of the loop); a burst waits for the interval's end.
   */
  scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    const wait = Math.max(
      0,
      this.lastFlushAt + (this.options.flushIntervalMs ?? 50) - this.clock.now(),
    );
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    this.lastFlushAt = this.clock.now();
    const delta = this.roster.takeDelta();
    if (delta) {
      this.deltasEmitted++;
      this.emit('roster.delta', delta);
    }
    const changes = this.alerts.takeChanges();
    if (changes) {
      this.emit('alerts.changed', this.alerts.list());
      if (this.ports.notifier) {
        notifyRaisedAlerts(this.ports.notifier, changes.raised, this.settings.language, {
          agent: (workNo) => this.roster.peek(workNo),
          queueName: (skillId) =>
            this.queues.list().find((queue) => String(queue.skillId) === skillId)?.name,
        });
      }
    }
  }

  private startTicking(): void {
    if (this.tickTimer !== null) return;
    const tick = (): void => {
      const now = this.clock.now();
      this.session.checkHealth(now);
      this.rosterSync.tick(now);
      this.alerts.tick(now);
      this.flush();
      this.tickTimer = this.clock.setTimeout(tick, 1_000);
    };
    this.tickTimer = this.clock.setTimeout(tick, 1_000);
  }

  private createSession(): SessionController<GatewayClient> {
    return createGatewaySession(this.ports, this.options, this.clock, this.logger, {
      onStarted: async (client, { first }) => {
        this.setInspector(transitionInspector(this.inspector, { kind: 'session-reset' }).state);
        this.enricher.reset();
        await this.rosterSync.start(client, first);
        this.queues.start(client);
        // After the (re)load most state starts are lower bounds: ask about the ones that matter.
        this.warmup.start();
        this.startTicking();
        this.scheduleFlush();
      },
      onResumed: async (client) => {
        await this.rosterSync.reconcile(client);
        await this.actions.resyncOwnStatus(client);
      },
      onLost: (kind) => this.handleLoss(kind),
      onEvent: (event) => this.handleEvent(event),
      onConnection: (state) => {
        this.warmup.setLive(state.phase === 'live');
        this.emit('connection.changed', state);
      },
    });
  }

  /** One warm-up request: `retry` when the link (not this agent) was the problem. */
  private async fetchStateStart(workNo: string): Promise<WarmupFetchOutcome> {
    const client = this.liveClient();
    if (!client) return 'retry';
    try {
      await this.enricher.fetch(client, workNo);
      return 'done';
    } catch (error) {
      return isLinkLoss(error) || classifyFailure(error) === 'session' ? 'retry' : 'done';
    }
  }

  private handleLoss(kind: LossKind): void {
    this.warmup.cancel();
    this.rosterSync.stop();
    this.queues.stop();
    this.stats.handleGap();
    this.setInspector(transitionInspector(this.inspector, { kind: 'session-reset' }).state);
    if (kind !== 'signed-out') return;
    this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.roster.clear();
    this.alerts.reset();
    this.queues.clear();
    this.setSelection(null);
    this.flush();
  }

  private setSelection(workNo: string | null): void {
    if (this.selection === workNo) return;
    this.selection = workNo;
    this.emit('selection.changed', { workNo });
  }

  private handleEvent(event: GatewayEvent): void {
    if (event.eventType === EVENT_TYPE.qcAgentStateNotify) {
      this.rosterSync.handleNotify(event);
    } else if (event.workNo === null || event.workNo === this.session.currentTarget?.inspectorId) {
      // Our own poll: an event without workNo (cec_07_0542's example has none) is ours too.
      this.setInspector(
        transitionInspector(this.inspector, {
          kind: 'own-event',
          eventType: event.eventType,
          content: event.content,
          now: this.clock.now(),
        }).state,
      );
    }
    this.scheduleFlush();
  }
}
