import { describe, expect, it } from 'vitest';
import { commandArgSchemas } from '../../../shared/ipc/contract-schemas';
import type { SkillQueueView } from '../../../shared/domain';
import { GatewayError } from '../../gateway/gateway-error';
import type { AcdSkillStat, SkillQueue, WaitingCall } from '../../gateway/gateway-types';
import { silentLogger } from '../../node/node-ports';
import { QueueWatcher, type QueueGateway } from './queue-watcher';
import { ManualClock } from '../../../../test/support/core/manual-clock';

class FakeQueues implements QueueGateway {
  /** waitcallinfo requests. */
  readonly fetched: Array<{ skillId: number; at: number }> = [];
  /** queryacdstat requests: when, and which skills. */
  readonly overviews: Array<{ skillIds: readonly number[]; at: number }> = [];
  failing = false;
  /** Skills whose waitcallinfo is refused with this retcode (a prerequisite). */
  refused = new Map<number, string>();
  constructor(private readonly clock: ManualClock) {}

  listSkillQueues(): Promise<SkillQueue[]> {
    return Promise.resolve([1, 2, 3].map((id) => ({ id, name: `Skill ${id}`, mediaType: null })));
  }
  listWaitingCalls(skillId: number): Promise<WaitingCall[]> {
    this.fetched.push({ skillId, at: this.clock.now() });
    const refusal = this.refused.get(skillId);
    if (refusal !== undefined)
      return Promise.reject(
        new GatewayError({ kind: 'retcode', interfaceName: 'queryWaitCallInfo', retcode: refusal }),
      );
    if (this.failing)
      return Promise.reject(
        new GatewayError({ kind: 'transport', interfaceName: 'queryWaitCallInfo' }),
      );
    return Promise.resolve([
      {
        callId: `c${skillId}`,
        caller: '555',
        called: null,
        skillId,
        skillName: null,
        enqueuedAt: 1,
        priority: 0,
        callFeature: 0,
      },
    ]);
  }
  queryAcdStats(skillIds: readonly number[]): Promise<AcdSkillStat[]> {
    this.overviews.push({ skillIds, at: this.clock.now() });
    if (this.failing)
      return Promise.reject(new GatewayError({ kind: 'transport', interfaceName: 'acd' }));
    return Promise.resolve(
      skillIds.map((skillId) => ({
        skillId,
        pilotNumber: null,
        waiting: 1,
        longestWaitSeconds: 30,
        signedIn: 5,
        available: 2,
        description: null,
      })),
    );
  }
  /** How many overview rounds (one queryacdstat for all queues) since `since`. */
  overviewsSince(since: number): number {
    return this.overviews.filter((call) => call.at >= since).length;
  }
}

function setup() {
  const clock = new ManualClock();
  const gateway = new FakeQueues(clock);
  const changes: SkillQueueView[][] = [];
  const watcher = new QueueWatcher({
    clock,
    logger: silentLogger,
    onChange: (queues) => changes.push(queues),
    onFailure: () => undefined,
  });
  return { clock, gateway, watcher, changes };
}

// cec_07_1271 / 0429 prerequisite: "the agent is not idle". On a gateway that enforces it an
// idle inspector's waitcallinfo is refused: the queue says so, the others carry on.
describe('QueueWatcher and the waitcallinfo prerequisite', () => {
  it('marks a refused queue as hidden without failing the round or the session', async () => {
    const clock = new ManualClock();
    const gateway = new FakeQueues(clock);
    const failures: unknown[] = [];
    const changes: SkillQueueView[][] = [];
    const watcher = new QueueWatcher({
      clock,
      logger: silentLogger,
      onChange: (queues) => changes.push(queues),
      onFailure: (error) => failures.push(error),
    });
    gateway.refused.set(2, '100-009');
    watcher.start(gateway);
    // Only expanded queues ask waitcallinfo: open both.
    watcher.watch([1, 2], true);
    await clock.advance(0);
    expect(failures).toEqual([]);
    const views = changes.at(-1)!;
    // The calls are hidden; the count and longest wait stay queryacdstat's (cec_07_0411).
    expect(views.find((view) => view.skillId === 2)).toMatchObject({
      callsHidden: true,
      calls: null,
      waitingCount: 1,
      available: 2,
    });
    expect(views.find((view) => view.skillId === 1)).toMatchObject({ waitingCount: 1 });
    expect(views.find((view) => view.skillId === 1)?.calls).toHaveLength(1);
    expect(views.find((view) => view.skillId === 1)?.callsHidden).toBeUndefined();
    // Once the gateway answers again (the inspector is busy), the calls are back.
    gateway.refused.clear();
    await clock.advance(2_000);
    const back = changes.at(-1)!.find((view) => view.skillId === 2);
    expect(back?.calls).toHaveLength(1);
    expect(back?.callsHidden).toBeUndefined();
  });

  it('still reports a lost session from waitcallinfo', async () => {
    const clock = new ManualClock();
    const gateway = new FakeQueues(clock);
    const failures: unknown[] = [];
    const watcher = new QueueWatcher({
      clock,
      logger: silentLogger,
      onChange: () => undefined,
      onFailure: (error) => failures.push(error),
    });
    gateway.refused.set(1, '100-006');
    watcher.start(gateway);
    watcher.watch([1], true);
    await clock.advance(0);
    expect(failures).toHaveLength(1);
  });
});

