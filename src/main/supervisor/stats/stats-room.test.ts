/**
 * The statistics room over a scripted roster and scripted gateway answers (queryacdstat rows as
 * on Huawei cec_07_0411, waitcallinfo lists as on cec_07_1271): live figures every 5 s, the
 * history, the budgets, and a restart that keeps the shift from its file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentRow, AgentState, Notice } from '../../../shared/domain';
import type { InsightSnapshot } from '../../../shared/insight';
import { createDefaultInsightSettings } from '../../../shared/insight-settings';
import { silentLogger } from '../../node/node-ports';
import { ManualClock } from '../../../../test/support/core/manual-clock';
import { StatsRoom, type BudgetBreach } from './stats-room';
import { SHIFT_FILE_NAME } from './shift-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stats-room-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SKILLS = [
  { id: 1, name: 'Sales', mediaType: null },
  { id: 2, name: 'Billing', mediaType: null },
];

function agent(workNo: string, state: AgentState, skills: string[], since: number): AgentRow {
  return {
    workNo,
    name: `Agent ${workNo}`,
    groupName: 'G',
    skills,
    state,
    stateSince: since,
    stateSinceExact: true,
    call: null,
    inspectedBy: null,
    dataAt: since,
    alerts: [],
  };
}

function setup(clock = new ManualClock()) {
  const rows = new Map<string, AgentRow>();
  const snapshots: InsightSnapshot[] = [];
  const budgets: BudgetBreach[][] = [];
  const notices: Notice[] = [];
  let live = true;
  const room = new StatsRoom({
    clock,
    logger: silentLogger,
    directory: dir,
    settings: () => ({ ...createDefaultInsightSettings(), restBudgetMinutes: 1 }),
    skills: () => SKILLS,
    roster: { workNos: () => [...rows.keys()], peek: (workNo) => rows.get(workNo) },
    isLive: () => live,
    onSnapshot: (snapshot) => snapshots.push(snapshot),
    onBudgets: (list) => budgets.push(list),
    onNotice: (notice) => notices.push(notice),
  });
  const setState = (workNo: string, state: AgentState, skills = ['Sales']) => {
    rows.set(workNo, agent(workNo, state, skills, clock.now()));
    room.handleStateChange(workNo, state, clock.now());
  };
  return {
    clock,
    room,
    rows,
    snapshots,
    budgets,
    notices,
    setState,
    setLive: (value: boolean) => (live = value),
  };
}

const acdRow = (skillId: number, waiting: number, longest: number) => ({
  skillId,
  pilotNumber: null,
  waiting,
  longestWaitSeconds: longest,
  signedIn: 4,
  available: 1,
  description: null,
});

describe('StatsRoom', () => {
  it('every 5 s: gateway figures, the roster mix, observed calls, and one history sample', async () => {
    const { clock, room, snapshots, setState } = setup();
    room.start();
    setState('1001', 'idle');
    setState('1002', 'talking');
    setState('1003', 'wrap-up', ['Billing']);
    setState('1004', 'rest');
    room.handleAcdStats([acdRow(1, 2, 30), acdRow(2, 0, 0)], clock.now());
    room.handleWaitingCalls(
      1,
      [{ callId: 'c1', enqueuedAt: clock.now() - 8_000 }] as never,
      clock.now(),
    );
    await clock.advance(2_000);
    setState('1001', 'ringing'); // c1 answered after 10 s
    room.handleWaitingCalls(1, [], clock.now());
    await clock.advance(3_000);
    const last = snapshots.at(-1)!;
    const sales = last.skills.find((skill) => skill.skillId === 1)!;
    expect(sales).toMatchObject({ waiting: 2, longestWaitSeconds: 30, name: 'Sales' });
    expect(sales.agents).toMatchObject({
      signedIn: 4,
      available: 1,
      talking: 2,
      resting: 1,
      counted: 3,
    });
    expect(sales.observed).toMatchObject({ answered: 1, abandoned: 0, serviceLevel: 1 });
    expect(sales.observed.asaSeconds).toBeCloseTo(10);
    expect(sales.observed.coverage.observedMs).toBe(2_000);
    expect(last.center).toMatchObject({ waiting: 2, longestWaitSeconds: 30, observedSkills: 1 });
    expect(last.center.agents).toMatchObject({ talking: 2, wrapUp: 1, resting: 1, signedIn: 4 });
    expect(room.history(1).columns.waiting).toEqual([2]);
    expect(room.history(null).columns.talking).toEqual([2]);
    room.dispose();
  });

  it('a budget exceeded this shift is reported for the existing alerts', async () => {
    const { clock, room, budgets, setState } = setup();
    room.start();
    await clock.advance(5_000); // the shift starts at the first live sample
    setState('1004', 'rest');
    await clock.advance(60_000);
    expect(budgets.at(-1)).toEqual([]);
    await clock.advance(5_000);
    expect(budgets.at(-1)).toEqual([{ kind: 'rest-budget', workNo: '1004', thresholdSeconds: 60 }]);
    room.dispose();
  });

  it('records gaps while signed out, and starts no shift before the first live sample', async () => {
    const { clock, room, setLive, snapshots } = setup();
    setLive(false);
    room.start();
    await clock.advance(10_000);
    expect(snapshots).toEqual([]);
    setLive(true);
    room.handleAcdStats([acdRow(1, 3, 5)], clock.now());
    await clock.advance(5_000);
    setLive(false);
    await clock.advance(5_000);
    expect(room.history(1).columns.waiting).toEqual([3, null]);
    expect(snapshots.at(-1)?.live).toBe(false);
    room.dispose();
  });

  it('a restart within the shift keeps its history and counters (the file)', async () => {
    const first = setup();
    first.room.start();
    first.room.handleAcdStats([acdRow(1, 2, 3)], first.clock.now());
    first.room.handleWaitingCalls(
      1,
      [{ callId: 'x', enqueuedAt: first.clock.now() }] as never,
      first.clock.now(),
    );
    await first.clock.advance(2_000);
    first.room.handleWaitingCalls(1, [], first.clock.now()); // nobody answered: abandoned
    await first.clock.advance(13_000);
    first.room.dispose();

    const clock = new ManualClock(first.clock.now() + 60_000);
    const second = setup(clock);
    second.room.start();
    expect(second.room.history(1).columns.waiting).toEqual([2, 2, 2]);
    second.room.handleAcdStats([acdRow(1, 5, 3)], clock.now());
    await clock.advance(5_000);
    const sales = second.snapshots.at(-1)!.skills.find((skill) => skill.skillId === 1)!;
    expect(sales.observed.abandoned).toBe(1);
    expect(second.snapshots.at(-1)!.shiftStartedAt).toBe(first.snapshots[0]!.shiftStartedAt);
    expect(second.room.history(1).columns.waiting).toEqual([2, 2, 2, 5]);
    // CSV: the header, then one row per sample and series.
    const csv = second.room.exportCsv();
    expect(csv.text.split('\r\n')[0]).toBe(
      'time,scope,skill_id,skill_name,waiting,longestWait,signedIn,available,talking,wrapUp,resting,busy,idle,answered,abandoned,serviceLevel',
    );
    expect(csv.rows).toBe(4 * 3);
    second.room.dispose();
  });

  it('a corrupt shift file is kept aside, the user told, and a new shift starts', async () => {
    fs.writeFileSync(path.join(dir, SHIFT_FILE_NAME), '\u0000garbage');
    const { clock, room, notices, snapshots } = setup();
    room.start();
    expect(notices[0]?.message).toMatch(/kept aside/);
    expect(fs.readdirSync(dir).some((name) => name.startsWith(`${SHIFT_FILE_NAME}.corrupt-`))).toBe(
      true,
    );
    await clock.advance(5_000);
    expect(snapshots).toHaveLength(1);
    room.dispose();
  });
});
