/** Thrown when the person pressed Ctrl+C (or Ctrl+D) at the password prompt. */
export class PromptCancelledError extends Error {
  override readonly name = 'PromptCancelledError';
}
