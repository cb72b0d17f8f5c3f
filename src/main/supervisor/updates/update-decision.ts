/**
 * When an update may be installed and when to look for the next one, as pure functions of the
 * situation. An update never interrupts work: while the supervisor inspects an agent's call or
 * is on a call of their own it waits (and installs at quit); otherwise it installs only after
 * the person confirms. Failed checks back off quietly; the person hears of a failure only after
 * a check they asked for.
 */
import type { InspectorMode } from '../../../shared/domain';
import type { UpdatePhase } from '../../../shared/updates';

export interface InstallSituation {
  phase: UpdatePhase;
  mode: InspectorMode;
  /** The app is quitting (electron-updater then installs by itself: autoInstallOnAppQuit). */
  quitting: boolean;
}

export type InstallVerdict =
  | { kind: 'ask' }
  | { kind: 'at-quit' }
  | { kind: 'wait'; waitingFor: 'inspection' | 'call' }
  | { kind: 'nothing-to-install' };

const INSPECTING: ReadonlySet<InspectorMode> = new Set(['listening', 'inserting', 'whispering']);

/** What a request to install (a click, or the download finishing) may do now. */
export function judgeInstall(situation: InstallSituation): InstallVerdict {
  if (situation.phase !== 'ready') return { kind: 'nothing-to-install' };
  if (situation.quitting) return { kind: 'at-quit' };
  if (INSPECTING.has(situation.mode)) return { kind: 'wait', waitingFor: 'inspection' };
  if (situation.mode === 'talking') return { kind: 'wait', waitingFor: 'call' };
  return { kind: 'ask' };
}

/** Why a ready update waits right now (for the screen), or null. */
export function waitingReason(mode: InspectorMode): 'inspection' | 'call' | null {
  if (INSPECTING.has(mode)) return 'inspection';
  return mode === 'talking' ? 'call' : null;
}

export const UPDATE_TIMING = {
  /** After start, so the first check never competes with the sign-in. */
  firstCheckMs: 60_000,
  /** Between successful checks. */
  everyMs: 4 * 3_600_000,
  /** After a failed check: 15 min, doubling up to the regular interval. */
  retryMs: 15 * 60_000,
} as const;

/** Delay before the next background check, given how many checks in a row failed. */
export function nextCheckDelayMs(failuresInARow: number): number {
  if (failuresInARow <= 0) return UPDATE_TIMING.everyMs;
  return Math.min(UPDATE_TIMING.everyMs, UPDATE_TIMING.retryMs * 2 ** (failuresInARow - 1));
}
