/**
 * Sends one gateway request: headers from the session, a time limit, the caller's abort,
 * `Set-GUID`/`Set-Cookie` from the answer, HTTP status and envelope checks, one log line.
 * Identical requests (method + URL) in flight are joined, because the gateway refuses a
 * second identical call with 000-007.
 */
import { getEventListeners } from 'node:events';
import { GatewayError } from './gateway-error';
import type { GatewayFetch, GatewayLogger, GatewayResponseLike } from './gateway-types';
import { decodeSuccessEnvelope, type GatewayEnvelope } from './envelope-decoding';
import type { GatewaySession } from './gateway-session';
import { classifyTransportFailure } from './transport-errors';

export interface RequestPlan {
  /** Gateway log name of the interface (errors and log lines use it). */
  interfaceName: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  url: string;
  body?: string;
  timeoutMs: number;
  /** Who or what the call is about (agent id, call id, skill id), for the log. */
  target?: string;
  /** Sign-in: no `Guid` header. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export interface RunnerDependencies {
  fetch: GatewayFetch;
  session: GatewaySession;
  logger: GatewayLogger | undefined;
  now: () => number;
}

/** What a completed request yields: the envelope and the GUID the answer carried, if any. */
export interface RequestOutcome {
  envelope: GatewayEnvelope;
  guid: string | null;
  /** Session epoch the request was sent in. */
  epoch: number;
}

/** Idle abort controllers kept for reuse: creating one with its signal costs more than a request's JS work. */
const CONTROLLER_POOL_SIZE = 16;

interface InFlightEntry {
  promise: Promise<RequestOutcome> | undefined;
}

export class RequestRunner {
  private readonly inFlight = new Map<string, InFlightEntry>();
  private readonly idleControllers: AbortController[] = [];

  constructor(private readonly deps: RunnerDependencies) {}

  /** Runs the request, or joins the identical one already in flight. */
  run(plan: RequestPlan): Promise<RequestOutcome> {
    const key = `${plan.method} ${plan.url}`;
    const pending = this.inFlight.get(key)?.promise;
    if (pending !== undefined) return pending;
    // The entry is registered before execute() starts, so even a synchronous failure inside
    // it finds (and removes) its own entry rather than leaving a stale one behind.
    const entry: InFlightEntry = { promise: undefined };
    this.inFlight.set(key, entry);
    entry.promise = this.execute(plan, key, entry);
    return entry.promise;
  }

  /** Number of distinct requests in flight (diagnostics and tests). */
  get pendingCount(): number {
    return this.inFlight.size;
  }

  private async execute(
    plan: RequestPlan,
    key: string,
    entry: InFlightEntry,
  ): Promise<RequestOutcome> {
    const { session } = this.deps;
    const started = performance.now();
    const controller = this.idleControllers.pop() ?? new AbortController();
    const state = { timedOut: false, callerAborted: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      controller.abort();
    }, plan.timeoutMs);
    const onCallerAbort = (): void => {
      state.callerAborted = true;
      controller.abort();
    };
    const callerSignal = plan.signal;
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const epoch = session.epoch;
    try {
      if (state.callerAborted) throw new Error('aborted before sending');
      const response = await this.deps.fetch(plan.url, {
        method: plan.method,
        headers: session.headers(plan.anonymous === true),
        body: plan.body,
        signal: controller.signal,
      });
      const guid = session.absorbResponse(
        response,
        epoch,
        this.deps.now(),
        plan.anonymous !== true,
      );
      const text = await response.text();
      if (response.status < 200 || response.status > 299)
        throw httpStatusError(plan.interfaceName, response);
      const envelope = decodeSuccessEnvelope(text, plan.interfaceName);
      this.logOutcome(plan, started, envelope.retcode, null);
      return { envelope, guid, epoch };
    } catch (error) {
      const failure = classifyTransportFailure(error, {
        interfaceName: plan.interfaceName,
        timedOut: state.timedOut,
        callerAborted: state.callerAborted,
        timeoutMs: plan.timeoutMs,
      });
      this.logOutcome(plan, started, failure.retcode ?? null, failure);
      throw failure;
    } finally {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      this.recycle(controller);
    }
  }

  /** Keeps a controller for the next request if it never fired and the transport let go of it. */
  private recycle(controller: AbortController): void {
    if (controller.signal.aborted || this.idleControllers.length >= CONTROLLER_POOL_SIZE) return;
    if (getEventListeners(controller.signal, 'abort').length > 0) return;
    this.idleControllers.push(controller);
  }

  /** One line per call: interface, target, retcode, duration — never a GUID or a password. */
  private logOutcome(
    plan: RequestPlan,
    started: number,
    retcode: string | null,
    failure: GatewayError | null,
  ): void {
    const logger = this.deps.logger;
    if (logger === undefined) return;
    const fields = {
      interface: plan.interfaceName,
      target: plan.target ?? null,
      retcode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (failure === null) logger.debug('gateway call', fields);
    else if (failure.kind !== 'aborted')
      logger.warn('gateway call failed', {
        ...fields,
        kind: failure.kind,
        httpStatus: failure.httpStatus ?? null,
      });
  }
}

function httpStatusError(interfaceName: string, response: GatewayResponseLike): GatewayError {
  return new GatewayError({
    kind: 'http-status',
    interfaceName,
    httpStatus: response.status,
    message: `The gateway answered ${interfaceName} with HTTP status ${response.status}.`,
  });
}
