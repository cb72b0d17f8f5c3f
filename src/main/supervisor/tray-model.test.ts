import { describe, expect, it } from 'vitest';
import type { AgentRow } from '../../shared/domain';
import { buildTrayModel } from './tray-model';
import { IDLE_INSPECTION } from '../../shared/inspection-vocabulary';

describe('buildTrayModel', () => {
  const row = (workNo: string, since: number): AgentRow => ({
    workNo,
    name: workNo,
    groupName: '',
    skills: [],
    state: 'talking',
    stateSince: since,
    call: { callId: null, caller: null, since },
    inspectedBy: null,
    dataAt: 0,
    alerts: [],
  });

  it('lists the five longest calls, longest first', () => {
    const rows = [5, 1, 9, 3, 7, 2, 8].map((since) => row(String(1000 + since), since));
    const model = buildTrayModel({ phase: 'signed-out' }, { ...IDLE_INSPECTION }, null, rows, 100);
    expect(model.longestCalls.map((entry) => entry.stateSince)).toEqual([1, 2, 3, 5, 7]);
  });
});
