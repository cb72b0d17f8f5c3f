/**
 * The coaching records' state changes: they wait up to STATE_WRITE_DELAY_MS and are then
 * written in one go, and nothing that reads the records or closes them can miss one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCoachingFolder } from '../../../../test/support/core/coaching-folder';
import { silentLogger } from '../../node/node-ports';
import { CoachingRecords, STATE_WRITE_DELAY_MS, STATE_WRITE_MAX_WAITING } from './coaching-records';
import { CoachingDatabase } from './database/coaching-database';
import { CoachingStore, type StateChange } from './database/coaching-store';

const NOW = Date.UTC(2025, 5, 2, 9, 0, 0);
const folder = useCoachingFolder('cc-coaching-records-', NOW);
afterEach(() => vi.restoreAllMocks());

const createRecords = (): CoachingRecords =>
  new CoachingRecords({
    clock: folder.clock,
    logger: silentLogger,
    database: { filePath: folder.file, loadEngine: async () => folder.engine },
    retentionDays: () => 90,
    readJournal: () => [],
    notice: () => undefined,
    onOpened: () => undefined,
  });

async function openRecords(): Promise<CoachingRecords> {
  const records = createRecords();
  await records.open();
  return records;
}

const change = (workNo: string, state: string, at: number): StateChange => ({
  workNo,
  state,
  since: at - 1_000,
  exact: true,
  at,
});

const statesOf = (store: CoachingStore, workNo: string) =>
  store
    .timeline({ workNo, kinds: ['state'], from: null, to: null, limit: 100 })
    .map((entry) => (entry.kind === 'state' ? [entry.state, entry.at] : [entry.kind, entry.at]));

describe('coaching records: state changes', () => {
  it('keeps the changes of many roster deltas and writes them in one transaction', async () => {
    const records = await openRecords();
    const written = vi.spyOn(CoachingStore.prototype, 'recordStates');
    records.recordStates([change('1001', 'talking', NOW), change('1002', 'idle', NOW)]);
    await folder.clock.advance(50);
    records.recordStates([change('1001', 'wrap-up', NOW + 50)]);
    await folder.clock.advance(STATE_WRITE_DELAY_MS - 60);
    expect(written).not.toHaveBeenCalled();

    await folder.clock.advance(10);
    expect(written).toHaveBeenCalledTimes(1);
    expect(written.mock.calls[0]?.[0].map((row) => [row.workNo, row.state])).toEqual([
      ['1001', 'talking'],
      ['1002', 'idle'],
      ['1001', 'wrap-up'],
    ]);
    records.close();
  });

  it('a burst is written as soon as STATE_WRITE_MAX_WAITING changes wait', async () => {
    const records = await openRecords();
    const written = vi.spyOn(CoachingStore.prototype, 'recordStates');
    const burst = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => change(String(from + index), 'idle', NOW));
    records.recordStates(burst(10_000, STATE_WRITE_MAX_WAITING - 1));
    expect(written).not.toHaveBeenCalled();
    records.recordStates(burst(20_000, 2));
    expect(written).toHaveBeenCalledTimes(1);
    expect(written.mock.calls[0]?.[0]).toHaveLength(STATE_WRITE_MAX_WAITING + 1);
    // Nothing is left waiting, so the delay writes nothing more.
    await folder.clock.advance(STATE_WRITE_DELAY_MS);
    expect(written).toHaveBeenCalledTimes(1);
    records.close();
  });

  it('a read of the records sees the changes still waiting', async () => {
    const records = await openRecords();
    records.recordStates([change('1001', 'talking', NOW)]);
    expect(statesOf(records.current as CoachingStore, '1001')).toEqual([['talking', NOW]]);
    records.close();
  });

  it('closing writes the changes still waiting to the file', async () => {
    const records = await openRecords();
    records.recordStates([change('1001', 'rest', NOW)]);
    records.close();
    const reopened = new CoachingDatabase({
      engine: folder.engine,
      filePath: folder.file,
      clock: folder.clock,
      logger: silentLogger,
    });
    expect(statesOf(new CoachingStore(reopened), '1001')).toEqual([['rest', NOW]]);
    reopened.close();
  });

  it('changes recorded before the file is open land once it is', async () => {
    const records = createRecords();
    records.recordStates([change('1001', 'idle', NOW)]);
    await folder.clock.advance(STATE_WRITE_DELAY_MS);
    await records.open();
    expect(statesOf(records.current as CoachingStore, '1001')).toEqual([['idle', NOW]]);
    records.close();
  });
});
