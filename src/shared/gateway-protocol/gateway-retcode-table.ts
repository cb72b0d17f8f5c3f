/**
 * Every CC-Gateway `retcode` on Huawei's error-code pages, with the recovery class the project
 * gives it and a short explanation in English and Simplified Chinese (our own wording).
 *
 * Sources: the error-code page cec_07_0580 (en + zh, api-cec / api-ccfs-cec; it lists 000-001…
 * 000-007, 100-001…100-021, 110-016 and 105-001…105-007) and, for the families that page only
 * names (110-, 200-, 300-, 400-, 500-, 600-, 900-, 999-), the `ResultCode` table of Huawei's
 * public agent demo JavaScript (ccgateway-api.md §13). Classes: docs/decisions/gateway-client.md.
 */

/**
 * - `refusal`: the gateway refused this request for a reason the request or the state carries:
 *   explain it, do not repeat it;
 * - `retry-later`: a passing condition of the gateway: back off and try again, keep the session;
 * - `session-lost`: the session is gone or unusable: sign in again;
 * - `fatal-sign-in`: the sign-in cannot succeed until a person fixes something (password,
 *   phone number, account, configuration): stop and say what.
 */
export type RetcodeClass = 'refusal' | 'retry-later' | 'session-lost' | 'fatal-sign-in';

/** [class, English, Chinese] */
export type RetcodeRow = readonly [RetcodeClass, string, string];

