/** The insight feature's pure parts: text alternatives, palette, snapshot samples, the form. */
import { describe, expect, it } from 'vitest';
import type { InsightSnapshot } from '../../../shared/insight';
import { seriesStyle } from './chart-palette';
import { hourlyMaxima, summariseSeries } from './chart-summary';
import { serviceLevelTone } from './insight-format';
import { validateInsightForm } from './insight-settings-dialog';
import { sampleFromSnapshot } from './insight-store';

const H = 3_600_000;

describe('chart text alternatives', () => {
  it('say now, highest (and when) and lowest, skipping gaps', () => {
    const [summary] = summariseSeries(
      [0, 1_000, 2_000, 3_000],
      [{ label: 'Waiting', values: [2, 9, null, 4], format: String }],
    );
    expect(summary).toEqual({
      label: 'Waiting',
      now: '4',
      max: { value: '9', at: 1_000 },
      min: '2',
    });
  });

  it('give the highest value per hour of each series, hours without data left out', () => {
    const rows = hourlyMaxima(
      [0, H / 2, H + 1, 3 * H],
      [
        [1, 5, 2, null],
        [null, null, 7, null],
      ],
    );
    expect(rows).toEqual([
      { hourStart: 0, values: [5, null] },
      { hourStart: H, values: [2, 7] },
    ]);
  });
});

describe('chart palette', () => {
  it('tells series apart by colour and by dash, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const styles = [0, 1, 2, 3, 4].map((index) => seriesStyle(index, theme));
      expect(new Set(styles.map((style) => style.stroke)).size).toBe(5);
      expect(new Set(styles.map((style) => JSON.stringify(style.dash ?? null))).size).toBe(5);
      expect(new Set(styles.map((style) => style.hatch)).size).toBe(5);
    }
    expect(seriesStyle(0, 'light').stroke).not.toBe(seriesStyle(0, 'dark').stroke);
  });

  it('bands service level: on target from 80 %, near from 65 %', () => {
    expect([0.9, 0.8, 0.7, 0.5, null].map(serviceLevelTone)).toEqual([
      'ok',
      'ok',
      'warn',
      'bad',
      'none',
    ]);
  });
});

describe('samples from a snapshot (what the charts append every 5 s)', () => {
  const figures = {
    waiting: 3,
    longestWaitSeconds: null,
    agents: { signedIn: 9, available: 2, talking: 4, wrapUp: 1, resting: 1, busy: 1, counted: 9 },
    observed: {
      answered: 7,
      answeredWithinThreshold: 6,
      abandoned: 1,
      abandonedAfterThreshold: 1,
      asaSeconds: 12,
      serviceLevel: 0.75,
      coverage: { observedMs: 1, shiftMs: 2, ratio: 0.5, calls: 8 },
    },
  };
  const snapshot: InsightSnapshot = {
    at: 10,
    shiftStartedAt: 0,
    serviceLevelSeconds: 20,
    skills: [{ skillId: 4, name: 'Sales', dataAt: 10, ...figures }],
    center: { ...figures, observedSkills: 1 },
    reasonTime: [],
    live: true,
  };

  it('match the core’s fields, the idle count only for the center', () => {
    expect(sampleFromSnapshot(snapshot, null)).toMatchObject({
      waiting: 3,
      longestWait: 0,
      talking: 4,
      idle: 2,
      serviceLevel: 0.75,
    });
    expect(sampleFromSnapshot(snapshot, 4)?.idle).toBeNull();
    expect(sampleFromSnapshot(snapshot, 99)).toBeNull();
  });

  it('leave the gateway fields empty while not live (a gap), the observed ones kept', () => {
    const sample = sampleFromSnapshot({ ...snapshot, live: false }, null);
    expect(sample).toMatchObject({ waiting: null, talking: null, answered: 7 });
  });
});

describe('insight settings form', () => {
  const numbers = {
    serviceLevelSeconds: '20',
    restBudgetMinutes: '15',
    busyBudgetMinutes: '0',
    wrapUpBudgetMinutes: '90',
    wallboardRotateSeconds: '15',
  };

  it('turns the typed values into a patch (display numbers count from 1)', () => {
    expect(validateInsightForm(numbers, '2', [3, 1])).toEqual({
      ok: true,
      patch: {
        ...numbers,
        serviceLevelSeconds: 20,
        restBudgetMinutes: 15,
        busyBudgetMinutes: 0,
        wrapUpBudgetMinutes: 90,
        wallboardRotateSeconds: 15,
        wallboardDisplay: 1,
        wallboardSkillIds: [3, 1],
      },
    });
    expect(validateInsightForm(numbers, '', [])).toMatchObject({
      ok: true,
      patch: { wallboardDisplay: null },
    });
  });

  it('names every bad field', () => {
    const checked = validateInsightForm(
      { ...numbers, serviceLevelSeconds: '0', wallboardRotateSeconds: 'x' },
      '0',
      [],
    );
    expect(checked).toEqual({
      ok: false,
      errors: { serviceLevelSeconds: true, wallboardRotateSeconds: true, wallboardDisplay: true },
    });
  });
});
