/**
 * The screen's copy of the insight figures: the latest snapshot (`stats.changed` every 5 s),
 * the loaded history of the charted scope with live samples appended, and short sparkline
 * series per skill. One per window; React reads it with useInsight().
 */
import type { Bridge } from '../../bridge';
import {
  HISTORY_FIELDS,
  type HistoryField,
  type HistorySeries,
  type InsightSnapshot,
} from '../../../shared/insight';

/** Sparklines show the last 30 minutes (360 samples at 5 s). */
export const SPARKLINE_MS = 30 * 60_000;
const SPARKLINE_POINTS = SPARKLINE_MS / 5_000;

export interface InsightState {
  snapshot: InsightSnapshot | null;
  /** History of the charted scope (null skill = the center), growing live. */
  history: HistorySeries | null;
  /** Waiting calls per skill over the last 30 min: times and values. */
  sparklines: ReadonlyMap<number, { t: number[]; waiting: Array<number | null> }>;
  revision: number;
}

export interface InsightStore {
  getState(): InsightState;
  subscribe(listener: () => void): () => void;
  start(): Promise<void>;
  stop(): void;
  /** Chart this scope (null: the center); loads its history. */
  showScope(skillId: number | null): Promise<void>;
  /** Load sparkline history for these skills (once each). */
  loadSparklines(skillIds: readonly number[]): Promise<void>;
}

/** The sample of one scope from a snapshot, in HISTORY_FIELDS order (as the core records it). */
export function sampleFromSnapshot(
  snapshot: InsightSnapshot,
  skillId: number | null,
): Record<HistoryField, number | null> | null {
  const figures =
    skillId === null ? snapshot.center : snapshot.skills.find((skill) => skill.skillId === skillId);
  if (!figures) return null;
  const live = snapshot.live;
  const gateway = (value: number | null) => (live ? value : null);
  const agents = figures.agents;
  return {
    waiting: gateway(figures.waiting),
    longestWait: gateway(figures.longestWaitSeconds ?? 0),
    signedIn: gateway(agents.signedIn),
    available: gateway(agents.available),
    talking: gateway(agents.talking),
    wrapUp: gateway(agents.wrapUp),
    resting: gateway(agents.resting),
    busy: gateway(agents.busy),
    idle: skillId === null ? gateway(agents.available) : null,
    answered: figures.observed.answered,
    abandoned: figures.observed.abandoned,
    serviceLevel: figures.observed.serviceLevel,
  };
}

export interface InsightStoreOptions {
  /**
   * What the first loads wait for: at a window's start the agents come first, the figures and
   * their history after them (the app store's `whenAgentsIn()`). Events apply at once.
   */
  after?: Promise<void>;
}

export function createInsightStore(
  bridge: Bridge,
  options: InsightStoreOptions = {},
): InsightStore {
  const after = options.after ?? Promise.resolve();
  let state: InsightState = { snapshot: null, history: null, sparklines: new Map(), revision: 0 };
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  let scope: number | null = null;
  let scopeToken = 0;
  const loadedSparklines = new Set<number>();

  const set = (patch: Partial<InsightState>): void => {
    state = { ...state, ...patch, revision: state.revision + 1 };
    for (const listener of [...listeners]) listener();
  };

  const applySnapshot = (snapshot: InsightSnapshot): void => {
    let history = state.history;
    const sample = sampleFromSnapshot(snapshot, scope);
    if (history && sample && (history.t.at(-1) ?? 0) < snapshot.at) {
      const columns = { ...history.columns };
      for (const field of HISTORY_FIELDS) columns[field] = [...columns[field], sample[field]];
      history = { ...history, t: [...history.t, snapshot.at], columns };
    }
    const sparklines = new Map(state.sparklines);
    for (const skill of snapshot.skills) {
      const line = sparklines.get(skill.skillId) ?? { t: [], waiting: [] };
      if ((line.t.at(-1) ?? 0) >= snapshot.at) continue;
      sparklines.set(skill.skillId, {
        t: [...line.t, snapshot.at].slice(-SPARKLINE_POINTS),
        waiting: [...line.waiting, snapshot.live ? skill.waiting : null].slice(-SPARKLINE_POINTS),
      });
    }
    set({ snapshot, history, sparklines });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      unsubscribe ??= bridge.on('stats.changed', applySnapshot);
      await after;
      const result = await bridge.invoke('stats.getSnapshot', {});
      if (result.ok && result.value && !state.snapshot) applySnapshot(result.value);
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
    async showScope(skillId) {
      scope = skillId;
      const token = ++scopeToken;
      await after;
      const result = await bridge.invoke('stats.history', { skillId });
      if (token !== scopeToken) return;
      set({ history: result.ok ? result.value : null });
    },
    async loadSparklines(skillIds) {
      const wanted = skillIds.filter((id) => !loadedSparklines.has(id));
      for (const id of wanted) loadedSparklines.add(id);
      if (wanted.length === 0) return;
      await after;
      const answers = await Promise.all(
        wanted.map((skillId) => bridge.invoke('stats.history', { skillId, sinceMs: SPARKLINE_MS })),
      );
      const sparklines = new Map(state.sparklines);
      answers.forEach((result, index) => {
        const id = wanted[index];
        if (!result.ok || id === undefined) return;
        const live = sparklines.get(id) ?? { t: [], waiting: [] };
        const since = result.value.t.at(-1) ?? 0;
        const tail = live.t
          .map((at, i) => [at, live.waiting[i] ?? null] as const)
          .filter(([at]) => at > since);
        sparklines.set(id, {
          t: [...result.value.t, ...tail.map(([at]) => at)].slice(-SPARKLINE_POINTS),
          waiting: [...result.value.columns.waiting, ...tail.map(([, value]) => value)].slice(
            -SPARKLINE_POINTS,
          ),
        });
      });
      set({ sparklines });
    },
  };
}
