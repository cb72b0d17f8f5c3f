/**
 * The password typed on a terminal, hidden (npm's `read`, which mutes the echo): asked only
 * when standard input is a terminal and no other source gave one. Ctrl+C while typing cancels
 * (the caller ends with exit 130); an empty line gives no password.
 */
import { read } from 'read';

import { PromptCancelledError } from './prompt-cancelled-error';

export async function promptHiddenPassword(
  question: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<string | null> {
  if (!input.isTTY) return null;
  try {
    const answer = await read({ prompt: question, silent: true, input, output, terminal: true });
    return answer === '' ? null : answer;
  } catch {
    throw new PromptCancelledError('Cancelled at the password prompt.');
  } finally {
    // The prompt left standard input flowing; the rest of the command may read it anew.
    input.pause();
  }
}
