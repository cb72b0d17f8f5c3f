/** The shift on disk: appended lines, a torn line skipped, a corrupt file kept aside. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FIELDS } from '../../../shared/insight';
import { silentLogger } from '../../node/node-ports';
import { ShiftFile, SHIFT_FILE_NAME } from './shift-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shift-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = { shiftStartedAt: 1_000, resolutionMs: 5_000, serviceLevelSeconds: 20 };
const values = (waiting: number) =>
  new Map([[-1, HISTORY_FIELDS.map((_, i) => (i === 0 ? waiting : null))]]);

describe('ShiftFile', () => {
  it('writes a header, samples and counters, and reads them back', () => {
    const file = new ShiftFile(dir, silentLogger);
    file.begin(HEADER);
    file.appendSample({ at: 6_000, values: values(3), names: { '-1': '' } });
    file.appendCounters({
      at: 7_000,
      outcomes: {
        '4': {
          answered: 2,
          answeredWithin: 1,
          abandoned: 0,
          abandonedAfter: 0,
          waitSumMs: 9,
          observedMs: 5,
          calls: 2,
        },
      },
      reasonTime: { '1001': { name: 'Ann', rest: 60_000, busy: 0, wrapUp: 0, byReason: {} } },
    });
    file.close();
    const loaded = new ShiftFile(dir, silentLogger).load(10_000);
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded') return;
    expect(loaded.shift.header).toEqual(HEADER);
    expect(loaded.shift.samples).toHaveLength(1);
    expect(loaded.shift.samples[0]?.values.get(-1)?.[0]).toBe(3);
    expect(loaded.shift.counters?.outcomes['4']?.answered).toBe(2);
    expect(loaded.shift.counters?.reasonTime['1001']?.rest).toBe(60_000);
  });

  it('skips a torn last line and bad lines, and keeps appending after them', () => {
    const file = new ShiftFile(dir, silentLogger);
    file.begin(HEADER);
    file.appendSample({ at: 6_000, values: values(1), names: {} });
    file.close();
    const filePath = path.join(dir, SHIFT_FILE_NAME);
    fs.appendFileSync(filePath, '{"kind":"sample","at":11000,"values":{"-1":[1,2');
    const again = new ShiftFile(dir, silentLogger);
    again.appendSample({ at: 16_000, values: values(5), names: {} });
    fs.appendFileSync(filePath, '{"kind":"sample","at":"x"}\n');
    again.close();
    const loaded = again.load(20_000);
    expect(loaded.kind === 'loaded' && loaded.shift.samples.map((sample) => sample.at)).toEqual([
      6_000, 16_000,
    ]);
    expect(loaded.kind === 'loaded' && loaded.shift.skippedLines).toBe(2);
  });

  it('moves a file with an unreadable header aside, byte for byte, and reports it', () => {
    const filePath = path.join(dir, SHIFT_FILE_NAME);
    fs.writeFileSync(filePath, 'not json at all\n{"kind":"sample"}\n');
    const loaded = new ShiftFile(dir, silentLogger).load(42);
    expect(loaded).toMatchObject({ kind: 'corrupt', movedTo: `${filePath}.corrupt-42` });
    expect(fs.existsSync(filePath)).toBe(false);
    expect(fs.readFileSync(`${filePath}.corrupt-42`, 'utf8')).toBe(
      'not json at all\n{"kind":"sample"}\n',
    );
  });

  it('a new shift keeps the finished one under its start time', () => {
    const file = new ShiftFile(dir, silentLogger);
    file.begin(HEADER);
    file.appendSample({ at: 6_000, values: values(1), names: {} });
    file.begin({ ...HEADER, shiftStartedAt: 50_000_000 });
    file.close();
    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual(['shift-1970-01-01T00-00-01-000Z.jsonl', SHIFT_FILE_NAME]);
    const loaded = file.load(50_000_001);
    expect(loaded.kind === 'loaded' && loaded.shift.samples).toEqual([]);
  });
});
