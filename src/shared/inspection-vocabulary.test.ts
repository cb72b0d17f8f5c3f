import { describe, expect, it } from 'vitest';
import type { InspectorMode, SupervisorAction } from './domain';
import {
  COMMAND_OF_ACTION,
  isInspecting,
  isStartAction,
  modeAfterAction,
  modeAfterSwitch,
  qcModeOf,
  qcOfStart,
  qcOfSwitchTo,
  QC_MODES,
  SUPERVISOR_ACTIONS,
  switchToActionOf,
  type InspectionAction,
} from './inspection-vocabulary';
import { COMMAND_NAMES } from './ipc/contract';

const MODES: InspectorMode[] = ['idle', 'listening', 'inserting', 'whispering', 'talking'];

describe('inspection vocabulary', () => {
  it('inspecting means listening, inserting or whispering, each with its QC mode', () => {
    expect(MODES.filter(isInspecting)).toEqual(['listening', 'inserting', 'whispering']);
    expect(MODES.map(qcModeOf)).toEqual([null, 'listen', 'insert', 'whisper', null]);
  });

  it('a start asks for the QC call of its name, barge being the gateway’s insert', () => {
    // Huawei pages "Listening" and "Inserting": requestlisten / requestinsert on qualitycontrol.
    expect((['listen', 'barge', 'whisper'] as const).map(qcOfStart)).toEqual([
      'listen',
      'insert',
      'whisper',
    ]);
    expect(
      ['listen', 'barge', 'whisper', 'insert', 'constructor', 'toString'].filter(isStartAction),
    ).toEqual(['listen', 'barge', 'whisper']);
  });

  it('switch-to actions and QC modes map one to one, both ways', () => {
    for (const qc of QC_MODES) expect(qcOfSwitchTo(switchToActionOf(qc))).toBe(qc);
    expect(QC_MODES.map(switchToActionOf)).toEqual([
      'switch-to-listen',
      'switch-to-barge',
      'switch-to-whisper',
    ]);
  });

  it('switch toggles listening and inserting only', () => {
    // Huawei page "Switching Between Listening and Inserting": after a listen or an insert.
    expect(MODES.map(modeAfterSwitch)).toEqual([null, 'inserting', 'listening', null, null]);
  });

  it('gives the mode after every inspection action', () => {
    const after: Record<InspectionAction, InspectorMode | null> = {
      listen: 'listening',
      barge: 'inserting',
      whisper: 'whispering',
      switch: 'inserting',
      'switch-to-listen': 'listening',
      'switch-to-barge': 'inserting',
      'switch-to-whisper': 'whispering',
      intercept: 'talking',
      cancel: 'idle',
      'request-call': 'talking',
    };
    for (const [action, mode] of Object.entries(after))
      expect(modeAfterAction(action as InspectionAction, 'listening'), action).toBe(mode);
    expect(modeAfterAction('switch', null)).toBeNull();
    expect(modeAfterAction('switch', 'whispering')).toBeNull();
    expect(modeAfterAction('listen', null)).toBe('listening');
  });

  it('sends every supervisor action as a command the contract knows', () => {
    const actions: SupervisorAction[] = [
      'listen',
      'barge',
      'whisper',
      'switch',
      'switch-to-listen',
      'switch-to-barge',
      'switch-to-whisper',
      'intercept',
      'cancel',
      'request-call',
      'force-busy',
      'force-idle',
      'force-sign-out',
    ];
    expect([...SUPERVISOR_ACTIONS].sort()).toEqual([...actions].sort());
    for (const action of actions) expect(COMMAND_NAMES).toContain(COMMAND_OF_ACTION[action]);
    expect(COMMAND_OF_ACTION['switch-to-barge']).toBe('inspection.switchTo');
  });
});
