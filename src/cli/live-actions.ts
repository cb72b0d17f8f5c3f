/**
 * One-off commands carried out on the live session (the app's or `session --serve`'s) through
 * the control endpoint, with the app's own rules: a start while inspecting that agent switches
 * (barge while listening barges in), `switch`/`intercept`/`cancel` act on the running
 * inspection, and the live session's core guards, joins and journals them (source `cli`).
 * The inspection stays with the live session: nothing is released or signed out here.
 */
import { switchInsteadOfStart } from '../main/supervisor/inspector/start-plan';
import type { InspectionView } from '../shared/domain';
import {
  qcOfStart,
  qcOfSwitchTo,
  type ForceAction,
  type StartAction,
} from '../shared/inspection-vocabulary';
import type { CommandContext } from './cli-context';
import { CliError, EXIT_CODE, type ExitCode } from './cli-error';
import type { LiveSession } from './live-session';

export type LiveRequest =
  | { command: StartAction; workNo: string }
  | { command: 'switch'; workNo: string | null; to: StartAction | null }
  | { command: 'intercept' | 'cancel'; workNo: string | null }
  | { command: 'request-call'; callId: string; skillId: number }
  | { command: 'force-busy' | 'force-idle' | 'force-signout'; workNo: string };

const FORCE_COMMANDS = {
  'force-busy': 'agents.forceBusy',
  'force-idle': 'agents.forceIdle',
  'force-signout': 'agents.forceSignOut',
} as const satisfies Record<string, string>;

export const FORCE_ACTION_OF_COMMAND: Readonly<Record<keyof typeof FORCE_COMMANDS, ForceAction>> = {
  'force-busy': 'force-busy',
  'force-idle': 'force-idle',
  'force-signout': 'force-sign-out',
};

/** Runs `request` on the live session and prints the outcome; never throws. */
export async function runOnLiveSession(
  context: CommandContext,
  live: LiveSession,
  request: LiveRequest,
): Promise<ExitCode> {
  const { output, t } = context;
  const target = 'workNo' in request ? request.workNo : request.callId;
  const via = live.owner === 'app' ? 'app' : 'session';
  try {
    if (request.command in FORCE_COMMANDS) {
      const { workNo } = request as { workNo: string };
      await live.call(FORCE_COMMANDS[request.command as keyof typeof FORCE_COMMANDS], { workNo });
      output.printSuccess(
        request.command,
        { target: workNo, via },
        t(`live.force.${request.command}`, { workNo, via: t(`live.via.${via}`) }),
      );
      return EXIT_CODE.ok;
    }
    const view = await runInspection(context, live, request);
    output.printSuccess(
      request.command,
      { target: view.targetWorkNo ?? target, mode: view.mode, callId: view.callId, via },
      t('live.now', {
        mode: t(`mode.${view.mode}`),
        agent: view.targetWorkNo ?? target ?? '-',
        via: t(`live.via.${via}`),
      }),
    );
    return EXIT_CODE.ok;
  } catch (error) {
    return output.printFailure(error, request.command, target);
  }
}

async function runInspection(
  context: CommandContext,
  live: LiveSession,
  request: LiveRequest,
): Promise<InspectionView> {
  const inspection = live.status.inspection;
  switch (request.command) {
    case 'listen':
    case 'barge':
    case 'whisper': {
      const switchTo = switchInsteadOfStart(request.command, inspection, request.workNo);
      if (switchTo) return live.call('inspection.switchTo', { mode: qcOfSwitchTo(switchTo) });
      const name = `inspection.${request.command}` as const;
      return live.call(name, { workNo: request.workNo });
    }
    case 'switch':
      checkTarget(context, inspection, request.workNo, request.command);
      return request.to === null
        ? live.call('inspection.switch', {})
        : live.call('inspection.switchTo', { mode: qcOfStart(request.to) });
    case 'intercept':
      checkTarget(context, inspection, request.workNo, request.command);
      return live.call('inspection.intercept', {});
    case 'cancel':
      checkTarget(context, inspection, request.workNo, request.command);
      return live.call('inspection.cancel', {});
    case 'request-call':
      return live.call('queues.requestCall', {
        callId: request.callId,
        skillId: request.skillId,
      });
    default:
      throw new Error(`not an inspection: ${request.command}`);
  }
}

/** An agent named on the command line must be the one the live session inspects. */
function checkTarget(
  context: CommandContext,
  inspection: InspectionView,
  workNo: string | null,
  command: string,
): void {
  if (workNo === null || inspection.targetWorkNo === null || workNo === inspection.targetWorkNo)
    return;
  throw new CliError(
    'needs-session',
    context.t('live.otherTarget', { command, workNo, target: inspection.targetWorkNo }),
    EXIT_CODE.refused,
  );
}
