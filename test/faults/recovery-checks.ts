/**
 * The checks every fault case shares: the connection said what was happening while the fault
 * lasted, the core was live with fresh data within 5 s after it ended without anyone acting,
 * actions reached the gateway at most once each and all of them are in the audit journal, and
 * nothing crashed.
 */
import { expect } from 'vitest';
import type { Result } from '../../src/shared/ipc/contract';
import type { JournalEntry } from '../../src/shared/domain';
import type { FaultHarness } from './fault-harness';
import { pause, waitFor } from '../support/wait-for';

/** Back to live data within this long after a fault ends (the product's robustness target). */
export const RECOVERY_TARGET_MS = 5_000;

export interface FaultWindow {
  startedAt: number;
  endedAt: number;
}

/** Run `fault` (which applies and clears the fault), returning when it started and ended. */
export async function runFault(
  apply: () => void,
  clear: () => void,
  durationMs: number,
  during?: () => Promise<void>,
): Promise<FaultWindow> {
  const startedAt = Date.now();
  apply();
  const wait = pause(durationMs);
  if (during) await during();
  await wait;
  const endedAt = Date.now();
  clear();
  return { startedAt, endedAt };
}

/** The connection said "reconnecting" with a reason while the fault lasted. */
export function expectReconnectingWithReason(
  h: FaultHarness,
  window: FaultWindow,
  reason?: RegExp,
): void {
  const states = h.statesSince(window.startedAt);
  const reconnecting = states.filter((state) => state.phase === 'reconnecting');
  expect(
    reconnecting.length,
    `states: ${JSON.stringify(states.map((state) => state.phase))}`,
  ).toBeGreaterThan(0);
  for (const state of reconnecting) {
    if (state.phase !== 'reconnecting') continue;
    expect(state.reason.length).toBeGreaterThan(0);
    expect(state.reasonZh.length).toBeGreaterThan(0);
  }
  if (reason)
    expect(
      reconnecting.some((state) => state.phase === 'reconnecting' && reason.test(state.reason)),
      JSON.stringify(reconnecting),
    ).toBe(true);
  // Never "failed": a transient fault must not end in a state only the user can leave.
  expect(states.some((state) => state.phase === 'failed' || state.phase === 'signed-out')).toBe(
    false,
  );
}

/**
 * Live again, with a fresh change on the roster, within the target after the fault ended. The
 * fresh change is the proof: a core that merely still *thinks* it is live fails it.
 */
export async function expectBackToLiveData(h: FaultHarness, window: FaultWindow): Promise<number> {
  const deadline = window.endedAt + RECOVERY_TARGET_MS;
  await waitFor(() => h.core.trayModel().connection.phase === 'live', {
    what: () =>
      `live within ${RECOVERY_TARGET_MS} ms after the fault ended: ${JSON.stringify(h.core.trayModel().connection)}`,
    timeoutMs: deadline - Date.now(),
    intervalMs: 20,
  });
  await h.expectLiveData(Math.max(200, deadline - Date.now()));
  const recoveredMs = Date.now() - window.endedAt;
  expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
  return recoveredMs;
}

/** No unhandled rejection or uncaught exception so far. */
export function expectNoCrash(h: FaultHarness): void {
  expect(h.crashes.map((error) => (error instanceof Error ? error.stack : String(error)))).toEqual(
    [],
  );
}

const ACTION_PATH =
  /qualitycontrol\/\d+\/(addsupervise|addinsert|intercept|switch|forcebusy|forceidle|forcelogout|\d+$)|requestwhisperagent|requeststopwhisperagent|requestswitchinsertwhisperagent|requestcall/;

/** Action requests (QC, force, requestcall) the core sent since `since`. */
export function actionRequestsSince(h: FaultHarness, since: number): string[] {
  return h.sent
    .filter((request) => request.at >= since && ACTION_PATH.test(request.path))
    .map((request) => `${request.method} ${request.path}`);
}

/** Exactly one request per triggered action that went to the gateway (none for refusals). */
export function expectNoActionSentTwice(
  h: FaultHarness,
  since: number,
  actions: readonly TriggeredAction[],
): void {
  expect(actionRequestsSince(h, since), JSON.stringify(actions)).toHaveLength(
    actions.filter((action) => action.sent).length,
  );
}

/** An action the test triggered, whether it succeeded and whether it reached the gateway. */
export interface TriggeredAction {
  action: JournalEntry['action'];
  ok: boolean;
  /** False for refusals before the network (forbidden state, not signed in, reconnecting). */
  sent: boolean;
  /** The error message, for a readable failure. */
  why?: string;
}

/** What a command's Result says about the action it ran. */
export function describeOutcome(
  action: JournalEntry['action'],
  result: Result<unknown>,
): TriggeredAction {
  if (result.ok) return { action, ok: true, sent: true };
  const refusedBeforeNetwork =
    result.error.code === 'forbidden-state' || result.error.code === 'not-signed-in';
  return {
    action,
    ok: false,
    sent: !refusedBeforeNetwork,
    why: `${result.error.code}: ${result.error.message}`,
  };
}

/** The journal holds exactly these actions since `since`, in order, ok exactly when they succeeded. */
export function expectJournal(
  h: FaultHarness,
  since: number,
  expected: readonly TriggeredAction[],
): void {
  const entries = h
    .journal()
    .filter(
      (entry) =>
        Date.parse(entry.at) >= since && entry.action !== 'sign-in' && entry.action !== 'sign-out',
    );
  expect(entries.map((entry) => ({ action: entry.action, ok: entry.outcome === 'ok' }))).toEqual(
    expected.map(({ action, ok }) => ({ action, ok })),
  );
  for (const entry of entries) if (entry.outcome !== 'ok') expect(entry.message ?? '').not.toBe('');
}

/** Listen then (when that worked) cancel on `workNo`; returns what was triggered. */
export async function listenAndCancel(h: FaultHarness, workNo: string): Promise<TriggeredAction[]> {
  const listened = describeOutcome(
    'listen',
    await h.core.execute('inspection.listen', { workNo, source: 'window' }),
  );
  if (!listened.ok) return [listened];
  return [
    listened,
    describeOutcome('cancel', await h.core.execute('inspection.cancel', { source: 'window' })),
  ];
}

/** After a fault: every action journalled, none sent twice, no crash or unhandled rejection. */
export function expectCleanRecovery(
  h: FaultHarness,
  since: number,
  actions: readonly TriggeredAction[],
): void {
  expectJournal(h, since, actions);
  expectNoActionSentTwice(h, since, actions);
  expectNoCrash(h);
}
