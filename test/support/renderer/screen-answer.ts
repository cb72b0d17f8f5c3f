/**
 * What `app.getScreen` answers, worked out from a whole snapshot: the test doubles of the core
 * (the renderer's fake `window.inspector`, the browser harness's scripted core) answer the
 * start's first half from the snapshot they hold. The real core builds it in
 * `src/main/supervisor/supervisor-commands.ts`; `test/integration/supervisor-core-roster.test.ts`
 * checks the two agree.
 */
import type { AppSnapshot, ScreenSnapshot } from '../../../src/shared/domain';

/** The screen's answer: the agents along when there are at most `agentsUpTo` of them. */
export function screenAnswerOf(whole: AppSnapshot, agentsUpTo: number): ScreenSnapshot {
  const { roster, rosterVersion, presorted, ...screen } = whole;
  const agents =
    roster.length <= agentsUpTo
      ? { roster, rosterVersion, ...(presorted ? { presorted } : {}) }
      : null;
  return { ...screen, agentCount: roster.length, agents };
}
