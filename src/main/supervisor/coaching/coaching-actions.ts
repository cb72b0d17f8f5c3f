/**
 * The coaching actions on agents — force rest, release the agent's call, adjust skills, and a
 * note's batches — with the guards, joins and journal lines of the inspector's actions
 * (inspector/supervisor-actions.ts): refused before the network when not signed in, while the
 * session is being restored, on oneself or on a signed-out agent; a second identical trigger
 * joins the first; calls of one interface never overlap; one journal line per action.
 */
import type { CoachingAction } from '../../../shared/coaching';
import type { AgentRow, InspectorMode, JournalEntry } from '../../../shared/domain';
import type { CommandError, Result } from '../../../shared/ipc/contract';
import type { GatewayClient } from '../../gateway/gateway-client';
import {
  commandError,
  fail,
  ok,
  RECONNECTING,
  refusalError,
  toCommandError,
} from '../command-errors';
import {
  refuseNotSignedIn,
  refuseSelf,
  refuseTargetSignedOut,
} from '../inspector/inspector-refusals';
import type { Clock } from '../ports';

export type CoachingClient = Pick<
  GatewayClient,
  'sendNote' | 'forceRest' | 'forceDropCall' | 'adjustSkills' | 'getAgent'
>;

export interface CoachingActionContext {
  clock: Clock;
  liveClient(): CoachingClient | null;
  isRecovering(): boolean;
  inspectorId(): string | null;
  row(workNo: string): Readonly<AgentRow> | undefined;
  inspectorMode(): InspectorMode;
  journal(entry: JournalEntry): void;
  reportFailure(error: unknown): void;
}

export interface ActionPlan<T> {
  action: CoachingAction;
  /** The journal's target: an agent id, or a note batch's ids. */
  target: string;
  source: JournalEntry['source'];
  /** The agent the guard checks (null: no agent guard, e.g. a note batch). */
  agent: string | null;
  /** Further refusal after the common guard (e.g. "no call to release"). */
  refuse?: () => CommandError | null;
  run(client: CoachingClient): Promise<T>;
}

/** The words for an agent that has no call to release. */
export function refuseNoCall(workNo: string): CommandError {
  return commandError(
    'forbidden-state',
    `Agent ${workNo} is not in a call: there is no call to release.`,
    `座席 ${workNo} 不在通话中，没有可释放的通话。`,
    null,
    'workNo',
  );
}

export class CoachingActions {
  private readonly inFlight = new Map<string, Promise<Result<unknown>>>();
  private readonly chains = new Map<CoachingAction, Promise<unknown>>();

  constructor(private readonly ctx: CoachingActionContext) {}

  /** The common guard: live session, not oneself, agent signed in. */
  guard(agent: string | null): CommandError | null {
    const { ctx } = this;
    const client = ctx.liveClient();
    if (!client) return ctx.isRecovering() ? RECONNECTING : refusalError(refuseNotSignedIn());
    if (agent === null) return null;
    if (agent === ctx.inspectorId()) return refusalError(refuseSelf());
    if (ctx.row(agent)?.state === 'signed-out') return refusalError(refuseTargetSignedOut(agent));
    return null;
  }

  run<T>(plan: ActionPlan<T>): Promise<Result<T>> {
    const key = `${plan.action}:${plan.target}`;
    const joined = this.inFlight.get(key);
    if (joined) return joined as Promise<Result<T>>;
    const startedAt = this.ctx.clock.now();
    const modeBefore = this.ctx.inspectorMode();
    const refusal = this.guard(plan.agent) ?? plan.refuse?.() ?? null;
    const client = this.ctx.liveClient();
    if (refusal || !client) {
      const error = refusal ?? refusalError(refuseNotSignedIn());
      this.write(plan, startedAt, modeBefore, 'refused', null, error.message);
      return Promise.resolve(fail(error));
    }
    const previous = this.chains.get(plan.action) ?? Promise.resolve();
    const call = (): Promise<T> => plan.run(client);
    const promise = previous.then(call, call).then(
      (value): Result<T> => {
        this.write(plan, startedAt, modeBefore, 'ok', null, null);
        return ok(value);
      },
      (error: unknown): Result<T> => {
        const failure = toCommandError(error);
        this.write(plan, startedAt, modeBefore, 'failed', failure.retcode, failure.message);
        this.ctx.reportFailure(error);
        return fail(failure);
      },
    );
    this.chains.set(plan.action, promise);
    this.inFlight.set(key, promise);
    void promise.finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      if (this.chains.get(plan.action) === promise) this.chains.delete(plan.action);
    });
    return promise;
  }

  private write(
    plan: ActionPlan<unknown>,
    startedAt: number,
    modeBefore: InspectorMode,
    outcome: JournalEntry['outcome'],
    retcode: string | null,
    message: string | null,
  ): void {
    const now = this.ctx.clock.now();
    this.ctx.journal({
      at: new Date(startedAt).toISOString(),
      action: plan.action,
      target: plan.target,
      source: plan.source,
      modeBefore,
      modeAfter: this.ctx.inspectorMode(),
      outcome,
      retcode,
      message,
      durationMs: Math.max(0, now - startedAt),
    });
  }
}
