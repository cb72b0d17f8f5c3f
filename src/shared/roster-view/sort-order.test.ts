// @vitest-environment node
import fc from 'fast-check';
import type { AgentRow } from '../domain';
import { AGENT_STATES } from '../domain';
import { makeAgent } from '../../../test/support/renderer/fixtures';
import type { SortOrder } from './agent-view';
import { NO_KEY, sortFirstScreen, sortVisible, type SortInput } from './sort-order';

const now = 1_700_000_000_000;

/** The attention keys as deriveRoster writes them. */
function toInput(rows: AgentRow[], overdue: number[] = rows.map(() => 0)): SortInput {
  const callAge = new Float64Array(rows.length);
  const stateAge = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    const since = row.call?.since ?? null;
    callAge[index] = since === null ? NO_KEY : -since;
    stateAge[index] = row.stateSince === null ? NO_KEY : -row.stateSince;
  });
  return { rows, overdue: Float64Array.from(overdue), callAge, stateAge };
}

const arbitraryRow = (workNo: string) =>
  fc
    .record({
      state: fc.constantFrom(...AGENT_STATES),
      stateAgo: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      callAgo: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      name: fc.constantFrom('Li Na', 'li na', 'Wang Fang', 'Zhang Wei', '陈洋'),
      group: fc.constantFrom('Sales', 'Support', ''),
    })
    // Coarse times (whole minutes out of 20) so ties are common and the id must break them.
    .map(({ state, stateAgo, callAgo, name, group }) =>
      makeAgent(workNo, {
        state,
        name,
        groupName: group,
        stateSince: stateAgo === null ? null : now - stateAgo * 60_000,
        call:
          callAgo === null ? null : { callId: null, caller: null, since: now - callAgo * 60_000 },
      }),
    );

const arbitraryRoster = fc
  .integer({ min: 0, max: 120 })
  .chain((count) =>
    fc.tuple(
      fc.tuple(
        ...Array.from({ length: count }, (_, index) => arbitraryRow(String(5000 - index * 7))),
      ),
      fc.array(fc.constantFrom(0, 0, 0, 1.2, 2.5), { minLength: count, maxLength: count }),
    ),
  );

const arbitraryOrder: fc.Arbitrary<SortOrder> = fc.record({
  key: fc.constantFrom(
    'attention',
    'workNo',
    'name',
    'group',
    'state',
    'timeInState',
    'call',
    'inspectedBy',
  ),
  direction: fc.constantFrom('asc', 'desc'),
});

const ids = (rows: AgentRow[], order: Uint32Array): string[] =>
  [...order].map((position) => (rows[position] as AgentRow).workNo);

describe('sortFirstScreen', () => {
  it('puts exactly the first rows of the full order on top, keeps every row once, and places the pinned row right', () => {
    fc.assert(
      fc.property(
        arbitraryRoster,
        arbitraryOrder,
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        ([rows, overdue], order, firstCount, pinSeed) => {
          const input = toInput(rows, overdue);
          const full = ids(rows, sortVisible(input, order));
          const pinned = rows.length === 0 ? null : pinSeed % rows.length;
          const partial = ids(rows, sortFirstScreen(input, order, firstCount, pinned));
          expect(partial.slice(0, firstCount)).toEqual(full.slice(0, firstCount));
          expect([...partial].sort()).toEqual([...full].sort());
          if (pinned !== null) {
            const workNo = (rows[pinned] as AgentRow).workNo;
            expect(partial.indexOf(workNo)).toBe(full.indexOf(workNo));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sortVisible', () => {
  it('ranks a call of unknown start by its lower bound when sorting by call length', () => {
    const rows = [
      makeAgent('1', {
        state: 'talking',
        stateSince: now - 60_000,
        call: { callId: null, caller: null, since: now - 60_000 },
      }),
      // Started before we could see it: at least 5 minutes long.
      makeAgent('2', {
        state: 'talking',
        stateSince: now - 300_000,
        stateSinceExact: false,
        call: { callId: null, caller: null, since: null },
      }),
      makeAgent('3', { state: 'idle', call: null }),
    ];
    expect(ids(rows, sortVisible(toInput(rows), { key: 'call', direction: 'desc' }))).toEqual([
      '2',
      '1',
      '3',
    ]);
  });

  it('gives names the collator calls equal one rank, so the agent id decides', () => {
    const rows = [
      makeAgent('9', { name: 'li na' }),
      makeAgent('3', { name: 'Li Na' }),
      makeAgent('5', { name: 'Ann' }),
    ];
    expect(ids(rows, sortVisible(toInput(rows), { key: 'name', direction: 'asc' }))).toEqual([
      '5',
      '3',
      '9',
    ]);
  });
});
