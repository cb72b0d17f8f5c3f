/**
 * Fix `Date.now()` (only the date; timers stay real so user-event works) for every test of a
 * file, on a whole second, so ticking figures render exactly.
 */
export const FROZEN_NOW = Date.parse('2025-03-01T10:00:00Z');

/** Call at the top of a test file. */
export function freezeTime(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(FROZEN_NOW);
  });
  afterEach(() => vi.useRealTimers());
}
