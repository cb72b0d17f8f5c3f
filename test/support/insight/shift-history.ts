/**
 * A made-up but plausible 12-hour shift at 5 s resolution (8,640 samples) for the center and
 * some skills: a morning and an afternoon peak in waiting calls, the agent mix following it,
 * observed service level drifting with load. For browser tests (written as a shift file the
 * real core loads) and the benchmark (served by the scripted core). Test-only.
 */
import type { HISTORY_FIELDS } from '../../../src/shared/insight';
import { type InsightSnapshot } from '../../../src/shared/insight';
import { CENTER_KEY, HistoryRing } from '../../../src/main/supervisor/stats/history-ring';
import { ShiftFile, type SavedSample } from '../../../src/main/supervisor/stats/shift-file';
import { silentLogger } from '../../../src/main/node/node-ports';

export interface ShiftSkill {
  id: number;
  name: string;
}

const STEP_MS = 5_000;

/** Deterministic noise in [0, 1). */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43_758.5453;
  return x - Math.floor(x);
}

/** One sample of a scope at `hour` (0–12) of the shift; `scale` sizes it (the center is big). */
function sampleAt(hour: number, scale: number, step: number): Array<number | null> {
  // Noise that drifts minute by minute (queues do not jump every 5 s), blended between minutes.
  const minute = Math.floor(step / 12);
  const blend = (step % 12) / 12;
  const smooth = (offset: number) =>
    noise(minute + offset) * (1 - blend) + noise(minute + 1 + offset) * blend;
  const seed = 0;
  const load =
    0.35 + 0.4 * Math.exp(-((hour - 2.5) ** 2) / 1.5) + 0.5 * Math.exp(-((hour - 8) ** 2) / 2);
  const waiting = Math.max(0, Math.round(scale * 0.3 * load * (0.85 + 0.3 * smooth(seed))));
  const longestWait = waiting === 0 ? 0 : Math.round(15 + 70 * load + 15 * smooth(seed + 7_919));
  const signedIn = Math.round(scale * (0.8 + 0.1 * Math.sin(hour)));
  const talking = Math.round(signedIn * Math.min(0.85, 0.4 + 0.45 * load));
  const wrapUp = Math.round(signedIn * 0.08);
  const resting = Math.round(signedIn * (hour > 5 && hour < 6 ? 0.2 : 0.05));
  const busy = Math.round(signedIn * 0.04);
  const idle = Math.max(0, signedIn - talking - wrapUp - resting - busy);
  const answered = Math.round(hour * scale * 6);
  const abandoned = Math.round(hour * scale * 0.4 * load);
  const serviceLevel = Math.max(0, Math.min(1, 0.95 - 0.35 * load + 0.05 * smooth(seed + 104_729)));
  return [
    waiting,
    longestWait,
    signedIn,
    idle,
    talking,
    wrapUp,
    resting,
    busy,
    idle,
    answered,
    abandoned,
    serviceLevel,
  ];
}

/** Every sample of a shift ending at `end` (ms), oldest first. */
export function generateShiftSamples(
  skills: readonly ShiftSkill[],
  end: number,
  hours = 12,
): { shiftStartedAt: number; samples: SavedSample[] } {
  const count = Math.floor((hours * 3_600_000) / STEP_MS) - 1;
  const shiftStartedAt = end - count * STEP_MS - STEP_MS;
  const samples: SavedSample[] = [];
  for (let index = 0; index < count; index++) {
    const at = shiftStartedAt + (index + 1) * STEP_MS;
    const hour = (at - shiftStartedAt) / 3_600_000;
    const values = new Map<number, Array<number | null>>();
    values.set(CENTER_KEY, sampleAt(hour, 40, index));
    for (const skill of skills) values.set(skill.id, sampleAt(hour, 12, index + skill.id * 997));
    const names: Record<string, string> =
      index === 0 ? Object.fromEntries(skills.map((skill) => [String(skill.id), skill.name])) : {};
    samples.push({ at, values, names });
  }
  return { shiftStartedAt, samples };
}

/** Write the shift as the core's shift file in `directory` (the core loads it at start). */
export function writeShiftFile(
  directory: string,
  skills: readonly ShiftSkill[],
  end: number,
  hours = 12,
): { shiftStartedAt: number; samples: number } {
  const { shiftStartedAt, samples } = generateShiftSamples(skills, end, hours);
  const file = new ShiftFile(directory, silentLogger);
  file.begin({ shiftStartedAt, resolutionMs: STEP_MS, serviceLevelSeconds: 20 });
  for (const sample of samples) file.appendSample(sample);
  file.close();
  return { shiftStartedAt, samples: samples.length };
}

/** The same shift in a ring (for a scripted core answering stats.history). */
export function buildShiftRing(
  skills: readonly ShiftSkill[],
  end: number,
  hours = 12,
): HistoryRing {
  const ring = new HistoryRing();
  for (const skill of skills) ring.setName(skill.id, skill.name);
  for (const sample of generateShiftSamples(skills, end, hours).samples)
    ring.push(sample.at, sample.values);
  return ring;
}

/** A live snapshot consistent with the last sample of the ring. */
export function snapshotFromRing(
  ring: HistoryRing,
  skills: readonly ShiftSkill[],
  at: number,
  shiftStartedAt: number,
): InsightSnapshot {
  const last = (key: number, field: (typeof HISTORY_FIELDS)[number]) =>
    ring.read(key, ring.lastAt ?? at).columns[field].at(-1) ?? 0;
  const figures = (key: number) => ({
    waiting: last(key, 'waiting') ?? 0,
    longestWaitSeconds: last(key, 'longestWait'),
    agents: {
      signedIn: last(key, 'signedIn'),
      available: last(key, 'available'),
      talking: last(key, 'talking') ?? 0,
      wrapUp: last(key, 'wrapUp') ?? 0,
      resting: last(key, 'resting') ?? 0,
      busy: last(key, 'busy') ?? 0,
      counted: last(key, 'signedIn') ?? 0,
    },
    observed: {
      answered: last(key, 'answered') ?? 0,
      answeredWithinThreshold: Math.round((last(key, 'answered') ?? 0) * 0.8),
      abandoned: last(key, 'abandoned') ?? 0,
      abandonedAfterThreshold: 0,
      asaSeconds: 14,
      serviceLevel: last(key, 'serviceLevel'),
      coverage: { observedMs: 3_600_000, shiftMs: at - shiftStartedAt, ratio: 0.25, calls: 420 },
    },
  });
  return {
    at,
    shiftStartedAt,
    serviceLevelSeconds: 20,
    skills: skills.map((skill) => ({
      skillId: skill.id,
      name: skill.name,
      dataAt: at,
      ...figures(skill.id),
    })),
    center: { ...figures(CENTER_KEY), observedSkills: 2 },
    reasonTime: [],
    live: true,
  };
}
