/**
 * Insight against the simulator: the queue overview is one queryacdstat per refresh for every
 * skill (Huawei cec_07_0411) and waitcallinfo only for the expanded queue; the live figures
 * follow the simulator's center; a call the simulator's ACD connects to an agent while the
 * queue is watched is observed as answered.
 */
import { describe, expect, it } from 'vitest';
import { startCoreOnSimulator } from '../support/core/start-core-on-simulator';
import { waitFor } from '../support/wait-for';
import { requestsOf } from './supervisor-core-helpers';

describe('insight on the simulator', () => {
  it('reads all queues with queryacdstat, watches the expanded one, and observes an answer', async () => {
    const h = await startCoreOnSimulator({
      simulator: { changesPerAgentPerMinute: 1 },
      supervisor: { warmupEnrichment: { windowMs: 0 } },
    });
    try {
      await h.signIn();
      const skills = h.sim.center.listSkills();
      const watched = skills[0]!;
      const first = await h.recorder.waitFor('stats.changed', () => true, 8_000);
      expect(first.payload.skills.map((skill) => skill.skillId).sort()).toEqual(
        skills.map((skill) => skill.id).sort(),
      );
      // One queryacdstat per refresh for every skill, no waitcallinfo while nothing is expanded.
      expect(requestsOf(h, 'queryStatInfoOfAcd')).toBeGreaterThanOrEqual(1);
      expect(requestsOf(h, 'queryWaitCallInfoBySkillId')).toBe(0);
      const signedIn = first.payload.skills.find((skill) => skill.skillId === watched.id)!;
      expect(signedIn.agents.signedIn).toBeGreaterThan(0);

      const result = await h.core.execute('queues.watch', {
        skillIds: [watched.id],
        panelOpen: true,
      });
      expect(result.ok).toBe(true);
      await waitFor(() => requestsOf(h, 'queryWaitCallInfoBySkillId') >= 1, {
        what: 'waitcallinfo',
      });
      h.sim.center.enqueueCall(watched.id, '13800000042');
      // The simulator's ACD routes it to an idle agent of the skill after its announcement.
      const answered = await h.recorder.waitFor(
        'stats.changed',
        (snapshot) =>
          (snapshot.skills.find((skill) => skill.skillId === watched.id)?.observed.answered ?? 0) >=
          1,
        30_000,
      );
      const figures = answered.payload.skills.find((skill) => skill.skillId === watched.id)!;
      expect(figures.observed.coverage.observedMs).toBeGreaterThan(0);
      expect(figures.observed.asaSeconds).not.toBeNull();
      expect(answered.payload.center.observedSkills).toBe(1);
      // Only the expanded queue is listed call by call.
      const history = await h.core.execute('stats.history', { skillId: watched.id });
      expect(history.ok && history.value.t.length).toBeGreaterThanOrEqual(2);
    } finally {
      await h.close();
    }
  }, 60_000);
});
