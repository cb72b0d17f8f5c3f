/** The roster sync's public shapes: the gateway calls it needs, its options and diagnostics. */
import type { GatewayClient } from '../../gateway/gateway-client';
import type { OwnStatus } from '../../gateway/gateway-types';
import type { FlowStats } from './event-flow-meter';
import type { SubscriptionState } from './monitor-subscription';
import type { Clock, Logger } from '../ports';
import type { RosterStore } from './roster-store';
import type { SyncMode, SyncPolicyConfig } from './sync-policy';

/** The gateway calls the roster sync makes, and whose session it is (`agentId`). */
export type RosterGateway = Pick<
  GatewayClient,
  | 'agentId'
  | 'listMonitorableAgents'
  | 'listAgentStatuses'
  | 'beginMonitor'
  | 'endMonitor'
  | 'getOwnStatus'
>;

/** Ports, tuning and callbacks of a roster sync. */
export interface RosterSyncOptions {
  clock: Clock;
  logger: Logger;
  roster: RosterStore;
  policy?: Partial<SyncPolicyConfig>;
  /** Second snapshot after this long measures the change rate before subscribing. */
  warmupMs?: number;
  /** Full reload (allagent) interval: picks up added/removed agents. */
  fullReloadMs?: number;
  /** Failed `beginmonitor` attempts in a row before falling back to snapshots (default 4). */
  subscribeAttempts?: number;
  onData(at: number): void;
  onFailure(error: unknown): void;
  /** `beginmonitor` failed (not the session): the data is not live until it is retried. */
  onSubscriptionLost(error: unknown): void;
  onOwnStatus(status: OwnStatus): void;
}

/** What the diagnostics screen shows about the roster sync. */
export interface RosterSyncDiagnostics {
  mode: SyncMode | 'warming' | 'stopped';
  roundTripMs: number | null;
  changesPerSecond: number | null;
  lastSnapshotMs: number | null;
  snapshots: number;
  modeSwitches: number;
  /** The monitor subscription (events mode needs it `active`). */
  subscription: SubscriptionState;
  flow: FlowStats;
}
