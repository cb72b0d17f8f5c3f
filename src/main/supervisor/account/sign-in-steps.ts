/**
 * The steps every sign-in and sign-out of the account flows share: a last check of the address
 * (whatever path led here, a password never goes to a refused address), the session's sign-in,
 * and the journal line.
 */
import type { JournalEntry } from '../../../shared/domain';
import type { Result } from '../../../shared/ipc/contract';
import { fail, ok, toCommandError } from '../command-errors';
import type { SessionTarget } from '../session/session-controller';
import type { SupervisorRuntime } from '../supervisor-runtime';
import { refuseAddress } from './gateway-policy';

export type Source = JournalEntry['source'];

/** Sign in to `target` and journal it; refused before the network when the address is. */
export async function signInTo(
  rt: SupervisorRuntime,
  target: SessionTarget,
  interactive: boolean,
  source: Source,
): Promise<Result<null>> {
  const startedAt = rt.clock.now();
  if (!target.demo) {
    const refusal = refuseAddress(
      target.gatewayUrl,
      {
        ...rt.settings.gateway,
        caPem: target.tls?.caPem ?? null,
        pinSha256: target.tls?.pinSha256 ?? null,
      },
      'gatewayUrl',
    );
    if (refusal) {
      journalSession(rt, {
        action: 'sign-in',
        inspectorId: target.inspectorId,
        source,
        modeBefore: 'idle',
        startedAt,
        error: refusal,
      });
      return fail(refusal);
    }
  }
  const outcome = await rt.session.signIn(target, interactive);
  const error = outcome.ok ? null : toCommandError(outcome.error);
  journalSession(rt, {
    action: 'sign-in',
    inspectorId: target.inspectorId,
    source,
    modeBefore: 'idle',
    startedAt,
    error,
  });
  return error ? fail(error) : ok(null);
}

/** A sign-in or sign-out as the journal records it. */
export interface SessionJournalLine {
  action: 'sign-in' | 'sign-out';
  inspectorId: string;
  source: Source;
  modeBefore: JournalEntry['modeBefore'];
  startedAt: number;
  error: ReturnType<typeof toCommandError> | null;
}

/** One journal line for a sign-in or sign-out. */
export function journalSession(
  rt: SupervisorRuntime,
  { action, inspectorId, source, modeBefore, startedAt, error }: SessionJournalLine,
): void {
  rt.appendJournal({
    at: new Date(startedAt).toISOString(),
    action,
    target: inspectorId,
    source,
    modeBefore,
    modeAfter: rt.inspection.mode,
    outcome: error ? 'failed' : 'ok',
    retcode: error?.retcode ?? null,
    message: error?.message ?? null,
    durationMs: Math.max(0, rt.clock.now() - startedAt),
  });
}
