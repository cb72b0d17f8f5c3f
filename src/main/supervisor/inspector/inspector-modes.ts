/**
 * Which of the inspector's own detailed states (§9.3) name an inspection mode. The modes
 * themselves and what they mean are the shared inspection vocabulary
 * (src/shared/inspection-vocabulary.ts); the state numbers are the gateway's, so they live here.
 */
import type { InspectingMode } from '../../../shared/inspection-vocabulary';

/** Own detailed states (§9.3) that name an inspection mode. */
const OWN_STATUS_MODES: Readonly<Record<number, InspectingMode>> = {
  15: 'inserting',
  16: 'listening',
  17: 'whispering',
};

/** The inspection mode an own detailed state names; null for the other states. */
export function inspectionModeOfOwnState(agentState: number | null): InspectingMode | null {
  return agentState === null ? null : (OWN_STATUS_MODES[agentState] ?? null);
}
