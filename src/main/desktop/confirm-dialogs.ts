/**
 * The questions only the person may answer (the core's PersonConfirmation port), as native
 * message boxes of the main process: the renderer can neither show nor answer them. The safe
 * answer is the default and what Escape gives. How a box is shown (in front of other apps,
 * attached to the window when it is on screen) is `ask`'s business: tray/tray-confirmation.ts.
 */
import type { MessageBoxOptions } from 'electron';
import type { Language } from '../../shared/domain';
import { toDisplayText } from '../../shared/display-text';
import type {
  CertificateLook,
  DestructiveRequest,
  PersonConfirmation,
  TrustChange,
} from '../supervisor/ports';

export interface ConfirmDialogOptions {
  /** Show the box; true when the person chose its first button. */
  ask: (box: MessageBoxOptions) => Promise<boolean>;
  language: () => Language;
}

const TRUST_WORDS = {
  en: {
    message: 'Sign in again with the changed gateway settings?',
    gateway: 'Gateway',
    inspector: 'Inspector',
    trust: {
      system: 'the system’s certificate store',
      'private-ca': 'a private CA',
      pin: 'a pinned certificate',
    },
    trustedBy: 'Trusted through',
    fingerprint: 'SHA-256 fingerprint',
    advice:
      'The gateway address or its certificate trust was changed, so you were signed out. Continue only if this matches what your IT department gave you; otherwise type your password again after checking the settings.',
    buttons: ['Sign in again', 'Not now'],
    presents: 'The gateway presents now',
    subject: 'Issued to',
    issuer: 'Issued by',
    validUntil: 'Valid until',
    matches: 'The changed settings accept this certificate.',
    systemDecides: 'The system’s certificate store decides at sign-in whether it is trusted.',
    notSeen: (problem: string) =>
      `The certificate the gateway presents could not be read (${problem}): check the settings with your IT department before you continue.`,
    mismatch: 'The gateway’s certificate does not match the changed settings',
    mismatchAdvice:
      'Signing in with these settings would be refused, so it is not offered. Check the pin or CA with your IT department, then sign in with your password.',
    mismatchButtons: ['OK'],
  },
  zh: {
    message: '使用更改后的网关设置重新签入？',
    gateway: '网关',
    inspector: '质检员',
    trust: { system: '系统证书库', 'private-ca': '私有 CA', pin: '固定的证书' },
    trustedBy: '信任方式',
    fingerprint: 'SHA-256 指纹',
    advice:
      '网关地址或其证书信任设置已更改，您已被签出。仅当其与 IT 部门提供的信息一致时才继续；否则请检查设置后重新输入密码。',
    buttons: ['重新签入', '暂不'],
    presents: '网关当前出示的证书',
    subject: '颁发给',
    issuer: '颁发者',
    validUntil: '有效期至',
    matches: '更改后的设置接受此证书。',
    systemDecides: '是否信任由系统证书库在签入时决定。',
    notSeen: (problem: string) =>
      `无法读取网关出示的证书（${problem}）：继续前请与 IT 部门核对设置。`,
    mismatch: '网关的证书与更改后的设置不符',
    mismatchAdvice:
      '使用这些设置签入将被拒绝，因此不提供签入。请与 IT 部门核对固定指纹或 CA，然后输入密码签入。',
    mismatchButtons: ['确定'],
  },
} as const;

const DESTRUCTIVE_WORDS = {
  en: {
    intercept: 'Take over the agent’s call?',
    'force-sign-out': 'Sign the agent out?',
    agent: 'Agent',
    from: { hotkey: 'Started with a global hotkey.', tray: 'Started from the tray.' },
    buttons: { intercept: ['Intercept', 'Cancel'], 'force-sign-out': ['Sign out', 'Cancel'] },
  },
  zh: {
    intercept: '接管该座席的通话？',
    'force-sign-out': '强制签出该座席？',
    agent: '座席',
    from: { hotkey: '由全局快捷键触发。', tray: '由托盘菜单触发。' },
    buttons: { intercept: ['拦截', '取消'], 'force-sign-out': ['签出', '取消'] },
  },
} as const;

