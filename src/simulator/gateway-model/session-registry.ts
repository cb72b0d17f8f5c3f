/**
 * Gateway sessions: GUIDs (with AUTHMODE 2 rotation and a grace period for the previous one),
 * per-agent lookup, poll bookkeeping for the idle timeout, and GUIDs known to be stale.
 * Pure bookkeeping: ending a session's effects on the center live in session-lifecycle.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CenterAgent } from '../center/center-types';
import { EventQueue, type EventQueueCounters } from './event-queue';

export type SessionEndReason = 'logout' | 'kicked' | 'timeout' | 'forced' | 'invalidated';

export interface GatewaySession {
  /** Internal id for logs and in-flight keys; never the GUID. */
  readonly id: string;
  readonly agent: CenterAgent;
  guid: string;
  previousGuid: string | null;
  previousGuidValidUntil: number;
  pollsSinceRotation: number;
  lastPollAt: number;
  pollInFlight: boolean;
  readonly queue: EventQueue;
  ended: boolean;
  readonly loginTime: number;
  /** Agents this session monitors (beginmonitor). */
  readonly monitored: Set<string>;
  /** Skill queues signed in to with resetskill (none until it is called). */
  signedInSkills: number[];
}

export type GuidCheck =
  { ok: true; session: GatewaySession } | { ok: false; retcode: '100-006' | '000-003' };

export interface SessionRegistryOptions {
  counters: EventQueueCounters;
  authMode: 1 | 2;
  guidRotationPolls: number;
  guidGraceMs: number;
  sessionTimeoutMs: number;
}

const STALE_GUID_MEMORY = 50_000;
const GUID_NODE_SUFFIX = '.AgentGateway0';

/** A fresh GUID in the documented shape `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.AgentGateway0`. */
function generateGuid(): string {
  return `${randomUUID()}${GUID_NODE_SUFFIX}`;
}

export class SessionRegistry {
  private readonly byGuid = new Map<string, GatewaySession>();
  private readonly byAgent = new Map<string, GatewaySession>();
  /** GUIDs that belonged to a known agent but are no longer valid: answered with 000-003. */
  private readonly staleGuids = new Set<string>();
  private nextId = 1;

  constructor(private readonly options: SessionRegistryOptions) {}

  /** Start a session for an agent (the caller ends any previous one first). */
  create(agent: CenterAgent, now: number): GatewaySession {
    const session: GatewaySession = {
      id: `s${this.nextId}`,
      agent,
      guid: generateGuid(),
      previousGuid: null,
      previousGuidValidUntil: 0,
      pollsSinceRotation: 0,
      lastPollAt: now,
      pollInFlight: false,
      queue: new EventQueue(this.options.counters),
      ended: false,
      loginTime: now,
      monitored: new Set(),
      signedInSkills: [],
    };
    this.nextId += 1;
    this.byGuid.set(session.guid, session);
    this.byAgent.set(agent.workNo, session);
    return session;
  }

  /** The live session of an agent, if signed in through the gateway. */
  findLive(workNo: string): GatewaySession | undefined {
    return this.byAgent.get(workNo);
  }

  liveSessions(): GatewaySession[] {
    return [...this.byAgent.values()];
  }

  /** Resolve a request's GUID. Ended sessions are returned too (they may still drain events). */
  check(guid: string | undefined, now: number): GuidCheck {
    if (!guid) return { ok: false, retcode: '100-006' };
    const session = this.byGuid.get(guid);
    if (session) {
      if (guid === session.guid) return { ok: true, session };
      if (guid === session.previousGuid && now <= session.previousGuidValidUntil)
        return { ok: true, session };
      this.byGuid.delete(guid);
      this.rememberStale(guid);
      return { ok: false, retcode: '000-003' };
    }
    return { ok: false, retcode: this.staleGuids.has(guid) ? '000-003' : '100-006' };
  }

  /** Count a poll; in AUTHMODE 2 rotate the GUID when due and return the new one. */
  recordPoll(session: GatewaySession, now: number): string | null {
    session.lastPollAt = now;
    if (this.options.authMode !== 2 || session.ended) return null;
    session.pollsSinceRotation += 1;
    if (session.pollsSinceRotation < this.options.guidRotationPolls) return null;
    session.pollsSinceRotation = 0;
    if (session.previousGuid) {
      this.byGuid.delete(session.previousGuid);
      this.rememberStale(session.previousGuid);
    }
    session.previousGuid = session.guid;
    session.previousGuidValidUntil = now + this.options.guidGraceMs;
    session.guid = generateGuid();
    this.byGuid.set(session.guid, session);
    return session.guid;
  }

  /**
   * Mark a session ended. Its GUIDs stop working (stale ones answer 000-003 after
   * invalidation, 100-006 otherwise) unless events are left to drain (e.g. ShutdownService).
   */
  end(session: GatewaySession, reason: SessionEndReason): void {
    if (session.ended) return;
    session.ended = true;
    if (this.byAgent.get(session.agent.workNo) === session)
      this.byAgent.delete(session.agent.workNo);
    // Kicked and forced-out sessions keep their queue: they may still poll ShutdownService.
    if (reason !== 'kicked' && reason !== 'forced') session.queue.clear();
    if (session.queue.size === 0) this.forgetGuids(session, reason === 'invalidated');
    session.queue.interrupt();
  }

  /** After an ended session delivered its last event, its GUIDs become unknown. */
  releaseIfDrained(session: GatewaySession): void {
    if (session.ended && session.queue.size === 0) this.forgetGuids(session, false);
  }

  /** Live sessions without a poll for longer than the timeout (a held poll counts as alive). */
  findTimedOut(now: number): GatewaySession[] {
    const expired: GatewaySession[] = [];
    for (const session of this.byAgent.values()) {
      if (!session.pollInFlight && now - session.lastPollAt > this.options.sessionTimeoutMs)
        expired.push(session);
    }
    return expired;
  }

  /** Ended sessions still holding undelivered events past the timeout are dropped. */
  dropAbandoned(now: number): void {
    for (const session of new Set(this.byGuid.values())) {
      if (session.ended && now - session.lastPollAt > this.options.sessionTimeoutMs) {
        session.queue.clear();
        this.forgetGuids(session, false);
      }
    }
  }

  /** Gateway restart: every session and GUID is forgotten (requests then get 100-006). */
  forgetAll(): GatewaySession[] {
    const sessions = new Set([...this.byGuid.values(), ...this.byAgent.values()]);
    this.byGuid.clear();
    this.byAgent.clear();
    this.staleGuids.clear();
    for (const session of sessions) {
      session.ended = true;
      session.queue.clear();
      session.monitored.clear();
      session.queue.interrupt();
    }
    return [...sessions];
  }

  private forgetGuids(session: GatewaySession, markStale: boolean): void {
    for (const guid of [session.guid, session.previousGuid]) {
      if (guid === null) continue;
      if (this.byGuid.get(guid) === session) this.byGuid.delete(guid);
      if (markStale) this.rememberStale(guid);
    }
  }

  private rememberStale(guid: string): void {
    this.staleGuids.add(guid);
    if (this.staleGuids.size > STALE_GUID_MEMORY) {
      const oldest = this.staleGuids.values().next();
      if (!oldest.done) this.staleGuids.delete(oldest.value);
    }
  }
}
