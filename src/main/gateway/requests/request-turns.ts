/**
 * Requests that must not overlap, one queue per key: each starts once the one before it ended,
 * whichever way it ended. beginmonitor/endmonitor share a key whatever their lists; each
 * interface with a body shares one URL, so the runner never joins two different bodies and the
 * gateway never sees them overlap (000-007).
 */
export class RequestTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Run `task` after every earlier task of `key`; its own outcome is returned as is. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
    this.tails.set(
      key,
      result.catch(() => undefined),
    );
    return result;
  }
}
