/** The message of anything thrown, for log fields and error texts (callers redact where needed). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
