/**
 * createSupervisor: the supervisor core behind the SupervisorCore interface, for the desktop
 * shell, the CLI, the WebSocket test binding and the benchmarks alike.
 */
import type { HotkeyAction, InspectionView } from '../../shared/domain';
import type { Result } from '../../shared/ipc/contract';
import { isInspecting } from '../../shared/inspection-vocabulary';
import { fail, toCommandError } from './command-errors';
import type { InspectionRequest } from './inspector/supervisor-actions';
import { buildTrayModel } from './tray-model';
import type { SupervisorPorts } from './ports';
import { createCommandHandlers, dispatchCommand } from './supervisor-commands';
import type { SupervisorCore } from './supervisor-api';
import {
  SupervisorRuntime,
  type SupervisorDiagnostics,
  type SupervisorOptions,
} from './supervisor-runtime';
import { startSupervisor } from './account/account-flows';
import { errorMessage } from './error-text';

/** The core plus measurements for benchmarks and diagnostics. */
export interface SupervisorCoreWithDiagnostics extends SupervisorCore {
  diagnostics(): SupervisorDiagnostics;
}

/** Build the supervisor core over its ports. */
export function createSupervisor(
  ports: SupervisorPorts,
  options: SupervisorOptions = {},
): SupervisorCoreWithDiagnostics {
  const rt = new SupervisorRuntime(ports, options);
  const handlers = createCommandHandlers(rt);
  let disposed = false;

  return {
    execute: (name, args) => dispatchCommand(handlers, rt, name, args),
    subscribe: (listener) => rt.hub.subscribe(listener),
    runHotkey(action): Promise<Result<InspectionView>> {
      try {
        return rt.actions.runInspection(planHotkey(rt, action));
      } catch (error) {
        return Promise.resolve(fail(toCommandError(error)));
      }
    },
    trayModel: () =>
      buildTrayModel(
        rt.session.connectionState(),
        rt.inspection,
        rt.focusRow(),
        rt.roster.rowsInState('talking'),
        rt.clock.now(),
      ),
    async start({ demo }) {
      try {
        await startSupervisor(rt, demo);
      } catch (error) {
        rt.logger.error('start-up failed', { error: errorMessage(error) });
      }
    },
    onResume: () => rt.session.resume(),
    async dispose() {
      if (disposed) return;
      disposed = true;
      await rt.session.signOut().catch(() => undefined);
      rt.stopTimers();
      if (rt.demoRunning && ports.demo) await ports.demo.stop().catch(() => undefined);
      rt.demoRunning = false;
      rt.journal.close();
    },
    diagnostics: () => rt.diagnostics(),
  };
}

const SWITCH_FOR_HOTKEY = {
  listen: 'switch-to-listen',
  barge: 'switch-to-barge',
  whisper: 'switch-to-whisper',
} as const;

/**
 * What a hotkey does. Listen / barge / whisper act on the selected agent, else the last one
 * acted on; while already inspecting that agent they switch the mode instead (pressing "barge"
 * while listening barges in). Switch, intercept and cancel act on the current inspection.
 */
function planHotkey(rt: SupervisorRuntime, action: HotkeyAction): InspectionRequest {
  const source = 'hotkey';
  if (action === 'switch' || action === 'intercept' || action === 'cancel')
    return { action, source };
  const state = rt.inspectorState;
  const inspecting = isInspecting(state.mode);
  const focus = rt.focusWorkNo();
  if (
    inspecting &&
    state.pending === null &&
    (rt.selectedWorkNo === null || rt.selectedWorkNo === state.targetWorkNo)
  ) {
    return { action: SWITCH_FOR_HOTKEY[action], source };
  }
  return { action, workNo: focus, source };
}
