/**
 * Reason-code time per agent over the shift: time at rest, busy (not ready) and in wrap-up,
 * from the roster's state changes (pure; time comes in as arguments). An open episode counts
 * up to `now`; a state start the roster only knows as a lower bound never reaches back before
 * the shift or before the end of the agent's previous episode.
 */
import type { AgentState } from '../../../shared/domain';
import type { AgentReasonTime } from '../../../shared/insight';

export type ReasonCategory = 'rest' | 'busy' | 'wrap-up';

const CATEGORY_OF: Partial<Record<AgentState, ReasonCategory>> = {
  rest: 'rest',
  busy: 'busy',
  'wrap-up': 'wrap-up',
};

export interface ReasonBudgets {
  /** ms per shift; 0 = no budget. */
  rest: number;
  busy: number;
  'wrap-up': number;
}

/** What is persisted per agent (closed episodes only). */
export interface SavedReasonTime {
  name: string;
  rest: number;
  busy: number;
  wrapUp: number;
  byReason: Record<string, number>;
}

interface AgentTime extends SavedReasonTime {
  open: { category: ReasonCategory | null; reason: string | null; since: number } | null;
}

export class ReasonTime {
  private readonly agents = new Map<string, AgentTime>();

  constructor(private shiftStartedAt: number) {}

  /** An agent is in `state` since `since` (a new state, or a better-known start of the same). */
  track(
    workNo: string,
    name: string,
    state: AgentState,
    since: number,
    reason: string | null = null,
  ): void {
    const agent = this.agent(workNo, name);
    const category = CATEGORY_OF[state] ?? null;
    const open = agent.open;
    const floor = Math.max(this.shiftStartedAt, open?.since ?? this.shiftStartedAt);
    if (open && open.category === category && open.reason === reason) {
      // Same episode; an earlier start learned later moves it back (never before the floor).
      open.since = Math.max(Math.min(open.since, since), this.shiftStartedAt);
      return;
    }
    if (open) this.close(agent, Math.max(since, floor));
    agent.open = { category, reason, since: Math.max(since, floor) };
  }

  /** The agent left the roster (or signed out): close its episode at `at`. */
  forget(workNo: string, at: number): void {
    const agent = this.agents.get(workNo);
    if (agent?.open) this.close(agent, Math.max(at, agent.open.since));
    if (agent) agent.open = null;
  }

  /** Every agent with any reason time, open episodes counted up to `now`. */
  list(now: number, budgets: ReasonBudgets): AgentReasonTime[] {
    const rows: AgentReasonTime[] = [];
    for (const [workNo, agent] of this.agents) {
      const row = { rest: agent.rest, busy: agent.busy, wrapUp: agent.wrapUp };
      const byReason = { ...agent.byReason };
      const open = agent.open;
      if (open?.category) {
        const ms = Math.max(0, now - open.since);
        row[fieldOf(open.category)] += ms;
        if (open.reason) byReason[open.reason] = (byReason[open.reason] ?? 0) + ms;
      }
      if (row.rest + row.busy + row.wrapUp === 0) continue;
      const over: AgentReasonTime['over'] = [];
      if (budgets.rest > 0 && row.rest > budgets.rest) over.push('rest');
      if (budgets.busy > 0 && row.busy > budgets.busy) over.push('busy');
      if (budgets['wrap-up'] > 0 && row.wrapUp > budgets['wrap-up']) over.push('wrap-up');
      rows.push({
        workNo,
        name: agent.name,
        restMs: row.rest,
        busyMs: row.busy,
        wrapUpMs: row.wrapUp,
        byReason,
        over,
      });
    }
    return rows.sort((a, b) => total(b) - total(a) || a.workNo.localeCompare(b.workNo));
  }

  /** Closed time per agent up to `now` (open episodes closed there and reopened). */
  save(now: number): Record<string, SavedReasonTime> {
    const saved: Record<string, SavedReasonTime> = {};
    for (const [workNo, agent] of this.agents) {
      if (agent.open) {
        const { category, reason } = agent.open;
        this.close(agent, Math.max(now, agent.open.since));
        agent.open = { category, reason, since: Math.max(now, agent.open?.since ?? now) };
      }
      saved[workNo] = {
        name: agent.name,
        rest: agent.rest,
        busy: agent.busy,
        wrapUp: agent.wrapUp,
        byReason: { ...agent.byReason },
      };
    }
    return saved;
  }

  /** Time saved earlier in the same shift (after a restart). */
  restore(saved: Record<string, SavedReasonTime>): void {
    for (const [workNo, entry] of Object.entries(saved)) {
      this.agents.set(workNo, { ...entry, byReason: { ...entry.byReason }, open: null });
    }
  }

  /** A new shift: forget every agent's time. */
  reset(shiftStartedAt: number): void {
    this.shiftStartedAt = shiftStartedAt;
    this.agents.clear();
  }

  private close(agent: AgentTime, at: number): void {
    const open = agent.open;
    if (!open?.category) return;
    const ms = Math.max(0, at - open.since);
    agent[fieldOf(open.category)] += ms;
    if (open.reason) agent.byReason[open.reason] = (agent.byReason[open.reason] ?? 0) + ms;
    open.since = at;
  }

  private agent(workNo: string, name: string): AgentTime {
    let agent = this.agents.get(workNo);
    if (!agent) {
      agent = { name, rest: 0, busy: 0, wrapUp: 0, byReason: {}, open: null };
      this.agents.set(workNo, agent);
    } else if (name) agent.name = name;
    return agent;
  }
}

function fieldOf(category: ReasonCategory): 'rest' | 'busy' | 'wrapUp' {
  return category === 'wrap-up' ? 'wrapUp' : category;
}

function total(row: AgentReasonTime): number {
  return row.restMs + row.busyMs + row.wrapUpMs;
}
