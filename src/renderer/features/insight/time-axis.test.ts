/** The charts' time axis: distinct, readable tick labels whatever the history's span. */
import {
  formatTimeTicks,
  MIN_AXIS_SECONDS,
  TICK_STEPS_SECONDS,
  tickPrecision,
  timeAxisRange,
} from './time-axis';

// 20:30:00 local time on some day: ticks are laid out from the local clock.
const base = new Date(2025, 5, 2, 20, 30, 0).getTime() / 1000;
const ticksEvery = (step: number, count: number) =>
  Array.from({ length: count }, (_, index) => base + index * step);

describe('time axis', () => {
  it('labels ticks a minute or more apart HH:MM, each different', () => {
    const labels = formatTimeTicks(ticksEvery(60, 5), 60, 'en');
    expect(labels).toEqual(['20:30', '20:31', '20:32', '20:33', '20:34']);
  });

  it('labels ticks under a minute apart with seconds (a history of a few minutes)', () => {
    const labels = formatTimeTicks(ticksEvery(15, 10), 15, 'en');
    expect(labels[0]).toBe('20:30:00');
    expect(labels[1]).toBe('20:30:15');
    expect(new Set(labels).size).toBe(10);
    for (const label of labels) expect(label).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('keeps HH:MM for a 12-hour shift, in both languages', () => {
    for (const language of ['en', 'zh-CN']) {
      const labels = formatTimeTicks(ticksEvery(7_200, 6), 7_200, language);
      expect(labels).toEqual(['20:30', '22:30', '00:30', '02:30', '04:30', '06:30']);
    }
  });

  it('falls back to a finer format when uneven ticks would read the same', () => {
    const labels = formatTimeTicks([base, base + 20, base + 60], 60, 'en');
    expect(labels).toEqual(['20:30:00', '20:30:20', '20:31:00']);
  });

  it('chooses the precision from the step between ticks', () => {
    expect([1, 59, 60, 3_600, 86_399, 86_400].map(tickPrecision)).toEqual([
      'seconds',
      'seconds',
      'minutes',
      'minutes',
      'minutes',
      'days',
    ]);
  });

  it('spans at least five minutes, from the first sample; longer histories as they are', () => {
    expect(timeAxisRange(base, base)).toEqual([base, base + MIN_AXIS_SECONDS]);
    expect(timeAxisRange(base, base + 30)).toEqual([base, base + MIN_AXIS_SECONDS]);
    expect(timeAxisRange(base, base + 43_200)).toEqual([base, base + 43_200]);
    const [start, end] = timeAxisRange(null, null);
    expect(end - start).toBe(MIN_AXIS_SECONDS);
  });
});

describe('time axis steps', () => {
  it('are whole minutes, with 2 minutes between 1 and 5', () => {
    expect(TICK_STEPS_SECONDS.every((step) => step % 60 === 0)).toBe(true);
    expect(TICK_STEPS_SECONDS.slice(0, 3)).toEqual([60, 120, 300]);
    expect([...TICK_STEPS_SECONDS].sort((a, b) => a - b)).toEqual(TICK_STEPS_SECONDS);
  });
});
