/**
 * Words of the tray menu and tooltip in each supported language. The renderer has its own
 * i18n; the tray lives in main, so it carries its own small table.
 */
import type { InspectorMode, Language, QcMode } from '../../../shared/domain';

export interface TrayLabels {
  appName: string;
  signedOut: string;
  signingIn: string;
  reconnecting: (attempt: number) => string;
  failed: string;
  liveIdle: (inspectorId: string, demo: boolean) => string;
  /** "Listening to 1001 Alice · 02:13" */
  inspecting: (mode: InspectorMode, target: string, elapsed: string) => string;
  working: string;
  switchListenBarge: string;
  switchTo: string;
  modes: Record<QcMode, string>;
  intercept: string;
  cancel: string;
  focusAgent: (agent: string) => string;
  noFocusAgent: string;
  listen: string;
  barge: string;
  whisper: string;
  longestCalls: string;
  noCalls: string;
  /** Tooltip line: "Longest call: 1001 Alice — 12:34" */
  longestCall: (agent: string, elapsed: string) => string;
  signIn: string;
  signOut: string;
  openWindow: string;
  openWallboard: string;
  openLogs: string;
  quit: string;
  coaching: {
    /** "Note to 1001 Alice" */
    noteTo: (agent: string) => string;
    writeNote: string;
    /** "Following 1001 · 2 calls left" */
    following: (workNo: string, callsLeft: number | null) => string;
    stopFollowing: string;
  };
}

const en: TrayLabels = {
  appName: 'CC Inspector',
  signedOut: 'Signed out',
  signingIn: 'Signing in…',
  reconnecting: (attempt) => `Reconnecting… (attempt ${attempt})`,
  failed: 'Not connected',
  liveIdle: (inspectorId, demo) => `Idle · inspector ${inspectorId}${demo ? ' (demo)' : ''}`,
  inspecting: (mode, target, elapsed) => {
    const verb: Record<InspectorMode, string> = {
      idle: 'Idle',
      listening: 'Listening to',
      inserting: 'Barged in on',
      whispering: 'Whispering to',
      talking: 'On a call from',
    };
    return `${verb[mode]} ${target}${elapsed ? ` · ${elapsed}` : ''}`;
  },
  working: 'Working…',
  switchListenBarge: 'Switch listen ⇄ barge',
  switchTo: 'Switch to',
  modes: { listen: 'Listen', insert: 'Barge', whisper: 'Whisper' },
  intercept: 'Intercept (take over the call)',
  cancel: 'Leave the call',
  focusAgent: (agent) => `Agent ${agent}`,
  noFocusAgent: 'No agent selected',
  listen: 'Listen',
  barge: 'Barge in',
  whisper: 'Whisper',
  longestCalls: 'Longest calls',
  noCalls: 'No calls right now',
  longestCall: (agent, elapsed) => `Longest call: ${agent} — ${elapsed}`,
  signIn: 'Sign in…',
  signOut: 'Sign out',
  openWindow: 'Open CC Inspector',
  openWallboard: 'Open wallboard',
  openLogs: 'Open logs folder',
  quit: 'Quit CC Inspector',
  coaching: {
    noteTo: (agent) => `Note to ${agent}`,
    writeNote: 'Write a note…',
    following: (workNo, callsLeft) =>
      `Following ${workNo}${callsLeft === null ? '' : ` · ${callsLeft} call${callsLeft === 1 ? '' : 's'} left`}`,
    stopFollowing: 'Stop following',
  },
};

const zh: TrayLabels = {
  appName: 'CC Inspector',
  signedOut: '未登录',
  signingIn: '正在登录…',
  reconnecting: (attempt) => `正在重新连接…（第 ${attempt} 次）`,
  failed: '未连接',
  liveIdle: (inspectorId, demo) => `空闲 · 质检员 ${inspectorId}${demo ? '（演示）' : ''}`,
  inspecting: (mode, target, elapsed) => {
    const verb: Record<InspectorMode, string> = {
      idle: '空闲',
      listening: '正在监听',
      inserting: '正在插入',
      whispering: '正在耳语',
      talking: '正在通话',
    };
    return `${verb[mode]} ${target}${elapsed ? ` · ${elapsed}` : ''}`;
  },
  working: '处理中…',
  switchListenBarge: '切换 监听 ⇄ 插入',
  switchTo: '切换到',
  modes: { listen: '监听', insert: '插入', whisper: '耳语' },
  intercept: '拦截（接管通话）',
  cancel: '退出质检',
  focusAgent: (agent) => `座席 ${agent}`,
  noFocusAgent: '未选择座席',
  listen: '监听',
  barge: '插入',
  whisper: '耳语',
  longestCalls: '通话时长最长',
  noCalls: '当前没有通话',
  longestCall: (agent, elapsed) => `最长通话：${agent} — ${elapsed}`,
  signIn: '登录…',
  signOut: '签出',
  openWindow: '打开 CC Inspector',
  openWallboard: '打开大屏',
  openLogs: '打开日志文件夹',
  quit: '退出 CC Inspector',
  coaching: {
    noteTo: (agent) => `发便签给 ${agent}`,
    writeNote: '写便签…',
    following: (workNo, callsLeft) =>
      `正在跟听 ${workNo}${callsLeft === null ? '' : ` · 还剩 ${callsLeft} 通`}`,
    stopFollowing: '停止跟听',
  },
};

/** Tray words for the user's language. */
export function selectTrayLabels(language: Language): TrayLabels {
  return language === 'zh-CN' ? zh : en;
}
