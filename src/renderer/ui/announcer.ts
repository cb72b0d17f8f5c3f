/**
 * Rate-limited announcements for screen readers. A live contact center changes state many
 * times a second; reading each change would make a screen reader unusable. The announcer lets
 * at most one message out per interval and folds what arrived meanwhile into it (newest kept).
 */
export interface Announcer {
  /** Queue a message; duplicates of a queued message are dropped. */
  announce(message: string): void;
  /** Receive the messages as they are let out. */
  subscribe(listener: (message: string) => void): () => void;
  dispose(): void;
}

export interface AnnouncerOptions {
  minIntervalMs?: number;
  /** How many queued messages one announcement may fold together. */
  maxFolded?: number;
  now?: () => number;
}

/** Create an announcer that speaks at most once per `minIntervalMs` (default 2 s). */
export function createAnnouncer(options: AnnouncerOptions = {}): Announcer {
  const minIntervalMs = options.minIntervalMs ?? 2000;
  const maxFolded = options.maxFolded ?? 3;
  const now = options.now ?? Date.now;
  const listeners = new Set<(message: string) => void>();
  let queued: string[] = [];
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function release(): void {
    timer = null;
    if (queued.length === 0) return;
    const message = queued.join(' ');
    queued = [];
    lastAt = now();
    for (const listener of [...listeners]) listener(message);
  }

  return {
    announce(message) {
      const text = message.trim();
      if (text === '' || queued.includes(text)) return;
      queued.push(text);
      if (queued.length > maxFolded) queued = queued.slice(-maxFolded);
      if (timer !== null) return;
      const wait = lastAt + minIntervalMs - now();
      if (wait <= 0) release();
      else timer = setTimeout(release, wait);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queued = [];
      listeners.clear();
    },
  };
}
