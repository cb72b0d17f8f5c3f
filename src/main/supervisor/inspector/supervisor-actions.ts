/**
 * The supervisor's actions — one function each, shared by buttons, tray, hotkeys and the CLI.
 * Each runs: guard (state machine, before the network) → gateway call → result → journal line.
 * A second trigger of the same action while it is in flight joins it: one request, one result.
 */
import type { Result } from '../../../shared/ipc/contract';
import type {
  AgentState,
  InspectionView,
  JournalEntry,
  SupervisorAction,
} from '../../../shared/domain';
import type { ForceAction } from '../../../shared/inspection-vocabulary';
import { GatewayError } from '../../gateway/gateway-error';
import type { OwnStatus } from '../../gateway/gateway-types';
import { fail, ok, RECONNECTING, refusalError, toCommandError } from '../command-errors';
import { executeEffect, executeForce, type ActionGateway } from './inspection-effects';
import {
  transitionInspector,
  viewInspection,
  type InspectionAction,
  type InspectorInput,
  type InspectorState,
} from './inspector-machine';
import { refuseNotSignedIn, refuseSelf, refuseTargetSignedOut } from './inspector-refusals';
import type { Clock, Logger } from '../ports';
import { errorMessage } from '../error-text';

export type ActionSource = JournalEntry['source'];

export interface ActionContext {
  clock: Clock;
  logger: Logger;
  /** The client when a session is live; null otherwise. */
  liveClient(): ActionGateway | null;
  /** True while the session is being restored (actions wait for it). */
  isRecovering(): boolean;
  inspectorId(): string | null;
  targetState(workNo: string): AgentState | null;
  getInspector(): InspectorState;
  setInspector(next: InspectorState): void;
  journal(entry: JournalEntry): void;
  reportFailure(error: unknown): void;
  onQueuedCallTaken(skillId: number): void;
}

export interface InspectionRequest {
  action: InspectionAction;
  workNo?: string | null;
  callId?: string | null;
  skillId?: number | null;
  source: ActionSource;
}

/** Retcodes after which our idea of the inspector's state may be wrong: ask the gateway. */
const RESYNC_RETCODES = /^(900-00[345]|200-\d{3})$/;

/** What the journal needs to know about an action when it starts. */
interface JournalStart {
  action: SupervisorAction;
  target: string | null;
  source: ActionSource;
  modeBefore: InspectorState['mode'];
  startedAt: number;
}

/** An inspection request on the wire, as its answer will be journalled. */
interface StartedInspection {
  request: InspectionRequest;
  /** The inspector before the request. */
  before: InspectorState;
  startedAt: number;
  /** The journal's target for it. */
  target: string | null;
}

/** Runs supervisor actions with guard, join and journal. */
export class SupervisorActions {
  private inspectionInFlight: Promise<Result<InspectionView>> | null = null;
  private readonly forceInFlight = new Map<string, Promise<Result<null>>>();
  /** One call per interface at a time (the gateway answers 000-007 otherwise). */
  private readonly forceChains = new Map<ForceAction, Promise<unknown>>();

  constructor(private readonly ctx: ActionContext) {}

  /** Listen, barge, whisper, switch(-to), intercept, cancel or take a queued call. */
  runInspection(request: InspectionRequest): Promise<Result<InspectionView>> {
    const ctx = this.ctx;
    const startedAt = ctx.clock.now();
    const before = ctx.getInspector();
    const client = ctx.liveClient();
    const workNo = request.workNo ?? null;
    if (!client && ctx.isRecovering()) {
      return Promise.resolve(this.refuse(request, before, startedAt, fail(RECONNECTING)));
    }
    const input: InspectorInput = {
      kind: 'request',
      action: request.action,
      workNo: request.workNo,
      callId: request.callId,
      skillId: request.skillId,
      now: startedAt,
      context: {
        signedIn: client !== null,
        inspectorId: ctx.inspectorId(),
        targetState: workNo ? ctx.targetState(workNo) : null,
      },
    };
    const transition = transitionInspector(before, input);
    if (transition.join)
      return this.inspectionInFlight ?? Promise.resolve(ok(viewInspection(before)));
    if (transition.refusal || !transition.effect || !client) {
      const refusal = transition.refusal ?? refuseNotSignedIn();
      return Promise.resolve(this.refuse(request, before, startedAt, fail(refusalError(refusal))));
    }
    // Send first, then tell the screen: the request must not wait for listeners.
    const call = executeEffect(client, transition.effect);
    ctx.setInspector(transition.state);
    const target = journalTarget(request, transition.state.pending?.workNo ?? null);
    const started: StartedInspection = { request, before, startedAt, target };
    const promise = call.then(
      () => this.settleInspection(started, { kind: 'succeeded', now: ctx.clock.now() }, null),
      (error: unknown) =>
        this.settleInspection(started, { kind: 'failed', now: ctx.clock.now() }, error),
    );
    this.inspectionInFlight = promise;
    void promise.finally(() => {
      if (this.inspectionInFlight === promise) this.inspectionInFlight = null;
    });
    return promise;
  }

