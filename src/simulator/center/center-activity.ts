/**
 * The activity policy of the simulated center: how long agents talk, wrap up, rest or stay
 * busy, how often calls arrive, and the starting mix of states. All durations scale with
 * `changesPerAgentPerMinute`, so the center makes about that many changes per agent.
 */
import { CCGW_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import type { SeededRandom } from './seeded-random';

// Mean time in each state as a multiple of the mean dwell time T = 1 min / rate. A call
// cycle (idle → talking → wrap-up → idle) is three changes; breaks add two.
const TALK_FACTOR = 1.5;
const WRAP_FACTOR = 0.35;
const BUSY_FACTOR = 0.8;
const REST_FACTOR = 1.5;
const SIGNED_OUT_FACTOR = 4;
const IDLE_BREAK_FACTOR = 6;
/** Calls per ordinary agent per T; calibrated so the whole center makes ~1 change per agent per T. */
const ARRIVALS_PER_AGENT_PER_DWELL = 0.3;

export class ActivityTimings {
  /** Mean dwell time T in ms; +Infinity when the center is frozen (rate 0). */
  readonly dwellMs: number;
  readonly enabled: boolean;

  constructor(
    private readonly random: SeededRandom,
    changesPerAgentPerMinute: number,
  ) {
    this.enabled = changesPerAgentPerMinute > 0 && Number.isFinite(changesPerAgentPerMinute);
    this.dwellMs = this.enabled ? 60_000 / changesPerAgentPerMinute : Number.POSITIVE_INFINITY;
  }

  /** How long a connected customer talks. */
  drawTalkMs(): number {
    return this.draw(TALK_FACTOR, 0.1, 6);
  }

  drawWrapUpMs(): number {
    return this.draw(WRAP_FACTOR, 0.05, 3);
  }

  drawBusyMs(): number {
    return this.draw(BUSY_FACTOR, 0.1, 5);
  }

  drawRestMs(): number {
    return this.draw(REST_FACTOR, 0.2, 6);
  }

  drawSignedOutMs(): number {
    return this.draw(SIGNED_OUT_FACTOR, 0.5, 12);
  }

  /** Time until an idle agent with no call takes a break on its own. */
  drawIdleBreakMs(): number {
    return this.draw(IDLE_BREAK_FACTOR, 0.5, 20);
  }

  /** Time until the next change of a model-driven agent in this (non-talking) status. */
  drawDwellMs(status: string): number {
    switch (status) {
      case CCGW_STATUS.wrapUp:
        return this.drawWrapUpMs();
      case CCGW_STATUS.busy:
        return this.drawBusyMs();
      case CCGW_STATUS.rest:
        return this.drawRestMs();
      case CCGW_STATUS.signedOut:
        return this.drawSignedOutMs();
      case CCGW_STATUS.idle:
        return this.drawIdleBreakMs();
      default:
        return this.drawTalkMs();
    }
  }

  /** IVR announcement before the ACD routes a new call: 3–15 s. */
  drawAnnouncementMs(): number {
    return this.random.nextInt(3_000, 15_000);
  }

  /** How long a caller waits in the queue before hanging up. */
  drawPatienceMs(): number {
    return Math.round(this.random.nextExponential(90_000, 20_000, 600_000));
  }

  /** Gap to the next call arrival for a center of `agentCount` ordinary agents. */
  drawArrivalGapMs(agentCount: number): number {
    const perMs = (Math.max(1, agentCount) * ARRIVALS_PER_AGENT_PER_DWELL) / this.dwellMs;
    return Math.round(this.random.nextExponential(1 / perMs));
  }

  /** Starting state of an ordinary agent: mostly talking or idle, a few signed out. */
  pickInitialStatus(): string {
    const roll = this.random.next();
    if (roll < 0.45) return CCGW_STATUS.talking;
    if (roll < 0.73) return CCGW_STATUS.idle;
    if (roll < 0.82) return CCGW_STATUS.wrapUp;
    if (roll < 0.89) return CCGW_STATUS.busy;
    if (roll < 0.95) return CCGW_STATUS.rest;
    return CCGW_STATUS.signedOut;
  }

  /** What follows wrap-up: usually idle, sometimes a short busy or a rest. */
  pickAfterWrapUp(): string {
    const roll = this.random.next();
    if (roll < 0.9) return CCGW_STATUS.idle;
    if (roll < 0.96) return CCGW_STATUS.busy;
    return CCGW_STATUS.rest;
  }

  /** A break an idle agent takes: busy, rest or (rarely) signing out. */
  pickIdleBreak(): string {
    const roll = this.random.next();
    if (roll < 0.55) return CCGW_STATUS.busy;
    if (roll < 0.85) return CCGW_STATUS.rest;
    return CCGW_STATUS.signedOut;
  }

  /** How long ago a starting state began (for a realistic "time in state"). */
  drawElapsedMs(): number {
    return this.enabled
      ? this.random.nextExponential(this.dwellMs, 0, 6 * this.dwellMs)
      : this.random.nextInt(0, 300_000);
  }

  private draw(factor: number, minFactor: number, maxFactor: number): number {
    if (!this.enabled) return Number.POSITIVE_INFINITY;
    const mean = factor * this.dwellMs;
    return Math.round(
      this.random.nextExponential(mean, minFactor * this.dwellMs, maxFactor * this.dwellMs),
    );
  }
}
