/**
 * Words for raised alerts (OS notifications), in the supervisor's language, and handing them to
 * the notifier (one each, or one summary for a burst).
 */
import type { AgentRow, AlertView, Language } from '../../../shared/domain';
import type { Notifier } from '../ports';

/** More alerts than this in one tick become one summary notification. */
const MAX_SINGLE_NOTIFICATIONS = 3;

function minutes(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function minutesZh(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} 分钟` : `${seconds} 秒`;
}

/** Title and body of one alert's notification. */
export function describeAlert(
  alert: AlertView,
  language: Language,
  agent: Pick<AgentRow, 'name'> | undefined,
  queueName: string | undefined,
): { title: string; body: string } {
  const who = agent?.name ? `${alert.target} (${agent.name})` : alert.target;
  const whoZh = agent?.name ? `${alert.target}（${agent.name}）` : alert.target;
  const limit = alert.thresholdSeconds;
  const zh = language === 'zh-CN';
  switch (alert.kind) {
    case 'long-call':
      return zh
        ? { title: `通话过长：座席 ${whoZh}`, body: `通话已超过 ${minutesZh(limit)}。` }
        : { title: `Long call: agent ${who}`, body: `On a call for more than ${minutes(limit)}.` };
    case 'long-busy':
      return zh
        ? { title: `示忙过长：座席 ${whoZh}`, body: `示忙已超过 ${minutesZh(limit)}。` }
        : { title: `Long busy: agent ${who}`, body: `Not ready for more than ${minutes(limit)}.` };
    case 'long-wrap-up':
      return zh
        ? { title: `整理过长：座席 ${whoZh}`, body: `话后整理已超过 ${minutesZh(limit)}。` }
        : {
            title: `Long wrap-up: agent ${who}`,
            body: `In wrap-up for more than ${minutes(limit)}.`,
          };
    case 'rest-budget':
    case 'busy-budget':
    case 'wrap-up-budget': {
      const what = {
        'rest-budget': ['Rest', '小休'],
        'busy-budget': ['Busy', '示忙'],
        'wrap-up-budget': ['Wrap-up', '话后整理'],
      }[alert.kind];
      return zh
        ? {
            title: `本班${what[1]}超时：座席 ${whoZh}`,
            body: `本班次${what[1]}累计已超过 ${minutesZh(limit)}。`,
          }
        : {
            title: `${what[0]} over budget: agent ${who}`,
            body: `${what[0]} this shift is over ${minutes(limit)}.`,
          };
    }
    case 'long-queue-wait': {
      const queue = queueName ?? alert.target;
      return zh
        ? { title: `排队过久：${queue}`, body: `有来电已等待超过 ${minutesZh(limit)}。` }
        : {
            title: `Long wait in queue ${queue}`,
            body: `A caller has waited more than ${minutes(limit)}.`,
          };
    }
  }
}

/** One notification summarising many alerts raised at once. */
export function describeAlertBurst(
  count: number,
  language: Language,
): { title: string; body: string } {
  return language === 'zh-CN'
    ? { title: `${count} 条新告警`, body: '请在 CC Inspector 中查看告警列表。' }
    : { title: `${count} new alerts`, body: 'Open CC Inspector to see the alert list.' };
}

/** What the notifications name besides the alert: the agent, or the queue (by skill id). */
export interface AlertSubjects {
  agent(workNo: string): Pick<AgentRow, 'name'> | undefined;
  queueName(skillId: string): string | undefined;
}

/** Notify newly raised alerts: one notification each, or one summary for a larger burst. */
export function notifyRaisedAlerts(
  notifier: Notifier,
  raised: readonly AlertView[],
  language: Language,
  subjects: AlertSubjects,
): void {
  if (raised.length === 0) return;
  if (raised.length > MAX_SINGLE_NOTIFICATIONS) {
    notifier.notify({ ...describeAlertBurst(raised.length, language), level: 'warning' });
    return;
  }
  for (const alert of raised) {
    const queueName =
      alert.kind === 'long-queue-wait' ? subjects.queueName(alert.target) : undefined;
    notifier.notify({
      ...describeAlert(alert, language, subjects.agent(alert.target), queueName),
      level: 'warning',
    });
  }
}
