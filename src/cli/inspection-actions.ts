/**
 * The inspection verbs of the command line mapped onto the gateway client, shared by the
 * one-shot commands and the session. The CLI word `barge` is the gateway's `insert`.
 */
import type { GatewayClient } from '../main/gateway';
import {
  inspectionModeOfOwnState,
  MODE_AFTER_START,
  type StartAction,
} from '../main/supervisor/inspector/inspector-modes';
import type { InspectorMode } from '../shared/domain';
import type { SwitchTargetWord } from './session-line-parser';

export type StartWord = StartAction;

/** The inspector's mode once a start (or switch) word succeeded. */
export const MODE_OF_WORD: Readonly<Record<StartWord, InspectorMode>> = MODE_AFTER_START;

/** Starts listening, barging or whispering; resolves with the inspector's new mode. */
export async function startInspection(
  client: GatewayClient,
  word: StartWord,
  workNo: string,
): Promise<InspectorMode> {
  if (word === 'listen') await client.listen(workNo);
  else if (word === 'barge') await client.insert(workNo);
  else await client.whisper(workNo);
  return MODE_OF_WORD[word];
}

/**
 * Switches the running inspection: without `to`, listen ⇄ barge (`switch`); with `to`, to that
 * mode (`requestswitchinsertwhisperagent`). Resolves with the new mode when it is known.
 */
export async function switchInspection(
  client: GatewayClient,
  workNo: string,
  to: SwitchTargetWord | null,
  modeBefore: InspectorMode | null,
): Promise<InspectorMode | null> {
  if (to !== null) {
    await client.switchMode(workNo, to === 'barge' ? 'insert' : to);
    return MODE_OF_WORD[to];
  }
  await client.switchListenInsert(workNo);
  if (modeBefore === 'listening') return 'inserting';
  if (modeBefore === 'inserting') return 'listening';
  return null;
}

/**
 * Ends an inspection. A whisper ends with `requeststopwhisperagent`, listen and barge with
 * `DELETE qualitycontrol/{id}/{workNo}`. When the mode is not known (a new process), the
 * inspector's own status says whether it is whispering.
 */
export async function endInspection(
  client: GatewayClient,
  workNo: string,
  mode: InspectorMode | null,
): Promise<void> {
  const known = mode ?? (await readOwnMode(client));
  if (known === 'whispering') await client.stopWhisper(workNo);
  else await client.cancel(workNo);
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
