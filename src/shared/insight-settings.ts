/**
 * Defaults and bounds of the insight settings (service level threshold, reason-code budgets,
 * wallboard), and a lenient reader for stored documents: a value out of bounds falls back to
 * its default. The IPC patch schema and the settings file schema use the same bounds.
 */
import type { InsightSettings } from './insight';

export const INSIGHT_BOUNDS = {
  serviceLevelSeconds: { min: 1, max: 3_600 },
  budgetMinutes: { min: 0, max: 1_440 },
  wallboardRotateSeconds: { min: 5, max: 600 },
  wallboardSkills: 100,
  wallboardDisplay: { min: 0, max: 15 },
} as const;

export const DEFAULT_INSIGHT_SETTINGS: Readonly<InsightSettings> = Object.freeze({
  serviceLevelSeconds: 20,
  // "Rest over 15 min this shift" is the issue's own example of a budget.
  restBudgetMinutes: 15,
  busyBudgetMinutes: 60,
  wrapUpBudgetMinutes: 90,
  wallboardSkillIds: [],
  wallboardDisplay: null,
  wallboardRotateSeconds: 15,
});

export function createDefaultInsightSettings(): InsightSettings {
  return { ...DEFAULT_INSIGHT_SETTINGS, wallboardSkillIds: [] };
}

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** A stored insight section, every field checked; anything else gets its default. */
export function readInsightSettings(input: unknown): InsightSettings {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const fallback = createDefaultInsightSettings();
  const budget = (raw: unknown, defaultValue: number): number =>
    isInteger(raw, INSIGHT_BOUNDS.budgetMinutes.min, INSIGHT_BOUNDS.budgetMinutes.max)
      ? raw
      : defaultValue;
  const skills = Array.isArray(value.wallboardSkillIds)
    ? value.wallboardSkillIds.filter((id): id is number => isInteger(id, 0, 2_147_483_647))
    : [];
  return {
    serviceLevelSeconds: isInteger(
      value.serviceLevelSeconds,
      INSIGHT_BOUNDS.serviceLevelSeconds.min,
      INSIGHT_BOUNDS.serviceLevelSeconds.max,
    )
      ? value.serviceLevelSeconds
      : fallback.serviceLevelSeconds,
    restBudgetMinutes: budget(value.restBudgetMinutes, fallback.restBudgetMinutes),
    busyBudgetMinutes: budget(value.busyBudgetMinutes, fallback.busyBudgetMinutes),
    wrapUpBudgetMinutes: budget(value.wrapUpBudgetMinutes, fallback.wrapUpBudgetMinutes),
    wallboardSkillIds: [...new Set(skills)].slice(0, INSIGHT_BOUNDS.wallboardSkills),
    wallboardDisplay: isInteger(
      value.wallboardDisplay,
      INSIGHT_BOUNDS.wallboardDisplay.min,
      INSIGHT_BOUNDS.wallboardDisplay.max,
    )
      ? value.wallboardDisplay
      : null,
    wallboardRotateSeconds: isInteger(
      value.wallboardRotateSeconds,
      INSIGHT_BOUNDS.wallboardRotateSeconds.min,
      INSIGHT_BOUNDS.wallboardRotateSeconds.max,
    )
      ? value.wallboardRotateSeconds
      : fallback.wallboardRotateSeconds,
  };
}
