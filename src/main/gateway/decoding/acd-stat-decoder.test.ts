/**
 * queryacdstat answers, built from Huawei's page "Querying the Statistics About a Set of Skill
 * Queues" (cec_07_0411 / cec_07_1023, table 5) and from hostile variants.
 */
import { describe, expect, it } from 'vitest';
import { decodeAcdStats } from './queue-decoders';
import { malformedMessage } from '../../../../test/support/gateway/gateway-error-capture';

const LOG = 'queryStatInfoOfAcd';

/** A row with every field of table 5, types as the page lists them. */
const DOCUMENTED_ROW = {
  pilotNbr: '95555',
  deviceNo: 12,
  queueSize: 3,
  queueTime: 47,
  loadFactor: 0,
  estWaitTime: 0,
  loggedOnAgents: 9,
  availAgents: 2,
  transferFlg: 0,
  transferDeviceType: 0,
  transferDeviceNo: 0,
  skillDescrip: 'Voice',
};

describe('decodeAcdStats (cec_07_0411)', () => {
  it('reads the documented fields and ignores the unused ones', () => {
    expect(decodeAcdStats([DOCUMENTED_ROW], LOG)).toEqual([
      {
        skillId: 12,
        pilotNumber: '95555',
        waiting: 3,
        longestWaitSeconds: 47,
        signedIn: 9,
        available: 2,
        description: 'Voice',
      },
    ]);
  });

  it('accepts numbers as numeric text, a numeric pilot number and blank optional fields', () => {
    expect(
      decodeAcdStats(
        [{ deviceNo: '13', queueSize: '0', queueTime: '', pilotNbr: 95556, skillDescrip: null }],
        LOG,
      ),
    ).toEqual([
      {
        skillId: 13,
        pilotNumber: '95556',
        waiting: 0,
        longestWaitSeconds: 0,
        signedIn: null,
        available: null,
        description: null,
      },
    ]);
  });

  it('reads a null result as no rows (how Java writes an empty list)', () => {
    expect(decodeAcdStats(null, LOG)).toEqual([]);
  });

  it('refuses rows without a skill id or count, negative or fractional counts, non-lists', () => {
    expect(malformedMessage(() => decodeAcdStats([{ queueSize: 1 }], LOG))).toMatch(
      /result\[0\]\.deviceNo should be a number/,
    );
    expect(malformedMessage(() => decodeAcdStats([{ deviceNo: 1 }], LOG))).toMatch(
      /result\[0\]\.queueSize should be a number/,
    );
    expect(malformedMessage(() => decodeAcdStats([{ deviceNo: 1, queueSize: -1 }], LOG))).toMatch(
      /queueSize should be a non-negative integer/,
    );
    expect(
      malformedMessage(() =>
        decodeAcdStats([{ deviceNo: 1, queueSize: 1, availAgents: 1.5 }], LOG),
      ),
    ).toMatch(/availAgents should be a non-negative integer/);
    expect(malformedMessage(() => decodeAcdStats({ deviceNo: 1 }, LOG))).toMatch(
      /result should be a list/,
    );
    expect(malformedMessage(() => decodeAcdStats(['x'], LOG))).toMatch(
      /result\[0\] should be an object/,
    );
  });
});
