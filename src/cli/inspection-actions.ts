/**
 * The command line's inspection and agent-control verbs, carried out by the app's action layer:
 * each verb is a supervisor action whose gateway call comes from the core's `effectOf` and is
 * sent by `executeEffect` (force-* verbs: `executeForce`), and whose resulting mode is the
 * shared vocabulary's.
 * Unlike the app, the command line keeps no live state of the inspector, so it does not guard
 * locally: the gateway is its guard, and the gateway's refusal is what it prints.
 */
import type { GatewayClient } from '../main/gateway';
import {
  effectOf,
  executeEffect,
  type EffectRequest,
} from '../main/supervisor/inspector/inspection-effects';
import { inspectionModeOfOwnState } from '../main/supervisor/inspector/inspector-modes';
import type { InspectorMode } from '../shared/domain';
import { modeAfterAction } from '../shared/inspection-vocabulary';

/**
 * Runs one inspection action; resolves with the inspector's mode afterwards when it is known
 * (a `switch` from an unknown mode is not). Ending an inspection of unknown mode first asks
 * the inspector's own status whether it is a whisper, which has its own interface.
 */
export async function runInspection(
  client: GatewayClient,
  request: EffectRequest,
): Promise<InspectorMode | null> {
  const known =
    request.action === 'cancel' && request.mode === null
      ? { ...request, mode: await readOwnMode(client) }
      : request;
  await executeEffect(client, effectOf(known));
  return modeAfterAction(known.action, 'mode' in known ? known.mode : null);
}

/** The inspection mode from the inspector's own status; null when it cannot be told. */
async function readOwnMode(client: GatewayClient): Promise<InspectorMode | null> {
  try {
    const own = await client.getOwnStatus();
    return inspectionModeOfOwnState(own.agentState);
  } catch {
    // Only a hint: the cancel itself will report a real problem.
    return null;
  }
}
