/**
 * Keeps the roster live against the gateway: initial load (allagent + allagentstatus merged),
 * then either the monitor event stream (beginmonitor → QC_AgentState_Notify) with a slow
 * reconcile, or back-to-back allagentstatus snapshots when the stream cannot keep up — the
 * choice is measured (see sync-policy.ts). Failures go to `onFailure` (the session decides).
 * The monitor subscription is part of "live": a failed `beginmonitor` goes to
 * `onSubscriptionLost` (the session retries through `reconcile()`, which subscribes again on
 * every recovery); when it cannot be restored the roster falls back to snapshots.
 */
import type { AgentStatusEntry, GatewayEvent } from '../../gateway/gateway-types';
import { contentObject } from '../../gateway/decoding/event-decoding';
import { mapNotifySubtype } from './agent-state-mapping';
import { EventFlowMeter } from './event-flow-meter';
import { MonitorSubscription, type SubscribeOutcome } from './monitor-subscription';
import { listMonitorableAgents, RosterSnapshots } from './roster-snapshots';
import type { RosterGateway, RosterSyncDiagnostics, RosterSyncOptions } from './roster-sync-types';
import { classifyFailure } from '../session/session-policy';
import {
  computeSnapshotGapMs,
  computeSnapshotHoldMs,
  DEFAULT_SYNC_POLICY,
  isStreamBehind,
  type SyncMode,
  type SyncPolicyConfig,
} from './sync-policy';
import { errorMessage } from '../error-text';

export type { RosterGateway, RosterSyncDiagnostics, RosterSyncOptions } from './roster-sync-types';

/** A relapse counts when the stream falls behind this soon after returning to it. */
const RELAPSE_WINDOW_MS = 60_000;

