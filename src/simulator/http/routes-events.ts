/**
 * The event long poll (§4.1): one event per response; an empty poll is held up to
 * `pollHoldMs` and answered at once when an event arrives. In AUTHMODE 2 some responses
 * carry a new GUID in Set-GUID.
 */
import {
  SET_GUID_HEADER,
  SET_GUID_PREFIX,
  type InterfaceName,
} from '../../shared/gateway-protocol/gateway-paths';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import type { GatewayEventPayload } from '../gateway-model/event-queue';
import type { GatewayState } from '../gateway-model/gateway-state';
import {
  replyError,
  requireSession,
  type RouteContext,
  type RouteHandler,
  type RouteReply,
} from './route-types';
import type { GatewaySession } from '../gateway-model/session-registry';

/** Wait until an event is queued, the session ends, the hold time passes or the server closes. */
function waitForEvent(state: GatewayState, session: GatewaySession): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      state.closeHooks.delete(finish);
      session.queue.setWaiter(null);
      resolve();
    };
    const timer = setTimeout(finish, state.options.pollHoldMs);
    session.queue.setWaiter(finish);
    state.closeHooks.add(finish);
  });
}

async function pollEvent(context: RouteContext): Promise<RouteReply> {
  const { state } = context;
  const session = requireSession(context);
  session.pollInFlight = true;
  session.lastPollAt = state.center.now();
  let event: GatewayEventPayload | null;
  try {
    event = session.queue.shift();
    if (!event && !session.ended && !state.closed) {
      await waitForEvent(state, session);
      event = session.queue.shift();
    }
  } finally {
    session.pollInFlight = false;
  }
  if (session.ended) {
    state.sessions.releaseIfDrained(session);
    // A kicked session still gets its AgentOther_ShutdownService; after that it is gone.
    return event ? { retcode: RETCODE_SUCCESS, event } : replyError('100-006');
  }
  const newGuid = state.sessions.recordPoll(session, state.center.now());
  return {
    retcode: RETCODE_SUCCESS,
    event,
    headers: newGuid ? { [SET_GUID_HEADER]: `${SET_GUID_PREFIX}${newGuid}` } : {},
  };
}

export const EVENT_ROUTES = {
  pollEvent,
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
