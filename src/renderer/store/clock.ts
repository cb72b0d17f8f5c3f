/**
 * One shared clock for every ticking figure on screen (time in state, call length, queue
 * waits, data age). It ticks on whole seconds, so all figures change together, and only while
 * something listens: one timer for the whole screen instead of one per row.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let current = readWholeSecond();

function readWholeSecond(): number {
  return Math.floor(Date.now() / 1000) * 1000;
}

function tick(): void {
  current = readWholeSecond();
  for (const listener of [...listeners]) listener();
}

function stop(): void {
  if (timer === null) return;
  clearTimeout(timer);
  clearInterval(timer);
  timer = null;
}

/** Listen to clock ticks; the timer stops when the last listener leaves. */
function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = readWholeSecond();
    // First tick on the next second boundary, then every second.
    timer = setTimeout(
      () => {
        tick();
        timer = setInterval(tick, 1000);
      },
      1000 - (Date.now() % 1000),
    );
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
  };
}

/** The clock's time (ms since epoch, whole seconds). */
function readClock(): number {
  // Without a running timer nothing keeps `current` fresh: read the time afresh (still a whole
  // second, so repeated reads within a render agree).
  if (timer === null) current = readWholeSecond();
  return current;
}

/** Current time for rendering; re-renders the component on every tick. */
export function useNow(): number {
  return useSyncExternalStore(subscribeClock, readClock);
}
