/**
 * "The first screen has painted": what can wait until then (tooltips, rows beyond the
 * viewport) mounts in the page's first idle moment after the screen first asked, instead of in
 * the frame that shows the screen. Shared, so everything that waits joins one idle callback.
 * Where the platform cannot report idle time (no requestIdleCallback, e.g. jsdom) nothing waits.
 */
import { useSyncExternalStore } from 'react';

const canWait = typeof requestIdleCallback === 'function';
let painted = !canWait;
let requested = false;
const listeners = new Set<() => void>();

function markPainted(): void {
  painted = true;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!requested && !painted) {
    requested = true;
    // The timeout bounds the wait on a busy page (and in a hidden window).
    requestIdleCallback(markPainted, { timeout: 500 });
  }
  return () => listeners.delete(listener);
}

const readPainted = (): boolean => painted;

/** False while the first screen is still on its way to the glass; true ever after. */
export function useFirstPaintDone(): boolean {
  return useSyncExternalStore(subscribe, readPainted);
}

/** Run `callback` once the first screen has painted (at once when it has). */
export function whenFirstPaintDone(callback: () => void): void {
  if (painted) {
    callback();
    return;
  }
  const unsubscribe = subscribe(() => {
    unsubscribe();
    callback();
  });
}
