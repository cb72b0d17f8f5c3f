/**
 * How a command ends on SIGINT, SIGTERM or SIGHUP: the first signal asks the running command to
 * stop; what it started is released and it signs out (the clean-up steps, newest first), within
 * STOP_DEADLINE_MS; the exit code is 128 + the signal's number. A second signal exits at once.
 */

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Deliveries of the same signal this close together are one stop: GNU `timeout` signals the
 * command and then its process group, a process manager may too; a person pressing Ctrl+C a
 * second time takes longer than this.
 */
export const SAME_STOP_WITHIN_MS = 100;

/** How long ending the inspection and signing out may take after a signal. */
export const STOP_DEADLINE_MS = 5_000;

const SIGNAL_NUMBERS: Readonly<Record<StopSignal, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** 129, 130 or 143: what a shell reports for a process ended by the signal. */
export function exitCodeOfSignal(signal: StopSignal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

export function isStopSignal(value: string): value is StopSignal {
  return (STOP_SIGNALS as readonly string[]).includes(value);
}

/**
 * Clean-up steps of one command, run newest first. Each step runs once: the command's own
 * path and the signal's path share the same promise, so a sign-out is never sent twice.
 */
export class CleanupSteps {
  private readonly steps: Array<() => Promise<unknown>> = [];

  /** Adds a step; the returned function runs it (once) and resolves with its outcome. */
  add<T>(step: () => Promise<T>): () => Promise<T> {
    let running: Promise<T> | null = null;
    const once = () => (running ??= step());
    this.steps.push(once);
    return once;
  }

  /** Runs every step not yet run, newest first; a failing step does not stop the others. */
  async runAll(): Promise<void> {
    for (const step of [...this.steps].reverse()) await step().catch(() => undefined);
  }
}

/** Resolves after `ms` with `value`; the timer does not keep the process alive. */
export function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
