import { describe, expect, it } from 'vitest';
import { mapAgentStatus, mapNotifySubtype, mapQcType } from './agent-state-mapping';

describe('mapAgentStatus', () => {
  it.each([
    ['0', null, 'unknown'],
    ['2', null, 'signed-out'],
    ['3', null, 'busy'],
    ['4', null, 'idle'],
    ['5', null, 'wrap-up'],
    ['6', null, 'idle'],
    ['7', null, 'talking'],
    ['8', null, 'rest'],
    ['9', null, 'busy'],
    ['7', '4', 'ringing'],
    ['7', '2', 'ringing'],
    ['7', '5', 'talking'],
    ['0', '8', 'rest'],
    ['1', '1', 'idle'],
    ['', '6', 'wrap-up'],
    ['42', null, 'unknown'],
    [null, null, 'unknown'],
    [' 4 ', null, 'idle'],
    ['4', '5', 'idle'],
  ] as const)('CCGW %j + CTI %j → %s', (ccgw, cti, expected) => {
    expect(mapAgentStatus(ccgw, cti)).toBe(expected);
  });
});

describe('mapNotifySubtype', () => {
  it('maps state subtypes', () => {
    expect(mapNotifySubtype('QC_AgentState_Login')).toEqual({ state: 'idle' });
    expect(mapNotifySubtype('QC_AgentState_Logout')).toEqual({
      state: 'signed-out',
      inspection: null,
    });
    expect(mapNotifySubtype('QC_AgentState_Active').state).toBe('talking');
    expect(mapNotifySubtype('QC_AgentState_WaitAnswer').state).toBe('ringing');
    expect(mapNotifySubtype('QC_AgentState_Work').state).toBe('wrap-up');
    expect(mapNotifySubtype('QC_AgentState_Rest').state).toBe('rest');
  });

  it('maps inspection subtypes without touching the state', () => {
    expect(mapNotifySubtype('QC_AgentState_Monitor')).toEqual({ inspection: 'listen' });
    expect(mapNotifySubtype('QC_AgentState_SuperviseInsert')).toEqual({ inspection: 'insert' });
    expect(mapNotifySubtype('QC_AgentState_StopMonitor')).toEqual({ inspection: null });
  });

  it('says nothing for hang-up, recording and unknown subtypes', () => {
    expect(mapNotifySubtype('QC_AgentState_HungUp')).toEqual({});
    expect(mapNotifySubtype('QC_AgentState_RecordBegin')).toEqual({});
    expect(mapNotifySubtype('whatever')).toEqual({});
  });
});

describe('mapQcType', () => {
  it('maps the documented codes, numeric or text', () => {
    expect(mapQcType(8)).toBe('listen');
    expect(mapQcType('9')).toBe('insert');
    expect(mapQcType(20172)).toBe('whisper');
    expect(mapQcType(20173)).toBe('whisper');
    expect(mapQcType(1)).toBeNull();
    expect(mapQcType(undefined)).toBeNull();
  });
});
