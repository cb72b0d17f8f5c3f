/**
 * A note to any number of agents, as the gateway takes it: receivers checked and split into
 * batches of at most 100 (cec_07_1205), the text checked (0–1,023 UTF-8 bytes), then one
 * request per batch, one after the other. A failed batch does not stop the others: each
 * batch's result says who it was for and how it went. Shared by the app and the CLI.
 */
import type { GatewayClient } from '../../gateway/gateway-client';
import { planNoteBatches, validateNoteContent } from '../../gateway';

export interface NoteBatchResult {
  /** 0-based position of the batch. */
  index: number;
  workNos: string[];
  outcome: 'ok' | 'failed';
  /** Why the batch failed (a GatewayError, usually); null when it went out. */
  error: unknown;
}

/** The batches a note will go out in; throws `invalid-argument` before anything is sent. */
export function prepareNote(workNos: readonly string[], content: string): string[][] {
  validateNoteContent(content);
  return planNoteBatches([...workNos]);
}

/**
 * Send `content` to `workNos` in batches of at most 100, in order. Refuses bad input before
 * the first request (throws); afterwards never throws: the results say what happened.
 */
export async function sendNoteInBatches(
  client: Pick<GatewayClient, 'sendNote'>,
  workNos: readonly string[],
  content: string,
  onBatch?: (result: NoteBatchResult) => void,
): Promise<NoteBatchResult[]> {
  const batches = prepareNote(workNos, content);
  const results: NoteBatchResult[] = [];
  for (const [index, batch] of batches.entries()) {
    let result: NoteBatchResult;
    try {
      await client.sendNote(batch, content);
      result = { index, workNos: batch, outcome: 'ok', error: null };
    } catch (error) {
      result = { index, workNos: batch, outcome: 'failed', error };
    }
    results.push(result);
    onBatch?.(result);
  }
  return results;
}
