/**
 * Keeps the roster live against the gateway: initial load (allagent + allagentstatus merged),
 * then either the monitor event stream (beginmonitor → QC_AgentState_Notify) with a slow
 * reconcile, or back-to-back allagentstatus snapshots when the stream cannot keep up — the
 * choice is measured (see sync-policy.ts). Failures go to `onFailure` (the session decides).
 */
import type { GatewayClient } from '../gateway/gateway-client';
import { GatewayError } from '../gateway/gateway-error';
import type { AgentStatusEntry, GatewayEvent, MonitorableAgent, OwnStatus } from '../gateway/gateway-types';
import { mapNotifySubtype } from './agent-state-mapping';
import { EventFlowMeter, type FlowStats } from './event-flow-meter';
import type { Clock, Logger } from './ports';
import type { RosterEntry, RosterStore } from './roster-store';
import { classifyFailure } from './session-policy';
import {
  chooseInitialMode,
  computeSnapshotGapMs,
  computeSnapshotHoldMs,
  DEFAULT_SYNC_POLICY,
  isStreamBehind,
  shouldReturnToEvents,
  updateAverage,
  type SyncMode,
  type SyncPolicyConfig,
} from './sync-policy';
import { errorMessage } from './error-text';

export type RosterGateway = Pick<GatewayClient, 'listMonitorableAgents' | 'listAgentStatuses' | 'beginMonitor' | 'endMonitor' | 'getOwnStatus'>;

export interface RosterSyncOptions {
  clock: Clock;
  logger: Logger;
  roster: RosterStore;
  policy?: Partial<SyncPolicyConfig>;
  /** Second snapshot after this long measures the change rate before subscribing. */
  warmupMs?: number;
  /** Full reload (allagent) interval: picks up added/removed agents. */
  fullReloadMs?: number;
  onData(at: number): void;
  onFailure(error: unknown): void;
  onOwnStatus(status: OwnStatus): void;
}

export interface RosterSyncDiagnostics {
  mode: SyncMode | 'warming' | 'stopped';
  roundTripMs: number | null;
  changesPerSecond: number | null;
  lastSnapshotMs: number | null;
  snapshots: number;
  modeSwitches: number;
  flow: FlowStats;
}

/** A relapse counts when the stream falls behind this soon after returning to it. */
const RELAPSE_WINDOW_MS = 60_000;

