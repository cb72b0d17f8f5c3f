/**
 * Why an action is refused before the network, in words a supervisor understands (English and
 * Simplified Chinese). Pure text builders used by the inspector state machine and the guards.
 */
import type { InspectorMode, SupervisorAction } from '../../../shared/domain';

export interface Refusal {
  code: 'forbidden-state' | 'not-signed-in';
  message: string;
  messageZh: string;
}

const ACTION_LABELS: Readonly<Record<SupervisorAction, { en: string; zh: string }>> = {
  listen: { en: 'listen', zh: '监听' },
  barge: { en: 'barge-in', zh: '插入' },
  whisper: { en: 'whisper', zh: '密语' },
  switch: { en: 'switch', zh: '切换' },
  'switch-to-listen': { en: 'switch to listening', zh: '切换为监听' },
  'switch-to-barge': { en: 'switch to barge-in', zh: '切换为插入' },
  'switch-to-whisper': { en: 'switch to whisper', zh: '切换为密语' },
  intercept: { en: 'intercept', zh: '拦截' },
  cancel: { en: 'cancel', zh: '取消' },
  'request-call': { en: 'take the queued call', zh: '接听排队呼叫' },
  'force-busy': { en: 'force busy', zh: '强制示忙' },
  'force-idle': { en: 'force idle', zh: '强制示闲' },
  'force-sign-out': { en: 'force sign-out', zh: '强制签出' },
};

function refuse(message: string, messageZh: string): Refusal {
  return { code: 'forbidden-state', message, messageZh };
}

/** "You are already listening to 1002" in both languages, per mode. */
function describeActivity(mode: InspectorMode, target: string | null): { en: string; zh: string } {
  const who = target ?? '?';
  switch (mode) {
    case 'listening':
      return { en: `listening to ${who}`, zh: `正在监听 ${who}` };
    case 'inserting':
      return { en: `barged in on ${who}`, zh: `正在插入 ${who}` };
    case 'whispering':
      return { en: `whispering to ${who}`, zh: `正在对 ${who} 密语` };
    case 'talking':
      return target
        ? { en: `on ${who}'s call yourself`, zh: `正在接听 ${who} 的呼叫` }
        : { en: 'on a call yourself', zh: '正在通话中' };
    case 'idle':
      return { en: 'idle', zh: '空闲' };
  }
}

/** No live session. */
export function refuseNotSignedIn(): Refusal {
  return {
    code: 'not-signed-in',
    message: 'Sign in to the gateway first.',
    messageZh: '请先签入网关。',
  };
}

/** An agent action without an agent. */
export function refuseNoTarget(): Refusal {
  return refuse('Select an agent first.', '请先选择一个座席。');
}

/** The inspector named itself as the target. */
export function refuseSelf(): Refusal {
  return refuse(
    'You cannot do this to yourself: choose another agent.',
    '不能对自己执行此操作，请选择其他座席。',
  );
}

/** The target agent is signed out. */
export function refuseTargetSignedOut(workNo: string): Refusal {
  return refuse(`Agent ${workNo} is signed out.`, `座席 ${workNo} 未签入。`);
}

/** Another request is still in flight. */
export function refusePending(pending: SupervisorAction, target: string | null): Refusal {
  const label = ACTION_LABELS[pending];
  const on = target ? ` for ${target}` : '';
  const onZh = target ? `对 ${target} 的` : '';
  return refuse(
    `Wait: the ${label.en} request${on} has not finished yet.`,
    `请稍候：${onZh}${label.zh}请求尚未完成。`,
  );
}

/** Listen / barge / whisper / take a queued call need an idle inspector. */
export function refuseBusyInspector(mode: InspectorMode, target: string | null): Refusal {
  const activity = describeActivity(mode, target);
  if (mode === 'talking') {
    return refuse(
      `You are ${activity.en} — hang up on your phone first.`,
      `您${activity.zh}，请先在话机上挂断。`,
    );
  }
  return refuse(
    `You are already ${activity.en} — cancel or switch first.`,
    `您${activity.zh}，请先取消或切换。`,
  );
}

/** Switch without an inspection. */
export function refuseSwitchWhenIdle(): Refusal {
  return refuse(
    'You are not listening to or barged in on anyone — there is nothing to switch.',
    '您当前没有监听或插入任何座席，无需切换。',
  );
}

/** Switch (listen⇄barge) while whispering. */
export function refuseSwitchWhileWhispering(target: string | null): Refusal {
  return refuse(
    `Switch toggles listening and barge-in; you are whispering to ${target ?? '?'} — use "Switch to listen" or "Switch to barge-in".`,
    `切换仅在监听与插入之间进行；您正在对 ${target ?? '?'} 密语，请使用“切换为监听”或“切换为插入”。`,
  );
}

/** Switch-to the mode the inspector is already in. */
export function refuseAlreadyInMode(mode: InspectorMode, target: string | null): Refusal {
  const activity = describeActivity(mode, target);
  return refuse(`You are already ${activity.en}.`, `您已经${activity.zh}。`);
}

/** An action that needs a running inspection. */
export function refuseNeedsInspection(action: SupervisorAction): Refusal {
  const label = ACTION_LABELS[action];
  return refuse(
    `To ${label.en}, first listen to, barge in on or whisper to the agent.`,
    `请先监听、插入或密语该座席，然后再${label.zh}。`,
  );
}

/** An inspection action while on a call of our own. */
export function refuseOnOwnCall(action: SupervisorAction): Refusal {
  if (action === 'cancel') {
    return refuse(
      'You are on the call yourself — hang up on your phone to end it.',
      '您正在通话中，请在话机上挂断以结束通话。',
    );
  }
  return refuse('You already hold this call yourself.', '您已经接管了该通话。');
}

/** Cancel while idle. */
export function refuseNothingToCancel(): Refusal {
  return refuse(
    'Nothing to cancel: you are not inspecting anyone.',
    '无需取消：您当前没有质检任何座席。',
  );
}

/** Take a queued call without naming one. */
export function refuseMissingCall(): Refusal {
  return refuse('Choose a waiting call first.', '请先选择一个排队中的呼叫。');
}
