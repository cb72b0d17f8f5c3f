/** The real clock (Date.now and timers), the default when no Clock port is given. */
import type { Clock } from './ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    // Background timers must not keep a CLI or test process alive on their own.
    timer.unref?.();
    return timer;
  },
  clearTimeout: (handle) => {
    if (handle !== null && handle !== undefined)
      clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
