/**
 * HTTP side of the quality-control interfaces (§5): parameters in, retcodes out. The rules
 * live in quality-control.ts and force-operations.ts.
 */
import { LIMITS, type InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { RETCODE_SUCCESS } from '../../shared/gateway-protocol/gateway-retcodes';
import { SWITCH_TYPE } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterQcMode } from '../center/center-types';
import { forceAgentSignOut, forceBusy, forceIdle } from '../gateway-model/force-operations';
import {
  interceptCall,
  startInspection,
  stopInspection,
  switchInspectionMode,
  switchListenInsert,
} from '../gateway-model/quality-control';
import { isValidAgentId } from './route-table';
import {
  replyError,
  replySuccess,
  requireSession,
  type RouteContext,
  type RouteHandler,
  type RouteReply,
} from './route-types';

const MODE_BY_SWITCH_TYPE: Record<string, CenterQcMode> = {
  [String(SWITCH_TYPE.listen)]: 'listen',
  [String(SWITCH_TYPE.insert)]: 'insert',
  [String(SWITCH_TYPE.whisper)]: 'whisper',
};

function toReply(retcode: string): RouteReply {
  return retcode === RETCODE_SUCCESS ? replySuccess() : replyError(retcode);
}

/** Run a QC operation on the `{workNo}` path parameter. */
function onPathTarget(
  operation: (context: RouteContext, targetWorkNo: string) => string,
): RouteHandler {
  return (context) => toReply(operation(context, context.params.workNo as string));
}

/** Run a QC operation on the `?whisperagentid=` query parameter (000-002 when missing or invalid). */
function onWhisperTarget(
  operation: (context: RouteContext, targetWorkNo: string) => string,
): RouteHandler {
  return (context) => {
    const target = context.query.get('whisperagentid');
    if (target === null || !isValidAgentId(target)) return replyError('000-002');
    return toReply(operation(context, target));
  };
}

/** Parse `?agents=a;b;c` (1–500 valid ids), or null. */
function parseAgentList(context: RouteContext): string[] | null {
  const raw = context.query.get('agents');
  if (raw === null) return null;
  const ids = raw
    .split(';')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0 || ids.length > LIMITS.monitorBatch || !ids.every(isValidAgentId))
    return null;
  return ids;
}

function changeMonitoring(context: RouteContext, begin: boolean): RouteReply {
  const session = requireSession(context);
  if (!session.agent.isInspector) return replyError('900-002');
  const ids = parseAgentList(context);
  if (!ids) return replyError('000-002');
  const { center, monitors } = context.state;
  // Unknown ids are ignored rather than failing the whole batch.
  const known = ids.filter((id) => center.findAgent(id) !== undefined);
  if (begin) monitors.begin(session, known);
  else monitors.end(session, known);
  return replySuccess();
}

const inspector = (context: RouteContext) => requireSession(context).agent;

export const QUALITY_CONTROL_ROUTES = {
  listen: onPathTarget((c, target) => startInspection(c.state, inspector(c), target, 'listen')),
  insert: onPathTarget((c, target) => startInspection(c.state, inspector(c), target, 'insert')),
  whisper: onWhisperTarget((c, target) =>
    startInspection(c.state, inspector(c), target, 'whisper'),
  ),
  switchListenInsert: onPathTarget((c, target) =>
    switchListenInsert(c.state, inspector(c), target),
  ),
  switchMode: onWhisperTarget((c, target) => {
    const mode = MODE_BY_SWITCH_TYPE[c.query.get('switchtype') ?? ''];
    return mode ? switchInspectionMode(c.state, inspector(c), target, mode) : '000-002';
  }),
  stopWhisper: onWhisperTarget((c, target) =>
    stopInspection(c.state, inspector(c), target, ['whisper'], true),
  ),
  cancel: onPathTarget((c, target) =>
    stopInspection(c.state, inspector(c), target, ['listen', 'insert', 'whisper']),
  ),
  intercept: onPathTarget((c, target) => interceptCall(c.state, inspector(c), target, null)),
  interceptCall: onPathTarget((c, target) =>
    interceptCall(c.state, inspector(c), target, c.params.callId as string),
  ),
  forceBusy: onPathTarget((c, target) => forceBusy(c.state, inspector(c), target)),
  forceIdle: onPathTarget((c, target) => forceIdle(c.state, inspector(c), target)),
  forceAgentSignOut: onPathTarget((c, target) => forceAgentSignOut(c.state, inspector(c), target)),
  beginMonitor: (context) => changeMonitoring(context, true),
  endMonitor: (context) => changeMonitoring(context, false),
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
