import { describe, expect, it } from 'vitest';
import { decodeAgentDetail, decodeAgentStatuses, decodeMonitorableAgents } from './agent-decoders';
import { malformedMessage } from '../../../../test/support/gateway/gateway-error-capture';

describe('decodeMonitorableAgents', () => {
  it('keeps status codes as strings, turns integer ids into strings and ignores extra fields', () => {
    expect(
      decodeMonitorableAgents(
        [
          { workno: '101', name: 'Ada', status: '4', extra: { x: 1 } },
          { workno: 102, name: null, status: 7 },
        ],
        'queryAllAgent',
      ),
    ).toEqual([
      { workNo: '101', name: 'Ada', status: '4' },
      { workNo: '102', name: '', status: '7' },
    ]);
  });

  it('treats null as an empty list but rejects an absent result', () => {
    expect(decodeMonitorableAgents(null, 'queryAllAgent')).toEqual([]);
    expect(malformedMessage(() => decodeMonitorableAgents(undefined, 'queryAllAgent'))).toMatch(
      /result should be present/,
    );
  });

  it('names the row and field that are wrong', () => {
    expect(
      malformedMessage(() =>
        decodeMonitorableAgents(
          [{ workno: '101', status: '4' }, { workno: '102' }],
          'queryAllAgent',
        ),
      ),
    ).toMatch(/result\[1\]\.status should be a code \(text or integer\) but is nothing/);
    expect(
      malformedMessage(() => decodeMonitorableAgents({ workno: '1' }, 'queryAllAgent')),
    ).toMatch(/result should be a list but is an object/);
    expect(malformedMessage(() => decodeMonitorableAgents(['101'], 'queryAllAgent'))).toMatch(
      /result\[0\] should be an object but is a string/,
    );
    expect(
      malformedMessage(() =>
        decodeMonitorableAgents([{ workno: 1.5, status: '4' }], 'queryAllAgent'),
      ),
    ).toMatch(/result\[0\]\.workno/);
  });
});

describe('decodeAgentStatuses', () => {
  it('decodes workno, name, status, ctiStatus and groupName (either spelling)', () => {
    expect(
      decodeAgentStatuses(
        [
          { workno: '101', name: 'Ada', status: '7', ctiStatus: '5', groupName: 'Billing' },
          { workno: '102', name: 'Bo', status: '4', ctiStatus: 1, groupname: 'Sales' },
          { workno: '103', name: 'Cy', status: '2' },
        ],
        'queryAllAgentStatus',
      ),
    ).toEqual([
      { workNo: '101', name: 'Ada', status: '7', ctiStatus: '5', groupName: 'Billing' },
      { workNo: '102', name: 'Bo', status: '4', ctiStatus: '1', groupName: 'Sales' },
      { workNo: '103', name: 'Cy', status: '2', ctiStatus: null, groupName: null },
    ]);
  });

  it('rejects a wrong groupName type', () => {
    expect(
      malformedMessage(() =>
        decodeAgentStatuses([{ workno: '101', status: '4', groupName: 5 }], 'queryAllAgentStatus'),
      ),
    ).toMatch(/result\[0\]\.groupName should be text but is a number/);
  });

  // Its speed is a benchmark figure (snapshot → store, bench/), not a timed unit test.
  it('decodes a 10,000-row answer whole and in order', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      workno: String(1000 + index),
      name: `Agent ${index}`,
      status: '4',
      ctiStatus: '1',
      groupName: 'G',
    }));
    const decoded = decodeAgentStatuses(rows, 'queryAllAgentStatus');
    expect(decoded).toHaveLength(10_000);
    expect(decoded[0]?.workNo).toBe('1000');
    expect(decoded[9_999]?.workNo).toBe('10999');
  });
});

describe('decodeAgentDetail', () => {
  it('decodes the documented fields', () => {
    expect(
      decodeAgentDetail(
        {
          workno: '291',
          name: 'Ada',
          status: '7',
          ctiStatus: '5',
          groupid: '3',
          groupname: 'Billing',
          skilllist: [
            { id: 12, name: 'Voice' },
            { skillId: '13', skillName: 'VIP' },
          ],
          callids: ['1471585949806-1', 42],
          mediatype: 'TTF',
          vdnid: 1,
          phonenumber: 70001,
          currentstatetime: '1700000000000',
        },
        'queryAgentInfoByWorkNo',
      ),
    ).toEqual({
      workNo: '291',
      name: 'Ada',
      status: '7',
      ctiStatus: '5',
      groupId: 3,
      groupName: 'Billing',
      skills: [
        { id: 12, name: 'Voice' },
        { id: 13, name: 'VIP' },
      ],
      callIds: ['1471585949806-1', '42'],
      phoneNumber: '70001',
      currentStateSince: 1_700_000_000_000,
    });
  });

  it('accepts absent lists and a comma-separated callids text', () => {
    const detail = decodeAgentDetail(
      { workno: '291', status: '4', callids: 'a, b' },
      'queryAgentInfoByWorkNo',
    );
    expect(detail.skills).toEqual([]);
    expect(detail.callIds).toEqual(['a', 'b']);
  });

  it('rejects a bad skill list or call id', () => {
    expect(
      malformedMessage(() =>
        decodeAgentDetail({ workno: '291', status: '4', skilllist: [{ name: 'x' }] }, 'q'),
      ),
    ).toMatch(/result\.skilllist\[0\]\.id should be a number/);
    expect(
      malformedMessage(() => decodeAgentDetail({ workno: '291', status: '4', callids: [{}] }, 'q')),
    ).toMatch(/result\.callids\[0\] should be a call id/);
    expect(malformedMessage(() => decodeAgentDetail(undefined, 'q'))).toMatch(
      /result should be present/,
    );
  });
});
