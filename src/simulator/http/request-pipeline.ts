/**
 * How one gateway request is answered: route match, stall (black hole), drop, GUID check,
 * the "same request still running" rule (000-007) and sign-in/out exclusion (100-021),
 * latency, injected faults, then the route handler and the envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_BASE_PATH, type InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import type { FaultInjector } from '../faults/fault-injector';
import type { ScriptedOutcome } from '../faults/scripted-answers';
import type { GatewayState } from '../gateway-model/gateway-state';
import {
  buildEnvelope,
  readJsonBody,
  sleepUnlessClosed,
  writeHttpError,
  writeJson,
  writeNotFound,
  writeRaw,
  type BodyRead,
} from './http-io';
import { matchRoute, type RouteMatch } from './route-table';
import { replyError, type RouteHandler, type RouteReply } from './route-types';
import type { GatewaySession } from '../gateway-model/session-registry';

const SIGN_IN_ROUTES: ReadonlySet<InterfaceName> = new Set(['signIn', 'forceSignIn']);
const SIGN_IN_OR_OUT_ROUTES: ReadonlySet<InterfaceName> = new Set([
  'signIn',
  'forceSignIn',
  'signOut',
  'forceSignOut',
]);

/** What an NSLB or servlet container shows for a refused session (not the gateway envelope). */
const SESSION_REFUSED_PAGE = '<html><body><h1>Unauthorized</h1></body></html>';

interface PendingRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  match: Exclude<RouteMatch, { kind: 'not-found' }>;
  body: BodyRead;
}

/** What the GUID check decided before the handler runs. */
type Admission =
  | { kind: 'reject'; reply: RouteReply }
  | { kind: 'admit'; session: GatewaySession | null; flightKey: string; agentId: string };

export class RequestPipeline {
  private readonly inFlight = new Set<string>();
  private readonly signInOrOutPending = new Set<string>();
  private parked: PendingRequest[] = [];

  constructor(
    private readonly state: GatewayState,
    private readonly faults: FaultInjector,
    private readonly handlers: Record<InterfaceName, RouteHandler>,
    private readonly secure: boolean,
  ) {
    faults.onStallCleared(() => this.releaseParked());
  }

  /** Answer a request under the gateway base path. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const match = matchRoute(request.method ?? 'GET', url.pathname.slice(GATEWAY_BASE_PATH.length));
    if (match.kind === 'not-found') {
      request.resume();
      writeNotFound(response);
      return;
    }
    const pending: PendingRequest = {
      request,
      response,
      url,
      match,
      body: await readJsonBody(request),
    };
    if (this.faults.stalled) {
      // Black hole: the request is held and processed only once the network "comes back".
      this.parked.push(pending);
      this.log(pending, 'stalled');
      return;
    }
    await this.process(pending);
  }

  /** Close: parked requests are dropped. */
  dropParked(): void {
    for (const pending of this.parked) pending.request.socket.destroy();
    this.parked = [];
  }

  private releaseParked(): void {
    const parked = this.parked;
    this.parked = [];
    for (const pending of parked) {
      if (!pending.request.socket.destroyed) void this.process(pending);
    }
  }

  private async process(pending: PendingRequest): Promise<void> {
    const { state, faults } = this;
    const { match, request, response } = pending;
    state.countRequest(match.logName);
    const fault = faults.decide();
    if (fault === 'drop') {
      this.log(pending, 'dropped');
      request.socket.destroy();
      return;
    }
    const delayMs = faults.drawDelayMs();
    let scripted: ScriptedOutcome | null;
    // Timeouts are swept by the autoRun ticker and by center.advance(); here only catch up.
    state.center.catchUp();
    const admission = this.admit(pending);
    const admitted = admission.kind === 'admit' ? admission : null;
    const isSignInOrOut =
      admitted !== null && match.kind === 'matched' && SIGN_IN_OR_OUT_ROUTES.has(match.name);
    if (admitted) this.inFlight.add(admitted.flightKey);
    if (admitted && isSignInOrOut) this.signInOrOutPending.add(admitted.agentId);
    try {
      await sleepUnlessClosed(state, delayMs);
      if (state.closed) {
        request.socket.destroy();
        return;
      }
      // Proxy-level faults hit every request; a business-error fault only replaces real work.
      if (fault === 'http5xx') {
        const status = faults.pickHttpStatus();
        this.log(pending, `HTTP ${status}`);
        writeHttpError(response, status);
      } else if (fault === 'malformed') {
        this.log(pending, 'malformed');
        writeRaw(response, 200, 'application/json;charset=UTF-8', faults.pickMalformedBody());
      } else if (admission.kind === 'reject') {
        this.send(pending, admission.reply);
      } else if ((scripted = faults.scripted.take(match.logName)) !== null) {
        if (scripted.kind === 'http') {
          this.log(pending, `HTTP ${scripted.status}`);
          writeRaw(response, scripted.status, 'text/html;charset=UTF-8', SESSION_REFUSED_PAGE);
        } else this.send(pending, replyError(scripted.retcode));
      } else if (fault === 'retcode') {
        this.send(
          pending,
          replyError(pending.url.pathname.includes('/qualitycontrol/') ? '900-001' : '100-007'),
        );
      } else {
        this.send(pending, await this.runHandler(pending, admission.session));
      }
    } finally {
      if (admitted) {
        this.inFlight.delete(admitted.flightKey);
        if (isSignInOrOut) this.signInOrOutPending.delete(admitted.agentId);
      }
    }
  }

