/**
 * Everything a route handler needs in one place: resolved options, the center, sessions,
 * monitor subscriptions, the event dispatcher and request statistics.
 */
import { SimulationClock } from '../center/center-scheduler';
import { ContactCenter } from '../center/contact-center';
import { EventDispatcher } from './event-dispatch';
import type { EventQueueCounters } from './event-queue';
import { MonitorRegistry } from './monitor-registry';
import type { SentNote } from './coaching-operations';
import { SessionRegistry } from './session-registry';
import type { SimulatorOptions } from '../simulator-types';
import { gatewayProfile, type GatewayProfile } from './gateway-profile';

export interface ResolvedOptions {
  host: string;
  port: number;
  protocol: 'https' | 'http';
  agents: number;
  inspectors: number;
  seed: number;
  changesPerAgentPerMinute: number;
  autoRun: boolean;
  authMode: 1 | 2;
  guidRotationPolls: number;
  guidGraceMs: number;
  pollHoldMs: number;
  sessionTimeoutMs: number;
  adminEndpoint: boolean;
  log: ((line: string) => void) | null;
  /** Where the pages of the two generations differ, how this gateway behaves. */
  profile: GatewayProfile;
}

const MAX_AGENTS = 100_000;

function requireCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `Simulator option '${name}' must be an integer between ${min} and ${max}, got ${value}.`,
    );
  }
  return value;
}

function requireNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`Simulator option '${name}' must be a non-negative number, got ${value}.`);
  return value;
}

/** Apply defaults and check ranges; throws a clear Error on bad options. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const authMode = options.authMode ?? 2;
  if (authMode !== 1 && authMode !== 2)
    throw new Error(`Simulator option 'authMode' must be 1 or 2, got ${String(authMode)}.`);
  const protocol = options.protocol ?? 'https';
  if (protocol !== 'https' && protocol !== 'http')
    throw new Error(`Simulator option 'protocol' must be 'https' or 'http'.`);
  return {
    host: options.host ?? '127.0.0.1',
    port: requireCount('port', options.port ?? 0, 0, 65_535),
    protocol,
    agents: requireCount('agents', options.agents ?? 40, 1, MAX_AGENTS),
    inspectors: requireCount('inspectors', options.inspectors ?? 3, 1, 1_000),
    seed: requireCount('seed', options.seed ?? 1, 0, 2 ** 31 - 1),
    changesPerAgentPerMinute: requireNonNegative(
      'changesPerAgentPerMinute',
      options.changesPerAgentPerMinute ?? 1,
    ),
    autoRun: options.autoRun ?? true,
    authMode,
    guidRotationPolls: requireCount(
      'guidRotationPolls',
      options.guidRotationPolls ?? 25,
      1,
      1_000_000,
    ),
    guidGraceMs: requireNonNegative('guidGraceMs', options.guidGraceMs ?? 10_000),
    pollHoldMs: requireNonNegative('pollHoldMs', options.pollHoldMs ?? 10_000),
    sessionTimeoutMs: requireNonNegative('sessionTimeoutMs', options.sessionTimeoutMs ?? 120_000),
    adminEndpoint: options.adminEndpoint ?? false,
    log: options.log ?? null,
    profile: {
      ...gatewayProfile(options.gatewayVersion),
      ...(options.eventGenTime === undefined ? {} : { eventGenTime: options.eventGenTime }),
    },
  };
}

export class GatewayState {
  readonly counters: EventQueueCounters = { queued: 0, delivered: 0, dropped: 0 };
  readonly clock: SimulationClock;
  readonly center: ContactCenter;
  readonly sessions: SessionRegistry;
  readonly monitors = new MonitorRegistry();
  readonly dispatcher: EventDispatcher;
  /** Notes sent through sendnoteletex, oldest first (the control API lists them). */
  readonly notes: SentNote[] = [];
  requests = 0;
  /** Set once the server closes; held polls and parked requests answer or drop at once. */
  closed = false;
  /** Called on close: wakes held polls. */
  readonly closeHooks = new Set<() => void>();
  readonly requestsByLogName: Record<string, number> = {};

  constructor(readonly options: ResolvedOptions) {
    this.clock = new SimulationClock(options.autoRun);
    this.center = new ContactCenter({
      agents: options.agents,
      inspectors: options.inspectors,
      seed: options.seed,
      changesPerAgentPerMinute: options.changesPerAgentPerMinute,
      clock: this.clock,
    });
    this.sessions = new SessionRegistry({
      counters: this.counters,
      authMode: options.authMode,
      guidRotationPolls: options.guidRotationPolls,
      guidGraceMs: options.guidGraceMs,
      sessionTimeoutMs: options.sessionTimeoutMs,
    });
    this.dispatcher = new EventDispatcher(
      this.center,
      this.sessions,
      this.monitors,
      options.profile,
    );
  }

  /** Count a request for stats(). */
  countRequest(logName: string): void {
    this.requests += 1;
    this.requestsByLogName[logName] = (this.requestsByLogName[logName] ?? 0) + 1;
  }
}