/** Loads the roster and keeps it live in the measured sync mode. */
export class RosterSync {
  private readonly policy: SyncPolicyConfig;
  private readonly meter = new EventFlowMeter();
  private mode: RosterSyncDiagnostics['mode'] = 'stopped';
  /** Mode decided in an earlier session, reused after a re-sign-in. */
  private decidedMode: SyncMode | null = null;
  private client: RosterGateway | null = null;
  private epoch = 0;
  private timer: unknown = null;
  private reloadTimer: unknown = null;
  private allowed: Set<string> | null = null;
  private roundTripMs: number | null = null;
  private changeRate: number | null = null;
  private lastSnapshotAt: number | null = null;
  private lastSnapshotMs: number | null = null;
  private snapshots = 0;
  private modeSwitches = 0;
  private modeSince = 0;
  private relapses = 0;
  private returnedToEventsAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RosterSyncOptions) {
    this.policy = { ...DEFAULT_SYNC_POLICY, ...options.policy };
  }

  /** Start on a (new) session: own status, full load, then the measured sync mode. */
  async start(client: RosterGateway, first: boolean): Promise<void> {
    this.stop();
    const epoch = ++this.epoch;
    this.client = client;
    if (first) this.decidedMode = null;
    await this.measureRoundTrip(client);
    // Re-sign-in in events mode: subscribe before the snapshot, so no change falls between.
    const resubscribe = this.decidedMode === 'events';
    await this.loadFull(client, first, resubscribe);
    if (epoch !== this.epoch) return;
    this.scheduleFullReload(epoch);
    if (this.decidedMode === null) {
      this.setMode('warming');
      this.schedule(epoch, this.options.warmupMs ?? 1_000, () => this.finishWarmup(epoch));
    } else if (resubscribe) {
      this.meter.reset();
      this.modeSince = this.options.clock.now();
      this.setMode('events');
      this.schedule(epoch, this.policy.reconcileIntervalMs, () => this.reconcileLoop(epoch));
    } else {
      void this.enterMode(this.decidedMode, epoch, false);
    }
  }

  /** Stop timers (session lost or signed out); the roster keeps its rows. */
  stop(): void {
    this.epoch++;
    this.options.clock.clearTimeout(this.timer);
    this.options.clock.clearTimeout(this.reloadTimer);
    this.timer = null;
    this.reloadTimer = null;
    this.client = null;
    this.mode = 'stopped';
  }

  /** Reconcile now (link came back on the same session). */
  async reconcile(client: RosterGateway): Promise<void> {
    if (this.client !== client) return this.start(client, false);
    await this.runSnapshot(client, this.epoch);
  }

  /** A QC_AgentState_Notify arrived. */
  handleNotify(event: GatewayEvent): void {
    if (this.mode !== 'events') return;
    const content = event.content;
    if (typeof content !== 'object' || content === null) return;
    const workNo = typeof content.monitoredagent === 'string' ? content.monitoredagent : String(content.monitoredagent ?? '');
    const subtype = typeof content.subtype === 'string' ? content.subtype : '';
    this.meter.record(event.receivedAt, event.generatedAt);
    const meaning = mapNotifySubtype(subtype);
    if (meaning.state !== undefined) this.options.roster.applyState(workNo, meaning.state, event.receivedAt);
    if (meaning.inspection !== undefined) this.options.roster.applyOthersInspection(workNo, meaning.inspection, event.receivedAt);
  }

  /** Once a second: is the event stream still keeping up? */
  tick(now: number): void {
    if (this.mode !== 'events') return;
    if (!isStreamBehind(this.meter.stats(now), this.policy)) return;
    if (now - this.returnedToEventsAt < RELAPSE_WINDOW_MS) this.relapses++;
    this.options.logger.info('monitor events fall behind; switching the roster to snapshots', { ...this.meter.stats(now) });
    void this.enterMode('snapshots', this.epoch, true);
  }

  diagnostics(): RosterSyncDiagnostics {
    return {
      mode: this.mode,
      roundTripMs: this.roundTripMs,
      changesPerSecond: this.changeRate,
      lastSnapshotMs: this.lastSnapshotMs,
      snapshots: this.snapshots,
      modeSwitches: this.modeSwitches,
      flow: this.meter.stats(this.options.clock.now()),
    };
  }

  private async measureRoundTrip(client: RosterGateway): Promise<void> {
    const started = this.options.clock.now();
    try {
      const status = await client.getOwnStatus();
      this.roundTripMs = updateAverage(this.roundTripMs, this.options.clock.now() - started);
      this.options.onOwnStatus(status);
    } catch (error) {
      if (classifyFailure(error) === 'session') throw error;
      this.options.logger.info('own status unavailable', { error: errorMessage(error) });
    }
  }

  private async loadFull(client: RosterGateway, reset: boolean, subscribe = false): Promise<void> {
    const monitorable = await this.listMonitorable(client);
    if (subscribe) await client.beginMonitor(monitorable ? monitorable.map((agent) => agent.workNo) : this.options.roster.workNos());
    const requestedAt = this.options.clock.now();
    const statuses = await client.listAgentStatuses();
    const at = this.options.clock.now();
    const entries = mergeEntries(monitorable, statuses);
    this.allowed = monitorable ? new Set(monitorable.map((agent) => agent.workNo)) : null;
    if (reset) this.options.roster.replaceAll(entries, at);
    else this.options.roster.applySnapshot(entries, requestedAt, at, true);
    this.lastSnapshotAt = at;
    this.options.onData(at);
  }

  private async listMonitorable(client: RosterGateway): Promise<MonitorableAgent[] | null> {
    try {
      return await client.listMonitorableAgents();
    } catch (error) {
      if (classifyFailure(error) === 'session' || (error instanceof GatewayError && error.kind !== 'retcode' && error.kind !== 'http-status')) throw error;
      // Older gateways lack allagent: every agent of the VDN is then on the list.
      this.options.logger.info('allagent unavailable; using allagentstatus for the roster', { error: errorMessage(error) });
      return null;
    }
  }

  private async finishWarmup(epoch: number): Promise<void> {
    const client = this.client;
    if (!client) return;
    const changes = await this.runSnapshot(client, epoch);
    if (changes === null || epoch !== this.epoch) return;
    const mode = chooseInitialMode(this.changeRate ?? 0, this.roundTripMs ?? 50, this.policy);
    this.options.logger.info('roster sync mode chosen', { mode, changesPerSecond: this.changeRate, roundTripMs: this.roundTripMs });
    await this.enterMode(mode, epoch, false);
  }

  private async enterMode(mode: SyncMode, epoch: number, switching: boolean): Promise<void> {
    const client = this.client;
    if (!client || epoch !== this.epoch) return;
    this.options.clock.clearTimeout(this.timer);
    this.decidedMode = mode;
    this.modeSince = this.options.clock.now();
    if (switching) this.modeSwitches++;
    this.setMode(mode);
    const workNos = this.options.roster.workNos();
    if (mode === 'snapshots') {
      if (switching) this.monitor(client.endMonitor(workNos), epoch);
      return this.snapshotLoop(epoch);
    }
    this.meter.reset();
    try {
      await client.beginMonitor(workNos);
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
      return;
    }
    // Changes before the subscription took effect are only in a snapshot: take one now.
    await this.runSnapshot(client, epoch);
    if (epoch === this.epoch && this.mode === 'events') this.schedule(epoch, this.policy.reconcileIntervalMs, () => this.reconcileLoop(epoch));
  }

  private async reconcileLoop(epoch: number): Promise<void> {
    const client = this.client;
    if (!client || this.mode !== 'events') return;
    await this.runSnapshot(client, epoch);
    if (epoch === this.epoch && this.mode === 'events') this.schedule(epoch, this.policy.reconcileIntervalMs, () => this.reconcileLoop(epoch));
  }

  private async snapshotLoop(epoch: number): Promise<void> {
    const client = this.client;
    if (!client || this.mode !== 'snapshots') return;
    const changes = await this.runSnapshot(client, epoch);
    if (epoch !== this.epoch || this.mode !== 'snapshots') return;
    const now = this.options.clock.now();
    const hold = computeSnapshotHoldMs(this.relapses, this.policy);
    if (changes !== null && shouldReturnToEvents(this.changeRate ?? 0, this.roundTripMs ?? 50, now - this.modeSince, hold, this.policy)) {
      await this.measureRoundTrip(client).catch((error: unknown) => this.options.onFailure(error));
      if (epoch !== this.epoch) return;
      if (shouldReturnToEvents(this.changeRate ?? 0, this.roundTripMs ?? 50, now - this.modeSince, hold, this.policy)) {
        this.returnedToEventsAt = now;
        this.options.logger.info('change rate fits the event stream again; subscribing', { changesPerSecond: this.changeRate });
        return await this.enterMode('events', epoch, true);
      }
    }
    const gap = changes === null ? this.policy.snapshotGapMaxMs : computeSnapshotGapMs(this.lastSnapshotMs ?? 0, this.policy);
    this.schedule(epoch, gap, () => this.snapshotLoop(epoch));
  }

  /** One allagentstatus snapshot diffed into the roster; returns changed rows, null on failure. */
  private async runSnapshot(client: RosterGateway, epoch: number): Promise<number | null> {
    const requestedAt = this.options.clock.now();
    let statuses: AgentStatusEntry[];
    try {
      statuses = await client.listAgentStatuses();
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
      return null;
    }
    if (epoch !== this.epoch) return null;
    const at = this.options.clock.now();
    const allowed = this.allowed;
    const entries = allowed ? statuses.filter((entry) => allowed.has(entry.workNo)) : statuses;
    // Agents missing from a status list are left alone; only the full reload removes agents.
    const changes = this.options.roster.applySnapshot(entries.map(toEntry), requestedAt, at, false);
    const elapsed = this.lastSnapshotAt === null ? null : at - this.lastSnapshotAt;
    if (elapsed !== null && elapsed > 0) this.changeRate = updateAverage(this.changeRate, (changes * 1000) / elapsed);
    this.lastSnapshotAt = at;
    this.lastSnapshotMs = at - requestedAt;
    this.snapshots++;
    this.options.onData(at);
    return changes;
  }

  private scheduleFullReload(epoch: number): void {
    this.options.clock.clearTimeout(this.reloadTimer);
    this.reloadTimer = this.options.clock.setTimeout(() => {
      const client = this.client;
      if (!client || epoch !== this.epoch) return;
      const before = new Set(this.options.roster.workNos());
      void this.loadFull(client, false).then(
        () => {
          if (epoch !== this.epoch) return;
          const added = this.options.roster.workNos().filter((workNo) => !before.has(workNo));
          if (this.mode === 'events' && added.length > 0) this.monitor(client.beginMonitor(added), epoch);
          this.scheduleFullReload(epoch);
        },
        (error: unknown) => {
          if (epoch === this.epoch) this.options.onFailure(error);
          this.scheduleFullReload(epoch);
        },
      );
    }, this.options.fullReloadMs ?? 600_000);
  }

  private monitor(call: Promise<void>, epoch: number): void {
    call.catch((error: unknown) => {
      if (epoch === this.epoch) this.options.onFailure(error);
    });
  }

  private schedule(epoch: number, delayMs: number, run: () => Promise<void> | void): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => {
      if (epoch === this.epoch) void run();
    }, delayMs);
  }

  private setMode(mode: RosterSyncDiagnostics['mode']): void {
    this.mode = mode;
  }
}

function toEntry(status: AgentStatusEntry): RosterEntry {
  return { workNo: status.workNo, name: status.name, status: status.status, ctiStatus: status.ctiStatus, groupName: status.groupName };
}

/** allagent says who is on the list; allagentstatus adds CTI state and group. */
export function mergeEntries(monitorable: readonly MonitorableAgent[] | null, statuses: readonly AgentStatusEntry[]): RosterEntry[] {
  if (!monitorable) return statuses.map(toEntry);
  const byWorkNo = new Map(statuses.map((status) => [status.workNo, status]));
  return monitorable.map((agent) => {
    const status = byWorkNo.get(agent.workNo);
    return {
      workNo: agent.workNo,
      name: agent.name || status?.name || '',
      status: status?.status ?? agent.status,
      ctiStatus: status?.ctiStatus ?? null,
      groupName: status?.groupName ?? null,
    };
  });
}
