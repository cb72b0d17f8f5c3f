/**
 * Facts about the inspector's modes, shared by the core's state machine and the command line:
 * which modes inspect an agent, the mode each start action leads to, how a mode takes part in
 * the call, and which own detailed states (§9.3) name a mode. Pure tables.
 */
import type { InspectorMode, QcMode } from '../../../shared/domain';

/** The actions that start an inspection. */
export type StartAction = 'listen' | 'barge' | 'whisper';

const INSPECTING: ReadonlySet<InspectorMode> = new Set(['listening', 'inserting', 'whispering']);

/** The mode a successful start puts the inspector in (barge is the gateway's insert). */
export const MODE_AFTER_START: Readonly<Record<StartAction, InspectorMode>> = {
  listen: 'listening',
  barge: 'inserting',
  whisper: 'whispering',
};

const QC_MODE_OF: Readonly<Record<InspectorMode, QcMode | null>> = {
  idle: null,
  listening: 'listen',
  inserting: 'insert',
  whispering: 'whisper',
  talking: null,
};

/** Own detailed states (§9.3) that name an inspection mode. */
const OWN_STATUS_MODES: Readonly<Record<number, InspectorMode>> = {
  15: 'inserting',
  16: 'listening',
  17: 'whispering',
};

/** Whether the inspector is inspecting an agent's call (listening, barged in or whispering). */
export function isInspecting(mode: InspectorMode): boolean {
  return INSPECTING.has(mode);
}

/** How the inspector takes part in the target's call in this mode; null when not inspecting. */
export function qcModeOf(mode: InspectorMode): QcMode | null {
  return QC_MODE_OF[mode];
}

/** The inspection mode an own detailed state names; null for the other states. */
export function inspectionModeOfOwnState(agentState: number | null): InspectorMode | null {
  return agentState === null ? null : (OWN_STATUS_MODES[agentState] ?? null);
}
