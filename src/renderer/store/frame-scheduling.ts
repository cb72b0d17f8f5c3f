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

/**
 * Just after the next paint: a message posted from the next animation frame runs once that
 * frame's style, layout and paint are done (a timer where frames do not come: hidden window).
 */
export function scheduleAfterPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  scheduleNextFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}
