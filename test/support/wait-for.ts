/**
 * The one polling wait of the tests and benchmarks: check a condition every `intervalMs` until
 * it holds, or fail after `timeoutMs` with a message that says what never happened. Event
 * waits on a recorded core stream use EventRecorder.waitFor instead (no polling).
 */

export interface WaitForOptions {
  /** What is awaited, for the timeout message; a function is read when the time is up. */
  what?: string | (() => string);
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** Check again after this long (default 10 ms). */
  intervalMs?: number;
}

/** Resolves once `condition` holds; rejects with "timed out after … waiting for …" otherwise. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: WaitForOptions = {},
): Promise<void> {
  const { what = 'the condition', timeoutMs = 5_000, intervalMs = 10 } = options;
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) {
      const described = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${Math.round(timeoutMs)} ms waiting for ${described}`);
    }
    await pause(intervalMs);
  }
}

/** Resolves after `ms`. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
