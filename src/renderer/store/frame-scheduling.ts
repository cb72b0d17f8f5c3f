/**
 * When the store does its work: before the next paint (with a timer behind it, since a hidden
 * window gets no animation frames) or when the page is next idle.
 */

/** requestAnimationFrame does not run in a hidden window; a timer keeps the map from lagging. */
export function scheduleNextFrame(callback: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  setTimeout(run, 100);
}

/** Idle time after the next paint (a timer where requestIdleCallback is missing). */
export function scheduleWhenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 500 });
  else setTimeout(callback, 0);
}
