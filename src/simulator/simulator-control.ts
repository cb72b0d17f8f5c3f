/**
 * The in-process control surface of the simulated center (`sim.center`): move time, force
 * states, inject calls, inspect agents and queues, watch changes, read statistics.
 */
import { CCGW_STATUS } from '../shared/gateway-protocol/gateway-status-codes';
import { SETTABLE_STATUSES } from './center/contact-center';
import type { GatewayState } from './gateway-model/gateway-state';
import { endSession, sweepSessions } from './gateway-model/session-lifecycle';
import type { ContactCenterControl } from './simulator-types';

const MAX_CALLER_LENGTH = 32;

/** Force an agent into a CC-Gateway status as if the person (or the platform) did it. */
function forceAgentStatus(state: GatewayState, workNo: string, status: string): void {
  const { center } = state;
  center.catchUp();
  const agent = center.findAgent(workNo);
  if (!agent) throw new Error(`Unknown agent '${workNo}'.`);
  if (!SETTABLE_STATUSES.includes(status)) {
    throw new Error(`Unsupported status '${status}' (use one of ${SETTABLE_STATUSES.join(', ')}).`);
  }
  if (agent.status === status) return;
  if (status === CCGW_STATUS.signedOut) {
    const session = state.sessions.findLive(workNo);
    if (session) endSession(state, session, 'forced');
    else center.handBack(agent, 'control');
    return;
  }
  if (status === CCGW_STATUS.talking) {
    center.connectCall(agent, center.createDirectCall(agent), 'control');
    return;
  }
  const endedCall = agent.call;
  agent.call = null;
  agent.pendingBusy = false;
  center.setStatus(agent, status, 'control', endedCall);
}

/** Build `sim.center` over the gateway state. */
export function createCenterControl(state: GatewayState): ContactCenterControl {
  const { center } = state;
  return {
    advance(ms) {
      center.advance(ms);
      sweepSessions(state);
    },
    setAgentStatus: (workNo, status) => forceAgentStatus(state, workNo, status),
    enqueueCall(skillId, caller) {
      if (
        caller !== undefined &&
        (typeof caller !== 'string' || caller === '' || caller.length > MAX_CALLER_LENGTH)
      ) {
        throw new Error(
          `enqueueCall: caller must be a non-empty string of at most ${MAX_CALLER_LENGTH} characters.`,
        );
      }
      center.catchUp();
      return center.enqueueCall(skillId, caller).callId;
    },
    listAgents() {
      center.catchUp();
      return center.agents.map((agent) => ({
        workNo: agent.workNo,
        name: agent.name,
        status: agent.status,
        ctiStatus: agent.ctiStatus,
        groupName: agent.groupName,
        skills: [...agent.skills],
        callId: agent.call?.callId ?? null,
      }));
    },
    listSkills: () => center.skills.map((skill) => ({ id: skill.id, name: skill.name })),
    listWaitingCalls(skillId) {
      center.catchUp();
      return center
        .listWaitingCalls(skillId)
        .map((call) => ({ callId: call.callId, caller: call.caller, enqueuedAt: call.enqueuedAt }));
    },
    onStateChange(listener) {
      return center.onChange((change) => {
        try {
          listener({ workNo: change.agent.workNo, status: change.status, at: change.at });
        } catch (error) {
          // A failing outside listener must not leave the model half-changed: surface it later.
          queueMicrotask(() => {
            throw error;
          });
        }
      });
    },
    listNotes: () =>
      state.notes.map((note) => ({
        ...note,
        agentIds: [...note.agentIds],
        deliveredTo: [...note.deliveredTo],
      })),
    stats: () => ({
      requests: state.requests,
      requestsByLogName: { ...state.requestsByLogName },
      eventsQueued: state.counters.queued,
      eventsDelivered: state.counters.delivered,
      eventsDropped: state.counters.dropped,
    }),
  };
}
