/**
 * How the runtime wires the statistics room: the room itself plus the hooks the runtime calls
 * (roster changes, queue answers, link loss). Kept here so the runtime grows by a few lines.
 */
import path from 'node:path';
import type { RosterHooks } from '../roster/roster-store';
import type { SupervisorRuntime } from '../supervisor-runtime';
import { StatsRoom } from './stats-room';

export type { StatsRoom } from './stats-room';

/** The runtime's parts the room reads (all read lazily, so it may be built first). */
export type RuntimeStatsDeps = Pick<
  SupervisorRuntime,
  | 'clock'
  | 'logger'
  | 'settings'
  | 'queues'
  | 'roster'
  | 'alerts'
  | 'session'
  | 'emit'
  | 'notice'
  | 'scheduleFlush'
>;

/**
 * The roster's hooks: every state change and removal goes to the alert engine (thresholds) and
 * to the statistics room (answers, reason-code time), in that order.
 */
export function rosterHooksFor(rt: Pick<SupervisorRuntime, 'alerts' | 'stats'>): RosterHooks {
  return {
    onStateChange(workNo, state, since) {
      rt.alerts.trackAgent(workNo, state, since);
      rt.stats.handleStateChange(workNo, state, since);
    },
    onRemove(workNo) {
      rt.alerts.forgetAgent(workNo);
      rt.stats.handleRemove(workNo);
    },
  };
}

/** The shift folder: the one given, else `stats/` beside the journal. */
export function statsDirectory(statsDir: string | undefined, journalDir: string): string {
  return statsDir ?? path.join(journalDir, 'stats');
}

/** Build the room over the runtime's parts and start sampling. */
export function createRuntimeStats(rt: RuntimeStatsDeps, directory: string | null): StatsRoom {
  const room = new StatsRoom({
    clock: rt.clock,
    logger: rt.logger,
    directory,
    settings: () => rt.settings.insight,
    skills: () => rt.queues.listSkills(),
    roster: {
      workNos: () => rt.roster.workNos(),
      peek: (workNo) => rt.roster.peek(workNo),
    },
    isLive: () => rt.session.isLive,
    onSnapshot: (snapshot) => rt.emit('stats.changed', snapshot),
    onBudgets: (breaches) => {
      rt.alerts.setBudgetAlerts(breaches, rt.clock.now());
      rt.scheduleFlush();
    },
    onNotice: (notice) => rt.notice(notice),
  });
  room.start();
  return room;
}
