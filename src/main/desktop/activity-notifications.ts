/**
 * Which core events deserve a desktop notification: an inspection starting, switching or
 * ending, the gateway connection lost, failed or restored, and error notices. Pure bookkeeping
 * over the event stream; the caller decides when to show them (only while the window is not
 * in front, where the screen already says it). Raised alerts are not here: the core notifies
 * those itself through the Notifier port (with agent names and burst summaries).
 */
import type { EventName, EventPayloads } from '../../shared/ipc/contract';
import type {
  ConnectionState,
  InspectionView,
  InspectorMode,
  Language,
  Notice,
} from '../../shared/domain';

export interface NotificationRequest {
  title: string;
  body: string;
  level: Notice['level'];
}

interface Words {
  title: string;
  started: (mode: InspectorMode, target: string) => string;
  ended: (target: string) => string;
  lost: string;
  restored: string;
  failed: (reason: string) => string;
}

const EN: Words = {
  title: 'CC Inspector',
  started: (mode, target) =>
    ({
      idle: 'Idle',
      listening: `Listening to ${target}`,
      inserting: `Barged in on ${target}`,
      whispering: `Whispering to ${target}`,
      talking: `On the call of ${target}`,
    })[mode],
  ended: (target) => `Left the call of ${target}`,
  lost: 'Connection to the gateway lost; reconnecting…',
  restored: 'Connection to the gateway restored',
  failed: (reason) => `Not connected: ${reason}`,
};

const ZH: Words = {
  title: 'CC Inspector',
  started: (mode, target) =>
    ({
      idle: '空闲',
      listening: `正在监听 ${target}`,
      inserting: `已插入 ${target} 的通话`,
      whispering: `正在对 ${target} 耳语`,
      talking: `正在接听 ${target} 的通话`,
    })[mode],
  ended: (target) => `已退出 ${target} 的通话`,
  lost: '与网关的连接已断开，正在重新连接…',
  restored: '与网关的连接已恢复',
  failed: (reason) => `未连接：${reason}`,
};

export interface ActivityWatcher {
  /** Take in one core event; returns the notifications it deserves. */
  observe<E extends EventName>(name: E, payload: EventPayloads[E]): NotificationRequest[];
}

/** Create a watcher; `language` is read at each event so a settings change applies at once. */
export function createActivityWatcher(language: () => Language): ActivityWatcher {
  let inspection: InspectionView | null = null;
  let phase: ConnectionState['phase'] = 'signed-out';

  const onInspection = (next: InspectionView, words: Words): NotificationRequest[] => {
    const before = inspection;
    inspection = next;
    const beforeMode = before?.mode ?? 'idle';
    if (beforeMode === next.mode) return [];
    const target = next.targetWorkNo ?? next.callId ?? before?.targetWorkNo ?? '';
    if (next.mode === 'idle')
      return [
        { title: words.title, body: words.ended(before?.targetWorkNo ?? target), level: 'info' },
      ];
    return [{ title: words.title, body: words.started(next.mode, target), level: 'info' }];
  };

  const onConnection = (next: ConnectionState, words: Words): NotificationRequest[] => {
    const before = phase;
    phase = next.phase;
    if (next.phase === 'reconnecting' && before === 'live')
      return [{ title: words.title, body: words.lost, level: 'warning' }];
    if (next.phase === 'live' && before === 'reconnecting')
      return [{ title: words.title, body: words.restored, level: 'info' }];
    if (next.phase === 'failed' && before !== 'failed') {
      const reason = language() === 'zh-CN' ? next.reasonZh : next.reason;
      return [{ title: words.title, body: words.failed(reason), level: 'error' }];
    }
    return [];
  };

  return {
    observe(name, payload) {
      const words = language() === 'zh-CN' ? ZH : EN;
      switch (name) {
        case 'inspection.changed':
          return onInspection(payload as InspectionView, words);
        case 'connection.changed':
          return onConnection(payload as ConnectionState, words);
        case 'notice': {
          const notice = payload as Notice;
          if (notice.level !== 'error') return [];
          return [
            {
              title: words.title,
              body: language() === 'zh-CN' ? notice.messageZh : notice.message,
              level: 'error',
            },
          ];
        }
        default:
          return [];
      }
    },
  };
}
