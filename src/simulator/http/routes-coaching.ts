/**
 * HTTP side of the coaching interfaces: notes (`sendnoteletex`), forced rest, releasing a
 * call and adjusting skills. The rules live in ../gateway-model/coaching-operations.ts.
 */
import type { InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import {
  adjustSkills,
  forceDropCall,
  forceRest,
  sendNote,
} from '../gateway-model/coaching-operations';
import {
  replyError,
  replySuccess,
  requireSession,
  type RouteContext,
  type RouteHandler,
  type RouteReply,
} from './route-types';

/** The page's answers: `result` null for a note, `{}` for the QC operations. */
function toReply(retcode: string, result: unknown = {}): RouteReply {
  return retcode === RETCODE_SUCCESS ? replySuccess(result) : replyError(retcode);
}

/** A body that is not JSON is a body problem like any other (100-001). */
function bodyOf(context: RouteContext): unknown {
  return context.bodyInvalid ? null : context.body;
}

export const COACHING_ROUTES = {
  sendNote: (context) =>
    toReply(sendNote(context.state, requireSession(context).agent, bodyOf(context)), null),
  forceRest: (context) =>
    toReply(
      forceRest(
        context.state,
        requireSession(context).agent,
        context.params.workNo as string,
        Number(context.params.time),
      ),
    ),
  forceDropCall: (context) =>
    toReply(
      forceDropCall(context.state, requireSession(context).agent, context.params.callId as string),
    ),
  adjustSkill: (context) =>
    toReply(adjustSkills(context.state, requireSession(context).agent, bodyOf(context))),
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
