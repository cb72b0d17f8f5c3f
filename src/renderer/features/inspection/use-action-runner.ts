/**
 * Running an action from the window: checks that it is possible, asks first for destructive
 * actions (when the supervisor wants that), blocks double presses, and reports the outcome.
 */
import { useCallback, useRef, useState } from 'react';
import { useAppState, useBridge, useStore } from '../../store/store-context';
import { isDestructive } from './action-rules';
import { runAction, type AgentAction } from './run-action';

export interface PendingConfirmation {
  action: AgentAction;
  workNo: string | null;
}

/** Run actions, with the confirmation step the settings ask for. */
export function useActionRunner() {
  const bridge = useBridge();
  const store = useStore();
  const confirmDestructive = useAppState((state) => state.settings.confirmDestructive);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [inFlight, setInFlight] = useState<AgentAction | null>(null);
  const busy = useRef(false);

  const execute = useCallback(
    async (action: AgentAction, workNo: string | null): Promise<void> => {
      // A second press while the first is on its way must not send a second request.
      if (busy.current) return;
      busy.current = true;
      setInFlight(action);
      try {
        await runAction(bridge, store, action, workNo);
      } finally {
        busy.current = false;
        setInFlight(null);
      }
    },
    [bridge, store],
  );

  const request = useCallback(
    (action: AgentAction, workNo: string | null): void => {
      if (confirmDestructive && isDestructive(action)) setConfirmation({ action, workNo });
      else void execute(action, workNo);
    },
    [confirmDestructive, execute],
  );

  const confirm = useCallback(
    (dontAskAgain: boolean): void => {
      if (!confirmation) return;
      setConfirmation(null);
      if (dontAskAgain) {
        void bridge.invoke('settings.update', { confirmDestructive: false }).then((result) => {
          if (result.ok) store.applyPartial({ settings: result.value });
        });
      }
      void execute(confirmation.action, confirmation.workNo);
    },
    [bridge, confirmation, execute, store],
  );

  return { request, confirm, dismiss: () => setConfirmation(null), confirmation, inFlight };
}
