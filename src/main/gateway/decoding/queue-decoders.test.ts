import { describe, expect, it } from 'vitest';
import { decodeSkillQueues, decodeWaitingCalls } from './queue-decoders';
import { malformedMessage } from '../../../../test/support/gateway/gateway-error-capture';

describe('decodeSkillQueues', () => {
  it('decodes id, name and media type', () => {
    expect(
      decodeSkillQueues(
        [
          { id: 12, name: 'Voice', mediatype: 5, serviceType: 1, realFlag: 1 },
          { id: '13', name: 'VIP' },
        ],
        'querySkillQueueOnAgentVDN',
      ),
    ).toEqual([
      { id: 12, name: 'Voice', mediaType: '5' },
      { id: 13, name: 'VIP', mediaType: null },
    ]);
  });

  it('rejects non-integer or negative ids', () => {
    expect(malformedMessage(() => decodeSkillQueues([{ id: 1.5, name: 'x' }], 'q'))).toMatch(
      /result\[0\]\.id should be a non-negative integer/,
    );
    expect(malformedMessage(() => decodeSkillQueues([{ id: -1 }], 'q'))).toMatch(/non-negative/);
    expect(malformedMessage(() => decodeSkillQueues([{ name: 'x' }], 'q'))).toMatch(
      /result\[0\]\.id should be a number/,
    );
  });
});

describe('decodeWaitingCalls', () => {
  it('decodes the documented waitcallinfo fields, numeric strings to numbers', () => {
    expect(
      decodeWaitingCalls(
        [
          {
            callfeature: 0,
            callid: '1700000000-77',
            caller: '13800000000',
            called: '95555',
            callskill: 'VIP',
            callskillid: 13,
            orgicallednum: '95555',
            calldata: '',
            begintime: '1700000000000',
            endtime: '',
            userPriority: '2',
            trunkNo: 1,
            logontimes: 30,
            mediaType: 5,
          },
        ],
        13,
        'queryWaitCallInfoBySkillId',
      ),
    ).toEqual([
      {
        callId: '1700000000-77',
        caller: '13800000000',
        called: '95555',
        skillId: 13,
        skillName: 'VIP',
        enqueuedAt: 1_700_000_000_000,
        priority: 2,
        callFeature: 0,
      },
    ]);
  });

  it('falls back to the requested skill and tolerates an anonymous caller', () => {
    expect(decodeWaitingCalls([{ callid: 'c1' }], 7, 'q')).toEqual([
      {
        callId: 'c1',
        caller: '',
        called: null,
        skillId: 7,
        skillName: null,
        enqueuedAt: null,
        priority: null,
        callFeature: null,
      },
    ]);
  });

  it('rejects a missing call id or a bad begintime', () => {
    expect(malformedMessage(() => decodeWaitingCalls([{ caller: '1' }], 7, 'q'))).toMatch(
      /result\[0\]\.callid/,
    );
    expect(
      malformedMessage(() => decodeWaitingCalls([{ callid: 'c', begintime: 'soon' }], 7, 'q')),
    ).toMatch(/result\[0\]\.begintime should be a number/);
    expect(malformedMessage(() => decodeWaitingCalls(undefined, 7, 'q'))).toMatch(
      /result should be present/,
    );
  });
});