/** Untrusted words from the server's certificate, as one safe line. */
const certificateText = (text: string): string => toDisplayText(text, 200);

/** What the gateway presents now, as the box's lines (none when nothing looked). */
function presentedLines(
  presented: CertificateLook | null,
  words: (typeof TRUST_WORDS)[keyof typeof TRUST_WORDS],
): string[] {
  if (presented === null) return [];
  if (!presented.seen) return ['', words.notSeen(certificateText(presented.problem))];
  return [
    '',
    `${words.presents}: ${presented.fingerprint}`,
    `${words.subject}: ${certificateText(presented.subject)}`,
    `${words.issuer}: ${certificateText(presented.issuer)}`,
    `${words.validUntil}: ${presented.validTo}`,
    presented.verdict === 'matches'
      ? words.matches
      : presented.verdict === 'system-decides'
        ? words.systemDecides
        : certificateText(presented.reason),
  ];
}

/** Whether the box may offer to sign in again: not when the new trust refuses what is presented. */
export function offersSignIn(change: TrustChange): boolean {
  return !(change.presented?.seen === true && change.presented.verdict === 'does-not-match');
}

/**
 * The message box of a trust change (exported for tests): the question, or — when the new
 * trust refuses the certificate the gateway presents — only the news, with a single OK.
 */
export function trustChangeBox(change: TrustChange, language: Language): MessageBoxOptions {
  const words = TRUST_WORDS[language === 'zh-CN' ? 'zh' : 'en'];
  const question = offersSignIn(change);
  const lines = [
    `${words.gateway}: ${toDisplayText(change.gatewayUrl, 256)}`,
    `${words.inspector}: ${change.inspectorId}`,
    `${words.trustedBy}: ${words.trust[change.trust]}`,
    ...(change.fingerprint ? [`${words.fingerprint}: ${change.fingerprint}`] : []),
    ...presentedLines(change.presented, words),
    '',
    question ? words.advice : words.mismatchAdvice,
  ];
  return {
    type: question ? 'warning' : 'error',
    message: question ? words.message : words.mismatch,
    detail: lines.join('\n'),
    buttons: question ? [...words.buttons] : [...words.mismatchButtons],
    defaultId: question ? 1 : 0,
    cancelId: question ? 1 : 0,
    noLink: true,
  };
}

/** The message box of an intercept or force sign-out (exported for tests). */
export function destructiveBox(request: DestructiveRequest, language: Language): MessageBoxOptions {
  const words = DESTRUCTIVE_WORDS[language === 'zh-CN' ? 'zh' : 'en'];
  const agent = request.workNo ? `${words.agent} ${toDisplayText(request.workNo)}. ` : '';
  return {
    type: 'warning',
    message: words[request.action],
    detail: `${agent}${words.from[request.source]}`,
    buttons: [...words.buttons[request.action]],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** The message box before an update restarts the app (exported for tests). */
export function installUpdateBox(version: string, language: Language): MessageBoxOptions {
  const zh = language === 'zh-CN';
  return {
    type: 'question',
    message: zh
      ? `现在重启并安装 CC Inspector ${toDisplayText(version, 32)}？`
      : `Restart now and install CC Inspector ${toDisplayText(version, 32)}?`,
    detail: zh
      ? 'CC Inspector 将关闭几秒钟后重新启动。选择“稍后”则在退出时安装。'
      : 'CC Inspector closes for a few seconds and starts again. Choose Later to install it when you quit.',
    buttons: zh ? ['重启并安装', '稍后'] : ['Restart and install', 'Later'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** The PersonConfirmation port over native message boxes. */
export function createConfirmDialogs(options: ConfirmDialogOptions): PersonConfirmation {
  return {
    async confirmTrustChange(change) {
      const answer = await options.ask(trustChangeBox(change, options.language()));
      // The news-only box has one button: whatever closes it, nothing signs in.
      return offersSignIn(change) && answer;
    },
    confirmDestructive: (request) => options.ask(destructiveBox(request, options.language())),
    confirmInstallUpdate: (version) => options.ask(installUpdateBox(version, options.language())),
  };
}
