/**
 * CC-Gateway `retcode` values with human messages (English and Simplified Chinese) and what a
 * client can do about them. Shared by the client (to explain errors) and the simulator (to
 * answer with the documented codes). Source: ccgateway-api.md §10; the recovery flags are the
 * project's decisions (see docs/decisions.md).
 */
export interface RetcodeInfo {
  readonly en: string;
  readonly zh: string;
  /** Repeating the same request later may succeed (transient gateway condition). */
  readonly retryable: boolean;
  /** The session is gone or unusable: sign in again before anything else. */
  readonly needsSignIn: boolean;
}

export const RETCODE_SUCCESS = '0';

export const RETCODES = {
  '000-001': {
    en: 'Wrong request method for this interface.',
    zh: '接口请求方法错误。',
    retryable: false,
    needsSignIn: false,
  },
  '000-002': {
    en: 'A parameter in the address is invalid (format or range).',
    zh: 'URL 参数格式或取值范围无效。',
    retryable: false,
    needsSignIn: false,
  },
  '000-003': {
    en: 'Not authorized: the session key is invalid or has expired.',
    zh: '无权限：会话标识无效或已过期。',
    retryable: false,
    needsSignIn: true,
  },
  '000-004': {
    en: 'The agent is being switched over to another gateway node.',
    zh: '座席正在切换网关节点。',
    retryable: true,
    needsSignIn: false,
  },
  '000-005': {
    en: 'You cannot inspect yourself.',
    zh: '不能质检自己。',
    retryable: false,
    needsSignIn: false,
  },
  '000-006': {
    en: 'A parameter in the request body is invalid.',
    zh: '消息体参数无效。',
    retryable: false,
    needsSignIn: false,
  },
  '000-007': {
    en: 'The same request is already being processed.',
    zh: '重复调用：相同请求正在处理中。',
    retryable: true,
    needsSignIn: false,
  },
  '100-001': {
    en: 'Sign-in parameters are empty or invalid.',
    zh: '签入参数为空或无效。',
    retryable: false,
    needsSignIn: false,
  },
  '100-002': {
    en: 'This agent is already signed in elsewhere.',
    zh: '座席已在其他地方签入。',
    retryable: false,
    needsSignIn: false,
  },
  '100-003': {
    en: 'The call platform (CTI) is not available.',
    zh: 'CTI 资源不可用。',
    retryable: true,
    needsSignIn: false,
  },
  '100-004': {
    en: 'Wrong agent ID or password.',
    zh: '座席工号或密码错误。',
    retryable: false,
    needsSignIn: false,
  },
  '100-005': {
    en: 'Invalid sign-out parameters.',
    zh: '签出参数无效。',
    retryable: false,
    needsSignIn: false,
  },
  '100-006': {
    en: 'Not signed in: the gateway session has ended.',
    zh: '座席未签入：网关会话已结束。',
    retryable: false,
    needsSignIn: true,
  },
  '100-007': {
    en: 'The gateway had an internal error.',
    zh: '网关内部错误。',
    retryable: true,
    needsSignIn: false,
  },
  '100-008': {
    en: 'The agent is already signed out.',
    zh: '座席已签出。',
    retryable: false,
    needsSignIn: false,
  },
  '100-009': {
    en: 'The state could not be changed (no right or wrong state).',
    zh: '设置状态失败（无权限或状态不符）。',
    retryable: false,
    needsSignIn: false,
  },
  '100-010': {
    en: 'Sign-out is not allowed in the current state (for example during a call).',
    zh: '当前状态不允许签出（例如通话中）。',
    retryable: false,
    needsSignIn: false,
  },
  '100-019': {
    en: 'Invalid skill queue parameter.',
    zh: '技能队列参数无效。',
    retryable: false,
    needsSignIn: false,
  },
  '100-020': {
    en: 'The password has expired: change it in the agent workbench.',
    zh: '密码已过期，请在座席工作台修改。',
    retryable: false,
    needsSignIn: false,
  },
  '100-021': {
    en: 'A sign-in is already in progress.',
    zh: '签入正在进行中。',
    retryable: true,
    needsSignIn: false,
  },
  '110-016': {
    en: 'The account is locked.',
    zh: '账号已被锁定。',
    retryable: false,
    needsSignIn: false,
  },
  '105-001': {
    en: 'The gateway lost session data during recovery: sign in again.',
    zh: '网关恢复中会话数据丢失，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '105-002': {
    en: 'The gateway is recovering from a switchover.',
    zh: '网关正在容灾恢复。',
    retryable: false,
    needsSignIn: true,
  },
  '105-003': {
    en: 'The gateway switched over: sign in again.',
    zh: '网关已容灾切换，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '105-004': {
    en: 'The gateway switched over: sign in again.',
    zh: '网关已容灾切换，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '105-005': {
    en: 'The gateway switched over: sign in again.',
    zh: '网关已容灾切换，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '105-006': {
    en: 'The gateway switched over: sign in again.',
    zh: '网关已容灾切换，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '105-007': {
    en: 'The session key does not match after a switchover: sign in again.',
    zh: '容灾切换后会话标识不匹配，请重新签入。',
    retryable: false,
    needsSignIn: true,
  },
  '200-001': {
    en: 'The call is not available (it may have ended or been taken).',
    zh: '呼叫不可用（可能已结束或被接走）。',
    retryable: false,
    needsSignIn: false,
  },
  '200-002': {
    en: 'The call or agent is in the wrong state for this request.',
    zh: '呼叫或座席状态不符。',
    retryable: false,
    needsSignIn: false,
  },
  '300-001': {
    en: 'No right to query this agent group.',
    zh: '无权查询该座席组。',
    retryable: false,
    needsSignIn: false,
  },
  '300-002': { en: 'No such agent.', zh: '座席不存在。', retryable: false, needsSignIn: false },
  '300-003': {
    en: 'No such agent group.',
    zh: '座席组不存在。',
    retryable: false,
    needsSignIn: false,
  },
  '400-001': {
    en: 'The call data query failed.',
    zh: '呼叫数据查询失败。',
    retryable: true,
    needsSignIn: false,
  },
  '600-001': {
    en: 'The queue query failed.',
    zh: '队列查询失败。',
    retryable: true,
    needsSignIn: false,
  },
  '900-001': {
    en: 'The call platform is not available for quality control.',
    zh: '质检：CTI 服务不可用。',
    retryable: true,
    needsSignIn: false,
  },
  '900-002': {
    en: 'You have no permission to inspect this agent.',
    zh: '质检：无权限质检该座席。',
    retryable: false,
    needsSignIn: false,
  },
  '900-003': {
    en: 'The agent is not available (not signed in or not reachable).',
    zh: '质检：座席不可用（未签入或不可达）。',
    retryable: false,
    needsSignIn: false,
  },
  '900-004': {
    en: 'No information about this agent for monitoring.',
    zh: '质检：无该座席的监控信息。',
    retryable: false,
    needsSignIn: false,
  },
  '900-005': {
    en: 'Wrong state: you must be idle to start, or the agent is in a state that does not allow it.',
    zh: '质检：状态错误（需空闲状态，或座席状态不允许）。',
    retryable: false,
    needsSignIn: false,
  },
  '999-001': {
    en: 'The gateway is misconfigured.',
    zh: '网关配置无效。',
    retryable: false,
    needsSignIn: false,
  },
} as const satisfies Record<string, RetcodeInfo>;

/** Codes that mean "session gone": any 105-xxx counts too, even ones not listed above. */
export function retcodeNeedsSignIn(code: string): boolean {
  return (
    code.startsWith('105-') || (RETCODES as Record<string, RetcodeInfo>)[code]?.needsSignIn === true
  );
}

/** Human description of a retcode, with a generic fallback for codes the table lacks. */
export function describeRetcode(code: string): RetcodeInfo {
  const known = (RETCODES as Record<string, RetcodeInfo>)[code];
  if (known) return known;
  if (code.startsWith('105-')) return RETCODES['105-003'];
  return {
    en: `The gateway refused the request (code ${code}).`,
    zh: `网关拒绝了请求（错误码 ${code}）。`,
    retryable: false,
    needsSignIn: false,
  };
}