export const RETCODE_TABLE = {
  // General (000-xxx), cec_07_0580.
  '000-001': ['refusal', 'Wrong request method for this interface.', '该接口的请求方法不正确。'],
  '000-002': [
    'refusal',
    'A value in the address is invalid or out of range for this gateway.',
    '地址中的参数无效或超出该网关的取值范围。',
  ],
  '000-003': [
    'session-lost',
    'Not authorised: the session key is invalid or has expired.',
    '无权调用：会话标识无效或已失效。',
  ],
  '000-004': [
    'retry-later',
    'Your session is being moved to another gateway node: try again shortly.',
    '座席正在切换网关节点，请稍后重试。',
  ],
  '000-005': ['refusal', 'You cannot inspect yourself.', '不能对自己进行质检。'],
  '000-006': ['refusal', 'A value in the request body is invalid.', '消息体中的参数有误。'],
  '000-007': [
    'retry-later',
    'The same request is still being processed.',
    '相同的请求仍在处理中。',
  ],
  // Signing in and out (100-xxx), cec_07_0580.
  '100-001': ['fatal-sign-in', 'The sign-in data is missing or invalid.', '签入参数缺失或无效。'],
  '100-002': [
    'fatal-sign-in',
    'This agent is already signed in elsewhere (a forced sign-in takes over).',
    '该座席已在别处签入（可强制签入接管）。',
  ],
  '100-003': [
    'retry-later',
    'The call platform (CTI) is not available for sign-in right now.',
    '签入时呼叫平台（CTI）暂不可用。',
  ],
  '100-004': ['fatal-sign-in', 'Wrong agent ID or password.', '座席工号或密码错误。'],
  '100-005': ['refusal', 'The sign-out data is invalid.', '签出参数无效。'],
  '100-006': [
    'session-lost',
    'Not signed in: the gateway session has ended.',
    '座席未签入：网关会话已结束。',
  ],
  '100-007': [
    'retry-later',
    'The gateway hit an internal error (or could not reach its backend).',
    '网关内部错误（或无法访问后台服务）。',
  ],
  '100-008': ['refusal', 'The agent is already signed out.', '座席已经签出。'],
  '100-009': [
    'refusal',
    'The agent state is wrong for this request, or the state may not be set.',
    '座席状态不符合要求，或无权设置该状态。',
  ],
  '100-010': [
    'refusal',
    'Signing out is not possible in the current state (for example during a call).',
    '当前状态不能签出（例如通话中）。',
  ],
  '100-011': [
    'fatal-sign-in',
    'The gateway refused a sign-in parameter.',
    '网关拒绝了某个签入参数。',
  ],
  '100-012': [
    'fatal-sign-in',
    'The agent type sent at sign-in is not accepted for this account.',
    '签入时的座席类型不被该账号接受。',
  ],
  '100-013': [
    'fatal-sign-in',
    'The phone number is not valid for binding to this agent.',
    '绑定的电话号码无效。',
  ],
  '100-014': [
    'fatal-sign-in',
    'The phone number is outside the range configured for this agent.',
    '电话号码不在该座席配置的号码范围内。',
  ],
  '100-015': [
    'fatal-sign-in',
    'The agent is signed in elsewhere and that session may not be forced out.',
    '座席已在别处签入，且不允许被强制签出。',
  ],
  '100-016': [
    'fatal-sign-in',
    'The IP address sent at sign-in is not valid.',
    '签入时携带的 IP 地址无效。',
  ],
  '100-017': [
    'fatal-sign-in',
    'The portal (uPortal) refused the sign-in.',
    '门户（uPortal）鉴权未通过。',
  ],
  '100-018': [
    'fatal-sign-in',
    "The agent's VDN does not match the VDN of the voice service.",
    '座席所属 VDN 与放音的 VDN 不一致。',
  ],
  '100-019': ['refusal', 'The skill queue parameter is invalid.', '技能队列查询参数无效。'],
  '100-020': [
    'fatal-sign-in',
    'The password has expired: change it in the agent workbench.',
    '座席密码已过期，请在座席工作台修改。',
  ],
  '100-021': [
    'retry-later',
    'A sign-in for this agent is already in progress.',
    '该座席正在签入中。',
  ],
  // Disaster recovery (105-xxx), cec_07_0580: only 105-005…007 ask for a new sign-in.
  '105-001': [
    'session-lost',
    'The gateway holds no session data for this agent: sign in again.',
    '网关缓存中没有该座席的信息，请重新签入。',
  ],
  '105-002': [
    'retry-later',
    'The gateway is restoring sessions after a disaster-recovery switchover: try again shortly.',
    '网关正在进行容灾恢复，请稍后重试。',
  ],
  '105-003': [
    'retry-later',
    'The gateway has just finished a disaster-recovery restore: try again.',
    '网关容灾恢复刚完成，请重试。',
  ],
  '105-004': [
    'retry-later',
    'The gateway could not queue this agent for disaster recovery: try again shortly.',
    '网关未能将座席加入容灾恢复队列，请稍后重试。',
  ],
  '105-005': [
    'session-lost',
    'Disaster recovery timed out: sign in again.',
    '等待容灾恢复超时，需要重新签入。',
  ],
  '105-006': [
    'session-lost',
    'The session key does not match after disaster recovery: sign in again.',
    '容灾恢复后会话标识不匹配，需要重新签入。',
  ],
  '105-007': [
    'session-lost',
    'Disaster recovery is not enabled on the gateway: sign in again.',
    '网关未开启容灾，需要重新签入。',
  ],
  // Accounts and passwords (110-xxx): cec_07_0580 (110-016) and the demo ResultCode table.
  '110-002': ['refusal', 'The password could not be changed.', '密码修改失败。'],
  '110-003': ['refusal', 'The old password is wrong.', '旧密码错误。'],
  '110-004': ['retry-later', 'The password could not be looked up.', '密码查询失败。'],
  '110-005': [
    'fatal-sign-in',
    'No password is set for the call-platform sign-in.',
    '呼叫平台签入信息中的密码为空。',
  ],
  '110-006': [
    'retry-later',
    'The gateway could not read the authentication mode.',
    '网关无法查询鉴权模式。',
  ],
  '110-007': [
    'fatal-sign-in',
    'The password was refused by the call platform.',
    '呼叫平台密码鉴权失败。',
  ],
  '110-008': ['retry-later', 'The gateway could not read its database.', '网关查询数据库失败。'],
  '110-009': [
    'fatal-sign-in',
    'No call-platform account exists for this agent.',
    '该座席没有呼叫平台账号记录。',
  ],
  '110-010': ['retry-later', 'The user name could not be looked up.', '用户名查询失败。'],
  '110-011': [
    'retry-later',
    'The authentication mode could not be looked up.',
    '鉴权模式查询失败。',
  ],
  '110-012': ['retry-later', 'The agent could not be looked up.', '座席查询失败。'],
  '110-016': [
    'fatal-sign-in',
    'The account is locked: ask the administrator to unlock it.',
    '账号已被锁定，请联系管理员解锁。',
  ],
  '110-017': [
    'refusal',
    'The new password is the same as the old one.',
    '新密码不能与旧密码相同。',
  ],
  '110-018': [
    'refusal',
    'The new password may not be the user name or its reverse.',
    '新密码不能与用户名相同或为其倒序。',
  ],
  '110-019': [
    'refusal',
    'The new password does not meet the password rules.',
    '新密码不符合密码规则。',
  ],
  '110-020': [
    'refusal',
    'The new password must be 8 to 30 characters long.',
    '新密码长度须为 8 至 30 个字符。',
  ],
  '110-021': [
    'fatal-sign-in',
    'Too many failed sign-ins: the account is locked.',
    '用户名或密码错误次数过多，账号已锁定。',
  ],
  '110-022': [
    'refusal',
    'The new password and its confirmation differ.',
    '新密码与确认密码不一致。',
  ],
  // Voice calls (200-xxx): demo ResultCode table.
  '200-001': ['refusal', 'The number to call is not valid.', '外呼号码错误。'],
  '200-002': ['refusal', 'There is no call to answer.', '应答时没有呼叫。'],
  '200-003': ['refusal', 'There is no call to mute.', '静音时没有呼叫。'],
  '200-004': ['refusal', 'The call cannot be muted in its state.', '呼叫状态不允许静音。'],
  '200-005': ['refusal', 'There is no call to connect.', '连接保持时没有呼叫。'],
  '200-006': ['refusal', 'There is no held call to connect.', '连接保持时没有保持的呼叫。'],
  '200-007': ['refusal', 'There is no call to unmute.', '取消静音时没有呼叫。'],
  '200-008': ['refusal', 'The call cannot be unmuted in its state.', '呼叫状态不允许取消静音。'],
  '200-009': ['refusal', 'There is no call to play a report to.', '报音时没有呼叫。'],
  '200-010': ['refusal', 'There is no call for a three-party call.', '三方通话时没有呼叫。'],
  '200-011': [
    'refusal',
    'There is no held call for a three-party call.',
    '三方通话时没有保持的呼叫。',
  ],
  '200-012': ['refusal', 'There is no call to transfer.', '转移时没有呼叫。'],
  '200-013': ['refusal', 'There is no call to hold.', '保持时没有呼叫。'],
  '200-014': ['refusal', 'The call cannot be held in its state.', '呼叫状态不允许保持。'],
  '200-015': ['refusal', 'There is no held call to take back.', '取保持时没有保持的呼叫。'],
  '200-016': [
    'refusal',
    'The held call cannot be taken back in its state.',
    '呼叫状态不允许取保持。',
  ],
  '200-017': ['refusal', 'There is no call to release.', '挂断时没有呼叫。'],
  '200-018': ['refusal', 'There is no call to consult on.', '内部咨询时没有呼叫。'],
  // Agent groups (300-xxx): demo ResultCode table.
  '300-001': ['refusal', 'You have no right to read these agents.', '无权查询这些座席的信息。'],
  '300-002': ['refusal', 'No such agent.', '没有该座席的信息。'],
  '300-003': ['refusal', 'No such agent in the group query.', '座席班组查询中没有该座席。'],
  '300-004': ['refusal', 'No such agent group.', '没有该座席班组。'],
  // Call data (400-xxx): demo ResultCode table.
  '400-001': ['refusal', 'There is no call to attach data to.', '设置随路数据时没有呼叫。'],
  '400-002': ['refusal', 'There is no data to attach.', '没有可设置的随路数据。'],
  '400-003': ['refusal', 'There is no held call.', '没有保持中的呼叫。'],
  // Recording and playback (500-xxx): demo ResultCode table.
  '500-001': ['refusal', 'Cannot rewind in the current state.', '当前状态不能快退。'],
  '500-002': ['refusal', 'Cannot fast-forward in the current state.', '当前状态不能快进。'],
  '500-003': ['refusal', 'Cannot pause playback in the current state.', '当前状态不能暂停放音。'],
  '500-004': ['refusal', 'Cannot pause recording in the current state.', '当前状态不能暂停录音。'],
  '500-005': ['refusal', 'Cannot resume playback in the current state.', '当前状态不能继续放音。'],
  '500-006': ['refusal', 'Cannot resume recording in the current state.', '当前状态不能继续录音。'],
  '500-007': ['refusal', 'Cannot start playback in the current state.', '当前状态不能开始放音。'],
  '500-008': ['refusal', 'Cannot start recording in the current state.', '当前状态不能开始录音。'],
  '500-009': ['refusal', 'Cannot stop playback in the current state.', '当前状态不能停止放音。'],
  // Queue devices (600-xxx): demo ResultCode table.
  '600-001': [
    'refusal',
    'The agent has no skill queues (or is unknown).',
    '座席没有配置技能队列（或座席不存在）。',
  ],
  '600-002': ['refusal', 'The VDN has no skill queues configured.', '该 VDN 没有配置技能队列。'],
  '600-003': ['refusal', 'The VDN has no access codes configured.', '该 VDN 没有配置接入码。'],
  '600-004': ['refusal', 'The VDN has no IVR configured.', '该 VDN 没有配置 IVR。'],
  '600-005': [
    'refusal',
    'Your VDN has no skill queues configured.',
    '您所在 VDN 没有配置技能队列。',
  ],
  // Real-time quality control (900-xxx): demo ResultCode table; meanings in ccgateway-api.md §10.
  '900-001': [
    'retry-later',
    'The call platform is not available for quality control right now.',
    '质检时呼叫平台暂不可用。',
  ],
  '900-002': [
    'refusal',
    'You have no quality-control right for this agent.',
    '您无权对该座席进行质检。',
  ],
  '900-003': [
    'refusal',
    'The agent is not available (not signed in or not reachable).',
    '该座席不可用（未签入或无法接通）。',
  ],
  '900-004': [
    'refusal',
    'The gateway has no information about this agent for monitoring.',
    '网关没有该座席的监控信息。',
  ],
  '900-005': [
    'refusal',
    'Wrong state: you must be idle to start, or the agent is in a state that does not allow it.',
    '状态不符：开始质检需要空闲，或座席当前状态不允许。',
  ],
  // Gateway configuration, demo ResultCode table.
  '999-001': [
    'fatal-sign-in',
    'The gateway is misconfigured (backend address): ask the administrator.',
    '网关配置错误（后台地址），请联系管理员。',
  ],
} as const satisfies Record<string, RetcodeRow>;