  private admit(pending: PendingRequest): Admission {
    const { match, request, url, body } = pending;
    if (match.kind === 'wrong-method') return { kind: 'reject', reply: replyError('000-001') };
    if (match.kind === 'bad-param') return { kind: 'reject', reply: replyError('000-002') };
    if (body.kind === 'too-large') return { kind: 'reject', reply: replyError('000-006') };
    const agentId = match.params.agentid as string;
    // The 2023 pages stop agent ids at 59999, the newer at 999999: the profile decides.
    const idMax = this.state.options.profile.agentIdMax;
    if (Number(agentId) > idMax || Number(match.params.workNo ?? 0) > idMax)
      return { kind: 'reject', reply: replyError('000-002') };
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    let session: GatewaySession | null = null;
    let flightKey = `agent:${agentId} ${route}`;
    if (!SIGN_IN_ROUTES.has(match.name)) {
      const guidHeader = request.headers.guid;
      const guid = typeof guidHeader === 'string' ? guidHeader.trim() : undefined;
      const check = this.state.sessions.check(guid, this.state.center.now());
      if (!check.ok) return { kind: 'reject', reply: replyError(check.retcode) };
      session = check.session;
      // A valid GUID used for another agent's path is not authorised.
      if (session.agent.workNo !== agentId) return { kind: 'reject', reply: replyError('000-003') };
      const drainingPoll = match.name === 'pollEvent' && session.queue.size > 0;
      if (session.ended && !drainingPoll) return { kind: 'reject', reply: replyError('100-006') };
      flightKey = `${session.id} ${route}`;
    }
    if (this.inFlight.has(flightKey)) return { kind: 'reject', reply: replyError('000-007') };
    if (SIGN_IN_OR_OUT_ROUTES.has(match.name) && this.signInOrOutPending.has(agentId)) {
      return { kind: 'reject', reply: replyError('100-021') };
    }
    return { kind: 'admit', session, flightKey, agentId };
  }

  private async runHandler(
    pending: PendingRequest,
    session: GatewaySession | null,
  ): Promise<RouteReply> {
    if (pending.match.kind !== 'matched') return replyError('000-001');
    const { state } = this;
    // The session may have ended while this request waited out its latency.
    if (session?.ended && pending.match.name !== 'pollEvent') return replyError('100-006');
    state.center.catchUp();
    const { body } = pending;
    return this.handlers[pending.match.name]({
      state,
      name: pending.match.name,
      params: pending.match.params,
      query: pending.url.searchParams,
      body: body.kind === 'json' ? body.value : undefined,
      bodyInvalid: body.kind === 'invalid',
      session,
      secure: this.secure,
    });
  }

  private send(pending: PendingRequest, reply: RouteReply): void {
    const isPoll = pending.match.kind === 'matched' && pending.match.name === 'pollEvent';
    this.log(pending, reply.retcode);
    writeJson(pending.response, 200, buildEnvelope(reply, isPoll), reply.headers);
  }

  private log(pending: PendingRequest, outcome: string): void {
    // Path and interface only: the GUID travels in a header and is never logged.
    this.state.options.log?.(
      `${pending.request.method ?? '?'} ${pending.url.pathname} ${pending.match.logName} ${outcome}`,
    );
  }
}
