import { describe, expect, it } from 'vitest';
import type { AgentRow } from '../../shared/domain';
import { buildTrayCoaching, buildTrayModel } from './tray-model';
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

  // Issue 9: a hostile gateway's agent name cannot forge tray lines or reverse what follows.
  it('makes agent names, callers and call ids safe for the native tray', () => {
    const hostile: AgentRow = {
      ...row('1001', 1),
      name: 'Ada\nSign out\u202Eredael',
      groupName: 'G\r\n1',
      call: { callId: 'c\u2066-1', caller: '+86\u0000139', since: 1 },
    };
    const long = { ...row('1002', 2), name: 'x'.repeat(500) };
    const idle = {
      mode: 'listening' as const,
      targetWorkNo: null,
      callId: 'call\n2',
      since: null,
      pending: null,
      lastTargetWorkNo: null,
    };
    const model = buildTrayModel({ phase: 'signed-out' }, idle, hostile, [hostile, long], 100);
    expect(model.focusAgent).toMatchObject({
      name: 'Ada Sign out redael',
      groupName: 'G 1',
      call: { callId: 'c -1', caller: '+86 139' },
    });
    expect(model.longestCalls.map((agent) => agent.name)).toEqual([
      'Ada Sign out redael',
      `${'x'.repeat(63)}…`,
    ]);
    expect(model.inspection.callId).toBe('call 2');
    // The roster's own row is untouched: the window shows it through React, which escapes it.
    expect(hostile.name).toContain('\n');
  });

  // Issue 9's rule on issue 12's tray items: a template name is a native menu label too.
  it('makes note template names safe for the tray and leaves the text to send as written', () => {
    const text = 'Line one\nline two \u202E';
    const coaching = buildTrayCoaching(
      { workNo: '1001', callsLeft: 2, until: null, callsJoined: 0, listening: false },
      [{ id: 't', name: 'Wrap\nQuit\u202Etixe', text }],
    );
    expect(coaching.noteTemplates).toEqual([{ id: 't', name: 'Wrap Quit tixe', text }]);
    expect(coaching.follow).toMatchObject({ workNo: '1001', callsLeft: 2 });
    expect(buildTrayCoaching(null, []).follow).toBeNull();
  });
});
