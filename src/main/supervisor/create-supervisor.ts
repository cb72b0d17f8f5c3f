/**
 * createSupervisor: the supervisor core behind the SupervisorCore interface, for the desktop
 * shell, the CLI, the WebSocket test binding and the benchmarks alike.
 */
import type { InspectionView } from '../../shared/domain';
import type { Result } from '../../shared/ipc/contract';
import { fail, ok, toCommandError } from './command-errors';
import { confirmHotkeyRequest } from './inspector/hotkey-confirmation';
import { planHotkey } from './inspector/hotkey-plan';
import { buildTrayCoaching, buildTrayModel } from './tray-model';
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
import { createCoachingRoom } from './coaching/create-coaching-room';

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
  const coaching = createCoachingRoom(rt, ports);
  coaching.start();
  const handlers = createCommandHandlers(rt, coaching);
  let disposed = false;

  return {
    execute: (name, args) => dispatchCommand(handlers, rt, name, args),
    subscribe: (listener) => rt.subscribe(listener),
    async runHotkey(action): Promise<Result<InspectionView>> {
      // Stopping a follow touches no call: no confirmation, no gateway request.
      if (action === 'stop-follow') {
        coaching.setFollow(null);
        return ok(rt.inspection);
      }
      try {
        const request = planHotkey(action, {
          inspector: rt.inspectorState,
          selectedWorkNo: rt.selectedWorkNo,
          focusWorkNo: rt.focusWorkNo(),
        });
        const verdict = await confirmHotkeyRequest(request, rt.inspection.targetWorkNo, {
          confirmDestructive: rt.settings.confirmDestructive,
          confirm: ports.confirm,
        });
        if (!verdict.go) return verdict.result === 'declined' ? ok(rt.inspection) : verdict.result;
        return await rt.actions.runInspection(request);
      } catch (error) {
        return fail(toCommandError(error));
      }
    },
    trayModel: () => ({
      ...buildTrayModel(
        rt.session.connectionState(),
        rt.inspection,
        rt.focusRow(),
        rt.roster.rowsInState('talking'),
        rt.clock.now(),
      ),
      coaching: buildTrayCoaching(coaching.view().follow, rt.settings.coaching.noteTemplates),
    }),
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
      if (rt.account.demoRunning && ports.demo) await ports.demo.stop().catch(() => undefined);
      rt.account.markDemoStopped();
      coaching.close();
      rt.journal.close();
    },
    diagnostics: () => rt.diagnostics(),
  };
}
