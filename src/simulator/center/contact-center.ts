/**
 * The simulated contact center: agents with CC-Gateway and CTI states kept consistent (§9.1),
 * skill queues with waiting calls, an ACD that routes calls to the longest-idle agent, and an
 * activity model driven by one scheduler. Deterministic for a given seed and clock.
 */
import { CCGW_STATUS, CTI_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import { CallFactory } from './call-factory';
import { ActivityTimings } from './center-activity';
import { buildRoster } from './center-roster';
import { CenterScheduler, type SimulationClock } from './center-scheduler';
import type {
  CenterAgent,
  CenterCall,
  CenterChange,
  CenterSkill,
  ChangeCause,
} from './center-types';
import { SeededRandom } from './seeded-random';
import { SkillQueues } from './skill-queues';

type ScheduledWork =
  | { kind: 'agent'; index: number; version: number }
  | { kind: 'arrival' }
  | { kind: 'route'; callId: string }
  | { kind: 'abandon'; callId: string };

/** CTI status that goes with each CC-Gateway status we use (§9.1 mapping, read backwards). */
const CTI_FOR_CCGW: Record<string, string> = {
  [CCGW_STATUS.signedOut]: CTI_STATUS.notSignedIn,
  [CCGW_STATUS.busy]: CTI_STATUS.busy,
  [CCGW_STATUS.idle]: CTI_STATUS.idle,
  [CCGW_STATUS.wrapUp]: CTI_STATUS.wrapUp,
  [CCGW_STATUS.talking]: CTI_STATUS.talking,
  [CCGW_STATUS.rest]: CTI_STATUS.rest,
};

/** CC-Gateway statuses the center can be put into. */
export const SETTABLE_STATUSES: readonly string[] = Object.keys(CTI_FOR_CCGW);

export interface ContactCenterOptions {
  agents: number;
  inspectors: number;
  seed: number;
  changesPerAgentPerMinute: number;
  clock: SimulationClock;
}

export class ContactCenter {
  readonly skills: CenterSkill[];
  readonly agents: CenterAgent[];
  /** Number of state changes so far. */
  changeCount = 0;
  private readonly byWorkNo = new Map<string, CenterAgent>();
  private readonly scheduler = new CenterScheduler<ScheduledWork>();
  private readonly queues: SkillQueues;
  private readonly listeners = new Set<(change: CenterChange) => void>();
  private readonly random: SeededRandom;
  private readonly timings: ActivityTimings;
  private readonly calls: CallFactory;
  private readonly ordinaryAgentCount: number;
  private time: number;

  constructor(private readonly options: ContactCenterOptions) {
    const rosterRandom = new SeededRandom(options.seed);
    const roster = buildRoster(rosterRandom, options.agents, options.inspectors);
    this.skills = roster.skills;
    this.agents = roster.agents;
    this.ordinaryAgentCount = options.agents;
    for (const agent of this.agents) this.byWorkNo.set(agent.workNo, agent);
    this.queues = new SkillQueues(this.skills);
    this.random = rosterRandom.fork();
    this.timings = new ActivityTimings(this.random, options.changesPerAgentPerMinute);
    this.calls = new CallFactory(this.random, this.timings, this.skills);
    this.time = options.clock.read();
    this.populate();
    if (this.timings.enabled)
      this.scheduler.schedule(this.time + this.timings.drawArrivalGapMs(this.ordinaryAgentCount), {
        kind: 'arrival',
      });
  }

  /** Current simulated time (ms epoch). */
  now(): number {
    return this.time;
  }

  findAgent(workNo: string): CenterAgent | undefined {
    return this.byWorkNo.get(workNo);
  }

  findSkill(skillId: number): CenterSkill | undefined {
    return this.skills.find((skill) => skill.id === skillId);
  }

  /** Subscribe to every state change; returns the unsubscribe function. */
  onChange(listener: (change: CenterChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Run everything due up to the clock's current time. */
  catchUp(): void {
    const target = Math.max(this.time, this.options.clock.read());
    for (let entry = this.scheduler.popDue(target); entry; entry = this.scheduler.popDue(target)) {
      this.time = Math.max(this.time, entry.at);
      this.runWork(entry.payload);
    }
    this.time = target;
  }

  /** Move the clock forward by `ms` and run everything that falls due. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`advance(ms) needs a non-negative number, got ${ms}.`);
    this.options.clock.skip(ms);
    this.catchUp();
  }

  /** Change an agent's status, notify listeners, then let the model react. False if unchanged. */
  setStatus(
    agent: CenterAgent,
    status: string,
    cause: ChangeCause,
    call: CenterCall | null = null,
  ): boolean {
    const cti = CTI_FOR_CCGW[status];
    if (cti === undefined) throw new Error(`Unsupported CC-Gateway status '${status}'.`);
    if (agent.status === status) return false;
    const previousStatus = agent.status;
    if (previousStatus === CCGW_STATUS.idle) this.queues.removeIdle(agent);
    agent.status = status;
    agent.ctiStatus = cti;
    agent.stateSince = this.time;
    agent.version += 1;
    if (status !== CCGW_STATUS.rest) agent.restUntil = null;
    if (status === CCGW_STATUS.signedOut) agent.loginTime = null;
    else if (previousStatus === CCGW_STATUS.signedOut) agent.loginTime = this.time;
    if (status === CCGW_STATUS.idle && this.isModelDriven(agent)) this.queues.addIdle(agent);
    this.changeCount += 1;
    const version = agent.version;
    const change: CenterChange = { agent, previousStatus, status, cause, call, at: this.time };
    for (const listener of [...this.listeners]) listener(change);
    // A listener may already have moved the agent on (and scheduled it); don't schedule twice.
    if (agent.version === version) this.scheduleNext(agent);
    return true;
  }

  /** Connect a call to an agent: it starts talking and the customer hangs up later. */
  connectCall(agent: CenterAgent, call: CenterCall, cause: ChangeCause): void {
    call.connectedAt = this.time;
    call.plannedEndAt = this.time + this.timings.drawTalkMs();
    agent.call = call;
    this.setStatus(agent, CCGW_STATUS.talking, cause, call);
  }

  /** End the agent's call; the agent moves on to wrap-up, idle or a pending busy. */
  endCall(agent: CenterAgent, cause: ChangeCause): CenterCall | null {
    const call = agent.call;
    agent.call = null;
    let next: string = CCGW_STATUS.wrapUp;
    const restMs = agent.pendingRestMs;
    agent.pendingRestMs = null;
    if (restMs !== null) {
      agent.pendingBusy = false;
      this.forceRest(agent, restMs, cause, call);
      return call;
    }
    if (agent.pendingBusy) next = CCGW_STATUS.busy;
    else if (!this.isModelDriven(agent) && agent.autoEnterIdle) next = CCGW_STATUS.idle;
    agent.pendingBusy = false;
    this.setStatus(agent, next, cause, call);
    return call;
  }

  /**
   * Rest for exactly `ms` (an inspector's forcerest); then the agent is idle again with the
   * cause `rest-timeout`. Forcing a rest on a resting agent restarts the time.
   */
  forceRest(
    agent: CenterAgent,
    ms: number,
    cause: ChangeCause,
    endedCall: CenterCall | null = agent.call,
  ): void {
    const until = this.time + ms;
    if (agent.status === CCGW_STATUS.rest) {
      agent.restUntil = until;
      agent.version += 1;
      this.scheduleAgent(agent, until);
      return;
    }
    agent.call = null;
    agent.pendingBusy = false;
    // Set before the change, so the scheduling after it sees when the rest ends.
    agent.restUntil = until;
    this.setStatus(agent, CCGW_STATUS.rest, cause, endedCall);
  }

  /** Replace an agent's skills; routing uses them from now on (an idle agent may get a call). */
  setSkills(agent: CenterAgent, skills: readonly number[]): void {
    const idleInQueues = agent.status === CCGW_STATUS.idle && this.isModelDriven(agent);
    if (idleInQueues) this.queues.removeIdle(agent);
    agent.skills = [...skills];
    if (!idleInQueues) return;
    this.queues.addIdle(agent);
    this.routeWaitingCallTo(agent);
  }

  /** Move an agent's customer call to another agent (intercept); the first agent goes idle. */
  transferCall(from: CenterAgent, to: CenterAgent, cause: ChangeCause): CenterCall | null {
    const call = from.call;
    if (!call) return null;
    from.call = null;
    from.pendingBusy = false;
    this.setStatus(from, CCGW_STATUS.idle, cause, call);
    to.call = call;
    this.setStatus(to, CCGW_STATUS.talking, cause, call);
    return call;
  }

  /** Put a new call into a skill queue. Throws for an unknown skill. */
  enqueueCall(skillId: number, caller?: string): CenterCall {
    const call = this.calls.create(skillId, this.time, caller);
    this.queues.addWaiting(call);
    // A frozen center (rate 0) neither routes nor abandons: calls wait until requested.
    if (this.timings.enabled) {
      this.scheduler.schedule(call.routableAt, { kind: 'route', callId: call.callId });
      this.scheduler.schedule(call.abandonAt, { kind: 'abandon', callId: call.callId });
    }
    return call;
  }

  /** Waiting calls of a skill, oldest first. */
  listWaitingCalls(skillId: number): CenterCall[] {
    return this.queues.listWaiting(skillId);
  }

  /** Take a waiting call out of its queue; null when it is not (or no longer) waiting there. */
  takeWaitingCall(callId: string, skillId: number): CenterCall | null {
    const call = this.queues.findWaiting(callId);
    if (!call || call.skillId !== skillId) return null;
    this.queues.removeWaiting(call);
    return call;
  }

  /** A call that did not come through a queue (forced talking state, starting mix). */
  createDirectCall(agent: CenterAgent): CenterCall {
    return this.calls.create(agent.skills[0] ?? this.skills[0]?.id ?? 0, this.time);
  }

  /** A gateway session signs this agent in: the model stops driving it. */
  takeOver(agent: CenterAgent, status: string, autoEnterIdle: boolean): CenterCall | null {
    const droppedCall = agent.call;
    agent.call = null;
    agent.pendingBusy = false;
    if (agent.status === CCGW_STATUS.idle) this.queues.removeIdle(agent);
    agent.controlled = true;
    agent.autoEnterIdle = autoEnterIdle;
    if (agent.status !== CCGW_STATUS.signedOut && agent.status !== status) {
      // Signed in elsewhere by the simulated person: the new sign-in starts a fresh login.
      this.setStatus(agent, CCGW_STATUS.signedOut, 'session', droppedCall);
    }
    this.setStatus(agent, status, 'session');
    agent.loginTime = this.time;
    return droppedCall;
  }

  /** The session ended: the agent is signed out and (unless an inspector) model-driven again. */
  handBack(agent: CenterAgent, cause: ChangeCause): void {
    const call = agent.call;
    agent.call = null;
    agent.pendingBusy = false;
    agent.controlled = false;
    if (!this.setStatus(agent, CCGW_STATUS.signedOut, cause, call)) this.scheduleNext(agent);
  }

  private isModelDriven(agent: CenterAgent): boolean {
    return !agent.controlled && !agent.isInspector;
  }

  private populate(): void {
    for (const agent of this.agents) {
      if (agent.isInspector) continue;
      const status = this.timings.pickInitialStatus();
      agent.status = status;
      agent.ctiStatus = CTI_FOR_CCGW[status] as string;
      agent.stateSince = this.time - Math.round(this.timings.drawElapsedMs());
      agent.loginTime =
        status === CCGW_STATUS.signedOut
          ? null
          : agent.stateSince - this.random.nextInt(0, 4 * 3_600_000);
      if (status === CCGW_STATUS.talking) {
        const call = this.createDirectCall(agent);
        call.enqueuedAt = agent.stateSince - this.random.nextInt(5_000, 60_000);
        call.connectedAt = agent.stateSince;
        call.plannedEndAt = this.time + this.timings.drawTalkMs();
        agent.call = call;
      }
      if (status === CCGW_STATUS.idle) this.queues.addIdle(agent);
      this.scheduleNext(agent);
    }
  }

  /** Schedule the next thing that happens to an agent in its current status. */
  private scheduleNext(agent: CenterAgent): void {
    if (agent.status === CCGW_STATUS.rest && agent.restUntil !== null) {
      this.scheduleAgent(agent, agent.restUntil);
      return;
    }
    if (!this.isModelDriven(agent)) {
      if (agent.status === CCGW_STATUS.talking && agent.call)
        this.scheduleAgent(agent, agent.call.plannedEndAt);
      return;
    }
    if (agent.status === CCGW_STATUS.idle && this.routeWaitingCallTo(agent)) return;
    const delay = this.timings.drawDwellMs(agent.status);
    const at =
      agent.status === CCGW_STATUS.talking && agent.call
        ? agent.call.plannedEndAt
        : this.time + delay;
    this.scheduleAgent(agent, at);
  }

  private scheduleAgent(agent: CenterAgent, at: number): void {
    if (Number.isFinite(at))
      this.scheduler.schedule(Math.max(at, this.time), {
        kind: 'agent',
        index: agent.index,
        version: agent.version,
      });
  }

  private runWork(work: ScheduledWork): void {
    if (work.kind === 'arrival') {
      this.enqueueCall(this.calls.pickArrivalSkill());
      this.scheduler.schedule(this.time + this.timings.drawArrivalGapMs(this.ordinaryAgentCount), {
        kind: 'arrival',
      });
    } else if (work.kind === 'route') {
      this.routeCall(work.callId);
    } else if (work.kind === 'abandon') {
      const call = this.queues.findWaiting(work.callId);
      if (call) this.queues.removeWaiting(call);
    } else {
      const agent = this.agents[work.index];
      if (agent && agent.version === work.version) this.runAgentWork(agent);
    }
  }

  private runAgentWork(agent: CenterAgent): void {
    if (agent.status === CCGW_STATUS.rest && agent.restUntil !== null) {
      if (agent.restUntil <= this.time) this.setStatus(agent, CCGW_STATUS.idle, 'rest-timeout');
      return;
    }
    if (!this.isModelDriven(agent)) {
      // Session-driven agents and inspectors only see their customer hang up.
      if (agent.status === CCGW_STATUS.talking && agent.call) this.endCall(agent, 'call-ended');
      return;
    }
    switch (agent.status) {
      case CCGW_STATUS.talking:
        this.endCall(agent, 'activity');
        return;
      case CCGW_STATUS.wrapUp:
        this.setStatus(agent, this.timings.pickAfterWrapUp(), 'activity');
        return;
      case CCGW_STATUS.idle: {
        const next = this.timings.pickIdleBreak();
        // An agent under inspection does not sign out on its own.
        if (agent.inspectedBy && next === CCGW_STATUS.signedOut) this.scheduleNext(agent);
        else this.setStatus(agent, next, 'activity');
        return;
      }
      default:
        this.setStatus(agent, CCGW_STATUS.idle, 'activity');
    }
  }

  private routeCall(callId: string): void {
    const call = this.queues.findWaiting(callId);
    if (!call) return;
    const index = this.queues.findLongestIdle(call.skillId);
    if (index === null) return;
    this.queues.removeWaiting(call);
    this.connectCall(this.agents[index] as CenterAgent, call, 'activity');
  }

  /** An agent just became idle: give it the oldest routable call of its skills, if any. */
  private routeWaitingCallTo(agent: CenterAgent): boolean {
    const call = this.queues.findOldestRoutable(agent.skills, this.time);
    if (!call) return false;
    this.queues.removeWaiting(call);
    this.connectCall(agent, call, 'activity');
    return true;
  }
}