  /** Force an agent busy, idle or signed out. */
  runForce(action: ForceAction, workNo: string, source: ActionSource): Promise<Result<null>> {
    const ctx = this.ctx;
    const startedAt = ctx.clock.now();
    const key = `${action}:${workNo}`;
    const joined = this.forceInFlight.get(key);
    if (joined) return joined;
    const mode = ctx.getInspector().mode;
    const client = ctx.liveClient();
    const refusal = !client
      ? ctx.isRecovering()
        ? RECONNECTING
        : refusalError(refuseNotSignedIn())
      : workNo === ctx.inspectorId()
        ? refusalError(refuseSelf())
        : ctx.targetState(workNo) === 'signed-out'
          ? refusalError(refuseTargetSignedOut(workNo))
          : null;
    if (refusal || !client) {
      const error = refusal ?? refusalError(refuseNotSignedIn());
      this.writeJournal(
        { action, target: workNo, source, modeBefore: mode, startedAt },
        mode,
        'refused',
        {
          retcode: null,
          message: error.message,
        },
      );
      return Promise.resolve(fail(error));
    }
    const journalStart = { action, target: workNo, source, modeBefore: mode, startedAt };
    const previous = this.forceChains.get(action) ?? Promise.resolve();
    const run = (): Promise<void> => executeForce(client, action, workNo);
    const promise = previous.then(run, run).then(
      (): Result<null> => {
        this.writeJournal(journalStart, ctx.getInspector().mode, 'ok');
        return ok(null);
      },
      (error: unknown): Result<null> => {
        const commandError = toCommandError(error);
        this.writeJournal(journalStart, ctx.getInspector().mode, 'failed', commandError);
        ctx.reportFailure(error);
        return fail(commandError);
      },
    );
    this.forceChains.set(action, promise);
    this.forceInFlight.set(key, promise);
    void promise.finally(() => {
      if (this.forceInFlight.get(key) === promise) this.forceInFlight.delete(key);
      if (this.forceChains.get(action) === promise) this.forceChains.delete(action);
    });
    return promise;
  }

  /** Ask the gateway what state the inspector is really in and adopt it. */
  async resyncOwnStatus(client: Pick<ActionGateway, 'getOwnStatus'>): Promise<void> {
    try {
      const status: OwnStatus = await client.getOwnStatus();
      const ctx = this.ctx;
      ctx.setInspector(
        transitionInspector(ctx.getInspector(), {
          kind: 'own-status',
          agentState: status.agentState,
          now: ctx.clock.now(),
        }).state,
      );
    } catch (error) {
      this.ctx.logger.info('own status check failed', { error: errorMessage(error) });
    }
  }

  /** The request's answer came (`error` null) or failed: move the state on and journal it. */
  private settleInspection(
    started: StartedInspection,
    input: InspectorInput,
    error: unknown,
  ): Result<InspectionView> {
    const { request, before, startedAt, target } = started;
    const ctx = this.ctx;
    const after = transitionInspector(ctx.getInspector(), input).state;
    ctx.setInspector(after);
    const journalStart: JournalStart = {
      action: request.action,
      target,
      source: request.source,
      modeBefore: before.mode,
      startedAt,
    };
    if (error === null) {
      this.writeJournal(journalStart, after.mode, 'ok');
      if (request.action === 'request-call' && request.skillId != null)
        ctx.onQueuedCallTaken(request.skillId);
      return ok(viewInspection(after));
    }
    const commandError = toCommandError(error);
    this.writeJournal(journalStart, after.mode, 'failed', commandError);
    ctx.reportFailure(error);
    const client = ctx.liveClient();
    if (client && error instanceof GatewayError && RESYNC_RETCODES.test(error.retcode ?? ''))
      void this.resyncOwnStatus(client);
    return fail(commandError);
  }

  private refuse<T>(
    request: InspectionRequest,
    before: InspectorState,
    startedAt: number,
    result: Result<T>,
  ): Result<T> {
    const message = result.ok ? null : result.error.message;
    const target = journalTarget(request, request.workNo ?? before.targetWorkNo);
    this.writeJournal(
      {
        action: request.action,
        target,
        source: request.source,
        modeBefore: before.mode,
        startedAt,
      },
      before.mode,
      'refused',
      { retcode: null, message },
    );
    return result;
  }

  /** One journal line for an action that started as `start` and ended in `modeAfter`. */
  private writeJournal(
    start: JournalStart,
    modeAfter: InspectorState['mode'],
    outcome: JournalEntry['outcome'],
    failure: { retcode: string | null; message: string | null } | null = null,
  ): void {
    const now = this.ctx.clock.now();
    this.ctx.journal({
      at: new Date(start.startedAt).toISOString(),
      action: start.action,
      target: start.target,
      source: start.source,
      modeBefore: start.modeBefore,
      modeAfter,
      outcome,
      retcode: failure?.retcode ?? null,
      message: failure?.message ?? null,
      durationMs: Math.max(0, now - start.startedAt),
    });
  }
}

function journalTarget(request: InspectionRequest, workNo: string | null): string | null {
  if (request.action === 'request-call')
    return request.callId ? `${request.callId}@${request.skillId ?? ''}` : null;
  return workNo;
}
