/**
 * Sends one gateway request: headers from the session, a time limit (enforced by the transport
 * when it says it can, else by the client's own timer and abort signal), the caller's abort,
 * `Set-GUID`/`Set-Cookie` from the answer, HTTP status and envelope checks, one log line.
 * Identical requests (method + URL) in flight are joined, because the gateway refuses a
 * second identical call with 000-007.
 */
import { GatewayError } from '../gateway-error';
import type { GatewayFetch, GatewayLogger, GatewayResponseLike } from '../gateway-types';
import { decodeSuccessEnvelope, type GatewayEnvelope } from '../decoding/envelope-decoding';
import type { GatewaySession } from '../session-identity';
import { RequestTimeLimits, type TimeLimitGuard } from '../transport/request-time-limit';
import { classifyTransportFailure } from '../transport/transport-errors';
import { RedirectRefusedError } from '../transport/answer-limits';

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

interface InFlightEntry {
  promise: Promise<RequestOutcome> | undefined;
}

export class RequestRunner {
  private readonly inFlight = new Map<string, InFlightEntry>();
  /** The client's own limits; null when the transport enforces `timeoutMs` itself. */
  private readonly ownLimits: RequestTimeLimits | null;

  constructor(private readonly deps: RunnerDependencies) {
    this.ownLimits = deps.fetch.enforcesTimeout === true ? null : new RequestTimeLimits();
  }

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
    const callerSignal = plan.signal;
    // Hot path: a transport that enforces the limit gets no signal unless the caller has one.
    const guard: TimeLimitGuard | null =
      this.ownLimits?.start(plan.timeoutMs, callerSignal) ?? null;
    const epoch = session.epoch;
    try {
      if (callerSignal?.aborted) throw new Error('aborted before sending');
      const response = await this.deps.fetch(plan.url, {
        method: plan.method,
        headers: session.headers(plan.anonymous === true),
        body: plan.body,
        signal: guard === null ? callerSignal : guard.signal,
        timeoutMs: plan.timeoutMs,
      });
      // Transports refuse redirects themselves; one that passes a 3xx on is refused here, before
      // anything from it (a GUID, a cookie) is adopted.
      if (response.status >= 300 && response.status <= 399)
        throw new RedirectRefusedError(response.status, response.headers.get('location'));
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
        timedOut: guard?.timedOut ?? false,
        callerAborted: guard === null ? callerSignal?.aborted === true : guard.callerAborted,
        timeoutMs: plan.timeoutMs,
        limitEnforcedByTransport: guard === null,
      });
      this.logOutcome(plan, started, failure.retcode ?? null, failure);
      throw failure;
    } finally {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
      guard?.release();
    }
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
    // Every poll passes here: build no entry that would be dropped.
    if (failure === null && logger.writes?.('debug') === false) return;
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
