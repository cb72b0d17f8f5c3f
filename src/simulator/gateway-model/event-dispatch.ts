/**
 * Puts events on session queues: to an agent's own session, to the sessions monitoring an
 * agent (QC_AgentState_Notify), and the own-session events that follow from changes made
 * outside a route (the control API, a customer hanging up).
 */
import {
  CCGW_STATUS,
  EVENT_TYPE,
  QC_NOTIFY_SUBTYPE,
} from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent, CenterChange } from '../center/center-types';
import type { ContactCenter } from '../center/contact-center';
import {
  buildCustomerReleaseContent,
  buildPhoneReleaseContent,
  buildRingingContent,
  buildTalkingContent,
} from './event-content';
import type { MonitorRegistry } from './monitor-registry';
import type { GatewayProfile } from './gateway-profile';
import type { GatewaySession, SessionRegistry } from './session-registry';

/** QC_AgentState_Notify subtype for each CC-Gateway status (§5.11; talking = Active). */
const NOTIFY_SUBTYPE_FOR_STATUS: Record<string, string> = {
  [CCGW_STATUS.signedOut]: QC_NOTIFY_SUBTYPE.logout,
  [CCGW_STATUS.idle]: QC_NOTIFY_SUBTYPE.idle,
  [CCGW_STATUS.busy]: QC_NOTIFY_SUBTYPE.busy,
  [CCGW_STATUS.wrapUp]: QC_NOTIFY_SUBTYPE.work,
  [CCGW_STATUS.talking]: QC_NOTIFY_SUBTYPE.active,
  [CCGW_STATUS.rest]: QC_NOTIFY_SUBTYPE.rest,
};

const MEDIA_SERVER = 'CtiServer';

export class EventDispatcher {
  constructor(
    private readonly center: ContactCenter,
    private readonly sessions: SessionRegistry,
    private readonly monitors: MonitorRegistry,
    private readonly profile: GatewayProfile,
  ) {}

  /** Queue an event on a session (even an ended one still draining, e.g. ShutdownService). */
  sendToSession(session: GatewaySession, eventType: string, content: unknown): void {
    session.queue.push({
      eventType,
      workNo: session.agent.workNo,
      content,
      ...(this.profile.eventGenTime ? { eventGenTime: this.center.now() } : {}),
    });
  }

  /** Queue a raw event exactly as given (fault injection: odd shapes a gateway may send). */
  sendRaw(workNo: string, event: Record<string, unknown>): boolean {
    const session = this.sessions.findLive(workNo);
    if (!session) return false;
    session.queue.push(event);
    return true;
  }

  /** Queue an event on the agent's live session; dropped when it has none. */
  sendToAgent(workNo: string, eventType: string, content: unknown = null): void {
    const session = this.sessions.findLive(workNo);
    if (session) this.sendToSession(session, eventType, content);
  }

  /** Tell every session monitoring `agent` about it with the given subtype. */
  notifyWatchers(agent: CenterAgent, subtype: string): void {
    const watchers = this.monitors.findWatchers(agent.workNo);
    if (!watchers) return;
    const content = {
      subtype,
      monitoredagent: agent.workNo,
      agentname: agent.name,
      mediaserver: MEDIA_SERVER,
    };
    for (const session of watchers)
      this.sendToSession(session, EVENT_TYPE.qcAgentStateNotify, content);
  }

  /** React to a center change: monitor notifications, and own-session events where no route sends them. */
  handleChange(change: CenterChange): void {
    const { agent, previousStatus, status } = change;
    if (previousStatus === CCGW_STATUS.signedOut && status !== CCGW_STATUS.signedOut) {
      this.notifyWatchers(agent, QC_NOTIFY_SUBTYPE.login);
    }
    // A call offered to an agent rings before it is answered (§11.3 AgentEvent_Ringing; the
    // monitor subtype WaitAnswer, §5.11); an intercepted call moves without ringing.
    if (status === CCGW_STATUS.talking && change.call && change.cause !== 'quality-control')
      this.notifyWatchers(agent, QC_NOTIFY_SUBTYPE.waitAnswer);
    const subtype = NOTIFY_SUBTYPE_FOR_STATUS[status];
    if (subtype) this.notifyWatchers(agent, subtype);
    // A forced rest that ran out (cec_07_1350): the agent hears it, then is idle again.
    if (change.cause === 'rest-timeout')
      this.sendToAgent(agent.workNo, EVENT_TYPE.restTimeout, null);
    if (
      change.cause === 'control' ||
      change.cause === 'call-ended' ||
      change.cause === 'rest-timeout'
    )
      this.sendOwnStateEvents(change);
  }

  private sendOwnStateEvents(change: CenterChange): void {
    const { agent, previousStatus, status, call } = change;
    const session = this.sessions.findLive(agent.workNo);
    if (!session) return;
    if (previousStatus === CCGW_STATUS.talking && call) {
      this.sendToSession(session, EVENT_TYPE.customerRelease, buildCustomerReleaseContent(call));
      this.sendToSession(session, EVENT_TYPE.callRelease, call.callId);
      this.sendToSession(session, EVENT_TYPE.phoneRelease, buildPhoneReleaseContent(3));
    }
    switch (status) {
      case CCGW_STATUS.talking:
        if (call) this.sendToSession(session, EVENT_TYPE.ringing, buildRingingContent(call));
        this.sendToSession(session, EVENT_TYPE.phoneAlerting, null);
        this.sendToSession(session, EVENT_TYPE.phoneOffhook, { type: 'main' });
        if (call) this.sendToSession(session, EVENT_TYPE.talking, buildTalkingContent(call));
        break;
      case CCGW_STATUS.idle:
        this.sendToSession(session, EVENT_TYPE.ready, null);
        break;
      case CCGW_STATUS.busy:
        this.sendToSession(session, EVENT_TYPE.setNotReadySuccess, { reason: 1 });
        break;
      case CCGW_STATUS.wrapUp:
        this.sendToSession(session, EVENT_TYPE.work, null);
        break;
      case CCGW_STATUS.rest:
        this.sendToSession(session, EVENT_TYPE.setRestSuccess, null);
        break;
      default:
        break;
    }
  }
}
