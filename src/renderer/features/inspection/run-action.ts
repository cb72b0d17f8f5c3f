/**
 * Sends one supervisor action to main and reports the outcome: the inspection it returns goes
 * into the store, a refusal becomes an error toast with the gateway's words and retcode.
 */
import type { Bridge } from '../../bridge';
import type { CommandError, Result } from '../../../shared/ipc/contract';
import type { InspectionView, SupervisorAction } from '../../../shared/domain';
import type { AppStore } from '../../store/app-store';

export type AgentAction = Exclude<SupervisorAction, 'request-call'>;

function sendAction(
  bridge: Bridge,
  action: AgentAction,
  workNo: string | null,
): Promise<Result<InspectionView | null>> {
  const agent = { workNo: workNo ?? '' };
  switch (action) {
    case 'listen':
      return bridge.invoke('inspection.listen', agent);
    case 'barge':
      return bridge.invoke('inspection.barge', agent);
    case 'whisper':
      return bridge.invoke('inspection.whisper', agent);
    case 'switch':
      return bridge.invoke('inspection.switch', {});
    case 'switch-to-listen':
      return bridge.invoke('inspection.switchTo', { mode: 'listen' });
    case 'switch-to-barge':
      return bridge.invoke('inspection.switchTo', { mode: 'insert' });
    case 'switch-to-whisper':
      return bridge.invoke('inspection.switchTo', { mode: 'whisper' });
    case 'intercept':
      return bridge.invoke('inspection.intercept', {});
    case 'cancel':
      return bridge.invoke('inspection.cancel', {});
    case 'force-busy':
      return bridge.invoke('agents.forceBusy', agent);
    case 'force-idle':
      return bridge.invoke('agents.forceIdle', agent);
    case 'force-sign-out':
      return bridge.invoke('agents.forceSignOut', agent);
  }
}

/** Show a command failure as a sticky error toast in the user's language with its retcode. */
export function reportCommandError(store: AppStore, error: CommandError): void {
  store.pushToast({
    level: 'error',
    text: { en: error.message, zh: error.messageZh },
    retcode: error.retcode,
  });
}

/** Run `action` (on `workNo` for agent actions); resolves true when main accepted it. */
export async function runAction(
  bridge: Bridge,
  store: AppStore,
  action: AgentAction,
  workNo: string | null,
): Promise<boolean> {
  const result = await sendAction(bridge, action, workNo);
  if (!result.ok) {
    reportCommandError(store, result.error);
    return false;
  }
  if (result.value !== null) store.applyInspection(result.value);
  else
    store.pushToast({
      level: 'success',
      text: { key: `actions.done.${action}`, params: { workNo: workNo ?? '' } },
    });
  return true;
}