/** Loads the roster and keeps it live in the measured sync mode. */
export class RosterSync {
  private readonly policy: SyncPolicyConfig;
  private readonly meter = new EventFlowMeter();
  private readonly subscription: MonitorSubscription;
  private readonly figures: RosterSnapshots;
  private mode: RosterSyncDiagnostics['mode'] = 'stopped';
  /** Mode decided in an earlier session, reused after a re-sign-in. */
  private decidedMode: SyncMode | null = null;
  private client: RosterGateway | null = null;
  private epoch = 0;
  private timer: unknown = null;
  private reloadTimer: unknown = null;
  private modeSwitches = 0;
  private modeSince = 0;
  private relapses = 0;
  private returnedToEventsAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RosterSyncOptions) {
    this.policy = { ...DEFAULT_SYNC_POLICY, ...options.policy };
    this.figures = new RosterSnapshots(options.roster);
    this.subscription = new MonitorSubscription({
      logger: options.logger,
      maxAttempts: options.subscribeAttempts,
      onLost: (error) => options.onSubscriptionLost(error),
    });
  }

  /** Start on a (new) session: own status, full load, then the measured sync mode. */
  async start(client: RosterGateway, first: boolean): Promise<void> {
    this.stop();
    const epoch = ++this.epoch;
    this.client = client;
    if (first) {
      this.decidedMode = null;
      this.subscription.forgetFailures();
    }
    await this.measureRoundTrip(client);
    // Re-sign-in in events mode: subscribe before the snapshot, so no change falls between.
    const resubscribe = this.decidedMode === 'events';
    const subscribed = await this.loadFull(client, first, resubscribe ? epoch : null);
    if (epoch !== this.epoch) return;
    this.scheduleFullReload(epoch);
    if (this.decidedMode === null) {
      this.setMode('warming');
      this.schedule(epoch, this.options.warmupMs ?? 1_000, () => this.finishWarmup(epoch));
    } else if (subscribed === 'give-up') {
      void this.fallBackToSnapshots(epoch);
    } else if (resubscribe) {
      // Subscribed, or `retry`: the session was told and subscribes again through reconcile().
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
    this.subscription.reset();
  }

  /**
   * Reconcile now (the link came back on the same session, or the poll was restarted). In
   * events mode the roster is subscribed again first: a `beginmonitor` that failed or was cut
   * off would otherwise leave the roster without events while the screen says live.
   */
  async reconcile(client: RosterGateway): Promise<void> {
    if (this.client !== client) return this.start(client, false);
    const epoch = this.epoch;
    if (this.mode === 'events' && !(await this.subscribeRoster(client, epoch))) return;
    await this.runSnapshot(client, epoch);
  }

  /** A QC_AgentState_Notify arrived. */
  handleNotify(event: GatewayEvent): void {
    if (this.mode !== 'events') return;
    const content = contentObject(event.content);
    if (content === null) return;
    const workNo =
      typeof content.monitoredagent === 'string'
        ? content.monitoredagent
        : String(content.monitoredagent ?? '');
    const subtype = typeof content.subtype === 'string' ? content.subtype : '';
    this.meter.record(event.receivedAt, event.generatedAt);
    const meaning = mapNotifySubtype(subtype);
    if (meaning.state !== undefined)
      this.options.roster.applyState(workNo, meaning.state, event.receivedAt);
    if (meaning.inspection !== undefined)
      this.options.roster.applyOthersInspection(workNo, meaning.inspection, event.receivedAt);
  }

  /** Once a second: is the event stream still keeping up? */
  tick(now: number): void {
    if (this.mode !== 'events') return;
    if (!isStreamBehind(this.meter.stats(now), this.figures.roundTripMs, this.policy)) return;
    if (now - this.returnedToEventsAt < RELAPSE_WINDOW_MS) this.relapses++;
    this.options.logger.info('monitor events fall behind; switching the roster to snapshots', {
      ...this.meter.stats(now),
    });
    void this.enterMode('snapshots', this.epoch, true);
  }

  diagnostics(): RosterSyncDiagnostics {
    return {
      mode: this.mode,
      roundTripMs: this.figures.roundTripMs,
      changesPerSecond: this.figures.changeRate,
      lastSnapshotMs: this.figures.lastSnapshotMs,
      snapshots: this.figures.snapshots,
      modeSwitches: this.modeSwitches,
      subscription: this.subscription.state,
      flow: this.meter.stats(this.options.clock.now()),
    };
  }

  private async measureRoundTrip(client: RosterGateway): Promise<void> {
    const started = this.options.clock.now();
    try {
      const status = await client.getOwnStatus();
      this.figures.noteRoundTrip(this.options.clock.now() - started);
      this.options.onOwnStatus(status);
    } catch (error) {
      if (classifyFailure(error) === 'session') throw error;
      this.options.logger.info('own status unavailable', { error: errorMessage(error) });
    }
  }

  /** Full load (allagent + allagentstatus); with `subscribeEpoch`, subscribes before the snapshot. */
  private async loadFull(
    client: RosterGateway,
    reset: boolean,
    subscribeEpoch: number | null = null,
  ): Promise<SubscribeOutcome | null> {
    // A real allagent / allagentstatus includes the signed-in inspector; the demos drop their
    // own id before listing and beginmonitor (qualitycontrol.js, ICP bridge AgentService.java).
    const monitorable = withoutSelf(
      await listMonitorableAgents(client, this.options.logger),
      client.agentId,
    );
    const subscribed =
      subscribeEpoch === null
        ? null
        : await this.subscription.subscribe(
            client,
            monitorable ? monitorable.map((agent) => agent.workNo) : this.options.roster.workNos(),
            () => subscribeEpoch === this.epoch,
          );
    const requestedAt = this.options.clock.now();
    const statuses = withoutSelf(await client.listAgentStatuses(), client.agentId);
    const at = this.options.clock.now();
    this.figures.applyFull(monitorable, statuses, requestedAt, at, reset);
    this.options.onData(at);
    return subscribed;
  }

  private async finishWarmup(epoch: number): Promise<void> {
    const client = this.client;
    if (!client) return;
    const changes = await this.runSnapshot(client, epoch);
    if (changes === null || epoch !== this.epoch) return;
    const mode = this.figures.chooseMode(this.policy);
    this.options.logger.info('roster sync mode chosen', {
      mode,
      changesPerSecond: this.figures.changeRate,
      roundTripMs: this.figures.roundTripMs,
    });
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
    if (mode === 'snapshots') {
      if (switching && this.subscription.state === 'active')
        this.monitor(client.endMonitor(this.options.roster.workNos()), epoch);
      this.subscription.markEnded();
      return this.snapshotLoop(epoch);
    }
    this.meter.reset();
    // Changes before the subscription took effect are only in a snapshot: take one now.
    if (await this.subscribeRoster(client, epoch)) await this.runSnapshot(client, epoch);
    if (epoch === this.epoch && this.mode === 'events')
      this.schedule(epoch, this.policy.reconcileIntervalMs, () => this.reconcileLoop(epoch));
  }

  private async reconcileLoop(epoch: number): Promise<void> {
    const client = this.client;
    if (!client || this.mode !== 'events') return;
    // A subscription still broken (the session could not retry it) is tried again here too.
    const subscribed =
      this.subscription.state === 'active' || (await this.subscribeRoster(client, epoch));
    if (subscribed) await this.runSnapshot(client, epoch);
    if (epoch === this.epoch && this.mode === 'events')
      this.schedule(epoch, this.policy.reconcileIntervalMs, () => this.reconcileLoop(epoch));
  }

  /**
   * Subscribe the roster (or `workNos`) to monitor events. False when it is not in place: the
   * session was told (it retries through reconcile) or the roster fell back to snapshots.
   */
  private async subscribeRoster(
    client: RosterGateway,
    epoch: number,
    workNos = this.options.roster.workNos(),
  ): Promise<boolean> {
    let outcome: SubscribeOutcome;
    try {
      outcome = await this.subscription.subscribe(client, workNos, () => epoch === this.epoch);
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
      return false;
    }
    if (outcome === 'give-up') await this.fallBackToSnapshots(epoch);
    return outcome === 'subscribed';
  }

  /** The subscription cannot be restored: follow snapshots rather than go stale. */
  private async fallBackToSnapshots(epoch: number): Promise<void> {
    if (epoch !== this.epoch) return;
    // Counted as a relapse: the hold before the stream is tried again doubles each time.
    this.relapses++;
    await this.enterMode('snapshots', epoch, this.mode !== 'snapshots');
  }

  private async snapshotLoop(epoch: number): Promise<void> {
    const client = this.client;
    if (!client || this.mode !== 'snapshots') return;
    const changes = await this.runSnapshot(client, epoch);
    if (epoch !== this.epoch || this.mode !== 'snapshots') return;
    const now = this.options.clock.now();
    const hold = computeSnapshotHoldMs(this.relapses, this.policy);
    if (changes !== null && this.figures.fitsEvents(now - this.modeSince, hold, this.policy)) {
      await this.measureRoundTrip(client).catch((error: unknown) => this.options.onFailure(error));
      if (epoch !== this.epoch) return;
      if (this.figures.fitsEvents(now - this.modeSince, hold, this.policy)) {
        this.returnedToEventsAt = now;
        this.options.logger.info('change rate fits the event stream again; subscribing', {
          changesPerSecond: this.figures.changeRate,
        });
        return await this.enterMode('events', epoch, true);
      }
    }
    const gap =
      changes === null
        ? this.policy.snapshotGapMaxMs
        : computeSnapshotGapMs(this.figures.lastSnapshotMs ?? 0, this.policy);
    this.schedule(epoch, gap, () => this.snapshotLoop(epoch));
  }

  /** One allagentstatus snapshot diffed into the roster; returns changed rows, null on failure. */
  private async runSnapshot(client: RosterGateway, epoch: number): Promise<number | null> {
    const requestedAt = this.options.clock.now();
    let statuses: AgentStatusEntry[];
    try {
      statuses = withoutSelf(await client.listAgentStatuses(), client.agentId);
    } catch (error) {
      if (epoch === this.epoch) this.options.onFailure(error);
      return null;
    }
    if (epoch !== this.epoch) return null;
    const at = this.options.clock.now();
    const changes = this.figures.applyStatuses(statuses, requestedAt, at);
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
          // A broken subscription covers the whole roster when it is retried.
          if (this.mode === 'events' && added.length > 0 && this.subscription.state === 'active')
            void this.subscribeRoster(client, epoch, added);
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

/** The list without the inspector's own row (the roster lists the agents they inspect). */
function withoutSelf<T extends { workNo: string }>(list: T[], ownWorkNo: string): T[];
function withoutSelf<T extends { workNo: string }>(list: T[] | null, ownWorkNo: string): T[] | null;
function withoutSelf<T extends { workNo: string }>(
  list: T[] | null,
  ownWorkNo: string,
): T[] | null {
  return list === null ? null : list.filter((entry) => entry.workNo !== ownWorkNo);
}
