/**
 * Records the garbage collector's pauses of this thread, so a figure can tell a slow code path
 * from a sample that merely overlapped a V8 pause.
 */
import { PerformanceObserver } from 'node:perf_hooks';

export interface GcPause {
  /** performance.now() of this thread. */
  start: number;
  end: number;
  /** V8's kind: 1 minor (scavenge), 2 major (mark-compact), 4 incremental, 8 weak callbacks. */
  kind: number;
}

export interface GcRecorder {
  /** Pauses so far (entries arrive asynchronously: call after a turn of the event loop). */
  pauses(): readonly GcPause[];
  /** Whether a pause overlapped [start, end]. */
  overlaps(start: number, end: number): boolean;
  stop(): void;
}

/** Start recording GC pauses of this thread. */
export function startGcRecorder(): GcRecorder {
  const pauses: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      pauses.push({
        start: entry.startTime,
        end: entry.startTime + entry.duration,
        kind: detail?.kind ?? 0,
      });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    pauses: () => pauses,
    overlaps: (start, end) => pauses.some((pause) => pause.start <= end && pause.end >= start),
    stop: () => observer.disconnect(),
  };
}
