/**
 * Signing in to skill queues: `POST onlineagent/{agentid}/resetskill/{autoflag}
 * ?skillid=1;2;3&phonelinkage=0|1` (cec_07_1209). `autoflag` true signs in to every configured
 * skill; anything else to the intersection of `skillid` with them (none when it is empty).
 * Errors as documented: 000-002 for bad parameters, 100-006 without a session. No event.
 * Huawei's AgentServerDemo calls `resetskill/true` with no body right after sign-in.
 */
import type { InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { replyError, replySuccess, requireSession, type RouteHandler } from './route-types';

/** `skillid`: skill ids separated by `;`, at most 4,000 characters (cec_07_1209). */
const SKILL_LIST_PATTERN = /^\d{1,9}(;\d{1,9})*;?$/;
const SKILL_LIST_MAX = 4_000;

export const SKILL_ROUTES = {
  resetSkill: (context) => {
    const session = requireSession(context);
    const skillList = context.query.get('skillid') ?? '';
    const linkage = context.query.get('phonelinkage');
    if (skillList.length > SKILL_LIST_MAX) return replyError('000-002');
    if (skillList !== '' && !SKILL_LIST_PATTERN.test(skillList)) return replyError('000-002');
    if (linkage !== null && linkage !== '0' && linkage !== '1') return replyError('000-002');
    const configured = session.agent.skills;
    if (context.params.autoflag === 'true') {
      session.signedInSkills = [...configured];
    } else {
      const wanted = new Set(skillList.split(';').filter(Boolean).map(Number));
      session.signedInSkills = configured.filter((id) => wanted.has(id));
    }
    return replySuccess({});
  },
} satisfies Partial<Record<InterfaceName, RouteHandler>>;
