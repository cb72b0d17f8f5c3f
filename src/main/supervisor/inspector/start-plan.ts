/**
 * The app's rule for a start action while already inspecting: pressing (or sending) "barge"
 * while listening to that agent switches the running inspection instead of being refused.
 * Shared by the hotkeys and by the command line (its `session` and the live-session commands).
 */
import type { InspectorMode } from '../../../shared/domain';
import {
  isInspecting,
  qcOfStart,
  switchToActionOf,
  type StartAction,
  type SwitchToAction,
} from '../../../shared/inspection-vocabulary';

export interface RunningInspection {
  mode: InspectorMode;
  /** Anything on its way (a request not answered yet) blocks the switch. */
  pending: unknown;
  targetWorkNo: string | null;
}

/**
 * The switch-to action a start becomes while inspecting `workNo` (null: the agent inspected)
 * with nothing pending; null when it stays a start.
 */
export function switchInsteadOfStart(
  action: StartAction,
  inspection: RunningInspection,
  workNo: string | null,
): SwitchToAction | null {
  if (!isInspecting(inspection.mode) || inspection.pending !== null) return null;
  if (workNo !== null && workNo !== inspection.targetWorkNo) return null;
  return switchToActionOf(qcOfStart(action));
}
