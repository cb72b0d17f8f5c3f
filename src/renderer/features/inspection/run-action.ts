/**
 * Sends one supervisor action to main and reports the outcome: the inspection it returns goes
 * into the store, a refusal becomes an error toast with the gateway's words and retcode.
 */
import type { Bridge } from '../../bridge';
import type { CommandError, Result } from '../../../shared/ipc/contract';
import type { InspectionView, SupervisorAction } from '../../../shared/domain';
import {
  AGENT_ACTION_COMMANDS,
  COMMAND_OF_ACTION,
  CURRENT_ACTION_COMMANDS,
  isAgentAction,
  isSwitchToAction,
  qcOfSwitchTo,
} from '../../../shared/inspection-vocabulary';
import type { AppStore } from '../../store/app-store';

export type AgentAction = Exclude<SupervisorAction, 'request-call'>;

function sendAction(
  bridge: Bridge,
  action: AgentAction,
  workNo: string | null,
): Promise<Result<InspectionView | null>> {
  if (isSwitchToAction(action))
    return bridge.invoke(COMMAND_OF_ACTION[action], { mode: qcOfSwitchTo(action) });
  if (isAgentAction(action))
    return bridge.invoke(AGENT_ACTION_COMMANDS[action], { workNo: workNo ?? '' });
  return bridge.invoke(CURRENT_ACTION_COMMANDS[action], {});
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
