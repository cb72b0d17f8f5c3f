/**
 * Sign-in, forced sign-in, sign-out, GUID refresh and own status (§3).
 */
import {
  LIMITS,
  SET_GUID_HEADER,
  SET_GUID_PREFIX,
  type InterfaceName,
} from '../../shared/gateway-protocol/gateway-paths';
import { CCGW_STATUS } from '../../shared/gateway-protocol/gateway-status-codes';
import type { CenterAgent } from '../center/center-types';
import {
  replyError,
  replySuccess,
  requireSession,
  type RouteContext,
  type RouteHandler,
  type RouteReply,
} from './route-types';
import { endSession, startSession, type SignInRequest } from '../gateway-model/session-lifecycle';

const STATUS_BY_SIGN_IN_CODE: Record<number, string> = {
  3: CCGW_STATUS.busy,
  4: CCGW_STATUS.idle,
  5: CCGW_STATUS.wrapUp,
};
const OPTIONAL_BOOLEANS = [
  'autoanswer',
  'autoenteridle',
  'releasephone',
  'phonelinkage',
  'checkInWebm',
  'checkInMailm',
  'listenStatus',
];

interface SignInBody extends SignInRequest {
  password: string;
  checkInWebm: boolean;
}

/** Validate the sign-in body (§3.1); null when a field is missing or has the wrong type. */
function parseSignInBody(body: unknown): SignInBody | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const fields = body as Record<string, unknown>;
  const { password, phonenum, status } = fields;
  if (typeof password !== 'string' || password.length > LIMITS.passwordMaxLength) return null;
  if (
    typeof phonenum !== 'string' ||
    phonenum.trim() === '' ||
    phonenum.length > LIMITS.phoneMaxLength
  )
    return null;
  if (status !== undefined && (typeof status !== 'number' || !(status in STATUS_BY_SIGN_IN_CODE)))
    return null;
  for (const key of OPTIONAL_BOOLEANS) {
    if (fields[key] !== undefined && typeof fields[key] !== 'boolean') return null;
  }
  return {
    password,
    phoneNumber: phonenum,
    status: STATUS_BY_SIGN_IN_CODE[(status as number | undefined) ?? 4] as string,
    autoEnterIdle: fields.autoenteridle !== false,
    checkInWebm: fields.checkInWebm !== false,
  };
}

function signInWith(context: RouteContext, force: boolean): RouteReply {
  const { state } = context;
  if (context.bodyInvalid) return replyError('100-001');
  const request = parseSignInBody(context.body);
  if (!request) return replyError('100-001');
  const agent = state.center.findAgent(context.params.agentid as string);
  if (!agent || agent.password !== request.password) return replyError('100-004');
  const existing = state.sessions.findLive(agent.workNo);
  if (existing && !force) return replyError('100-002');
  if (existing) endSession(state, existing, 'kicked');
  const session = startSession(state, agent, request);
  const cookie = `AGWROUTE=node0; Path=/agentgateway; HttpOnly${context.secure ? '; Secure' : ''}`;
  return {
    ...replySuccess({
      vdnid: 1,
      workno: agent.workNo,
      mediatype: request.checkInWebm ? 'TTF' : 'TFF',
      loginTime: String(session.loginTime),
      isForceChange: 'false',
      serverName: 'AgentGateway',
      timeRemaining: '90',
    }),
    headers: { [SET_GUID_HEADER]: `${SET_GUID_PREFIX}${session.guid}`, 'Set-Cookie': [cookie] },
  };
}

/** Detailed agent state of §9.3 for the own-status query. */
function describeDetailedState(agent: CenterAgent): number {
  if (agent.qc) return { insert: 15, listen: 16, whisper: 17 }[agent.qc.mode];
  const byStatus: Record<string, number> = {
    [CCGW_STATUS.idle]: 1,
    [CCGW_STATUS.wrapUp]: 2,
    [CCGW_STATUS.rest]: 3,
    [CCGW_STATUS.busy]: 4,
    [CCGW_STATUS.talking]: 9,
  };
  return byStatus[agent.status] ?? 255;
}

function signOut(context: RouteContext): RouteReply {
  const session = requireSession(context);
  const agent = session.agent;
  // Normal sign-out is refused during a call or an inspection (§3.3).
  if (agent.qc || agent.status === CCGW_STATUS.talking) return replyError('100-010');
  endSession(context.state, session, 'logout');
  return replySuccess({}, 'success');
}

function forceSignOut(context: RouteContext): RouteReply {
  endSession(context.state, requireSession(context), 'logout');
  return replySuccess({}, 'success');
}

export const SESSION_ROUTES = {
  signIn: (context) => signInWith(context, false),
  forceSignIn: (context) => signInWith(context, true),
  signOut,
  forceSignOut,
  updateGuid: (context) => replySuccess({ guid: requireSession(context).guid }),
  ownStatus: (context) => {
    const agent = requireSession(context).agent;
    return replySuccess({
      agentState: describeDetailedState(agent),
      isWorking: agent.qc !== null || agent.status === CCGW_STATUS.talking,
    });
  },
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