describe('QueueWatcher refresh intervals', () => {
  it('refreshes the overview every 60 s while nobody looks', async () => {
    const { clock, gateway, watcher } = setup();
    watcher.start(gateway);
    await clock.advance(0);
    expect(gateway.overviewsSince(0)).toBe(1);
    await clock.advance(59_000);
    expect(gateway.overviews).toHaveLength(1);
    await clock.advance(1_000);
    expect(gateway.overviews).toHaveLength(2);
    // One request for all skills; no waitcallinfo while no queue is expanded.
    expect(gateway.overviews[0]?.skillIds).toEqual([1, 2, 3]);
    expect(gateway.fetched).toEqual([]);
  });

  it('refreshes the counts every 5 s while the panel is open with no queue expanded, and slows down when it closes', async () => {
    const { clock, gateway, watcher, changes } = setup();
    watcher.start(gateway);
    await clock.advance(10_000);
    const opened = clock.now();
    watcher.watch([], true);
    expect(watcher.watched).toBe(true);
    // The overview is 10 s old: refreshed at once, then every 5 s.
    await clock.advance(0);
    expect(gateway.overviewsSince(opened)).toBe(1);
    await clock.advance(20_000);
    expect(gateway.overviewsSince(opened)).toBe(5);
    expect(
      changes
        .at(-1)
        ?.map((queue) => [queue.skillId, queue.waitingCount, queue.calls, queue.available]),
    ).toEqual([
      [1, 1, null, 2],
      [2, 1, null, 2],
      [3, 1, null, 2],
    ]);
    const view = changes.at(-1)?.[0];
    expect(view && view.dataAt - (view.longestWaitSince ?? 0)).toBe(30_000);
    const closed = clock.now();
    watcher.watch([], false);
    await clock.advance(59_000);
    expect(gateway.overviewsSince(closed + 1)).toBe(0);
    await clock.advance(1_000);
    expect(gateway.overviewsSince(closed + 1)).toBe(1);
  });

  it('opening the panel right after a refresh waits for the 5 s mark instead of refreshing twice', async () => {
    const { clock, gateway, watcher } = setup();
    const started = clock.now();
    watcher.start(gateway);
    await clock.advance(2_000);
    watcher.watch([], true);
    await clock.advance(2_900);
    expect(gateway.overviewsSince(started + 1)).toBe(0);
    await clock.advance(100);
    expect(gateway.overviewsSince(started + 1)).toBe(1);
  });

  it('refreshes expanded queues (with calls) every 2 s and the overview along with them when due', async () => {
    const { clock, gateway, watcher, changes } = setup();
    watcher.start(gateway);
    await clock.advance(10_000);
    const since = clock.now();
    watcher.watch([2], false);
    await clock.advance(0);
    expect(changes.at(-1)?.find((queue) => queue.skillId === 2)?.calls).toHaveLength(1);
    await clock.advance(12_000);
    // Skill 2: at once, then every 2 s; the overview along (due every 5 s, on the 2 s grid).
    expect(gateway.fetched.filter((call) => call.skillId === 2 && call.at >= since)).toHaveLength(
      7,
    );
    expect(gateway.fetched.every((call) => call.skillId === 2)).toBe(true);
    expect(gateway.overviewsSince(since)).toBe(3);
  });

  it('after a failed round waits a full interval (no tight retry loop)', async () => {
    const { clock, gateway, watcher } = setup();
    gateway.failing = true;
    watcher.start(gateway);
    watcher.watch([], true);
    await clock.advance(10_000);
    expect(gateway.overviewsSince(0)).toBeLessThanOrEqual(3);
  });
});

describe('queues.watch arguments', () => {
  const schema = commandArgSchemas['queues.watch'];

  it('takes an optional panelOpen flag; older callers without it still validate', () => {
    expect(schema.parse({ skillIds: [1] })).toEqual({ skillIds: [1] });
    expect(schema.parse({ skillIds: [], panelOpen: true })).toEqual({
      skillIds: [],
      panelOpen: true,
    });
    expect(schema.safeParse({ skillIds: [], panelOpen: 'yes' }).success).toBe(false);
  });
});
