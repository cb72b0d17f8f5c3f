/**
 * Keeps sign-in and sign-out apart: the gateway refuses a sign-out while a sign-in is pending
 * (and vice versa), so session operations run one after another. An operation identical to
 * one already queued or running joins it instead of queueing twice.
 */
export class SessionGate {
  private tail: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Promise<unknown>>();

  /** Runs `operation` after every earlier session operation has settled. */
  run<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing !== undefined) return existing as Promise<T>;
    const result = this.tail.then(operation);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.pending.set(key, result);
    const forget = (): void => {
      if (this.pending.get(key) === result) this.pending.delete(key);
    };
    result.then(forget, forget);
    return result;
  }
}
