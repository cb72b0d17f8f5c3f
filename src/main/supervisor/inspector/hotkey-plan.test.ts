/**
 * The hotkey plan. Listen / insert / whisper may only start from idle (Huawei "Listening" and
 * "Inserting" pages, cec_07_2402 / cec_07_2401: "The inspector is in idle state"), and the mode
 * of a running inspection changes through the switch interfaces (cec_07_2410, cec_07_2414): so a
 * start hotkey pressed while inspecting must become a switch, or the gateway would refuse it.
 */
import { describe, expect, it } from 'vitest';
import type { HotkeyAction } from '../../../shared/domain';
import { planHotkey, type HotkeyFacts } from './hotkey-plan';
import { transitionInspector } from './inspector-machine';
import { INITIAL_INSPECTOR_STATE } from './inspector-state';
import { CONTEXT, stateIn } from '../../../../test/support/core/inspector-fixtures';

const IDLE: HotkeyFacts = {
  inspector: INITIAL_INSPECTOR_STATE,
  selectedWorkNo: null,
  focusWorkNo: null,
};

function listeningTo(workNo: string, selectedWorkNo: string | null = null): HotkeyFacts {
  return {
    inspector: stateIn('listening', workNo),
    selectedWorkNo,
    focusWorkNo: selectedWorkNo ?? workNo,
  };
}

describe('planHotkey', () => {
  it('starts on the focus agent while idle', () => {
    const facts = { ...IDLE, selectedWorkNo: '1002', focusWorkNo: '1002' };
    expect(planHotkey('listen', facts)).toEqual({
      action: 'listen',
      workNo: '1002',
      source: 'hotkey',
    });
    expect(planHotkey('whisper', { ...IDLE, focusWorkNo: '1003' })).toEqual({
      action: 'whisper',
      workNo: '1003',
      source: 'hotkey',
    });
  });

  it('without a focus agent asks for a start on nobody (the guard refuses it)', () => {
    expect(planHotkey('barge', IDLE)).toEqual({ action: 'barge', workNo: null, source: 'hotkey' });
  });

  it.each([
    ['listen', 'switch-to-listen'],
    ['barge', 'switch-to-barge'],
    ['whisper', 'switch-to-whisper'],
  ] as const)('%s while inspecting the focus agent switches: %s', (action, expected) => {
    expect(planHotkey(action, listeningTo('1002'))).toEqual({ action: expected, source: 'hotkey' });
    expect(planHotkey(action, listeningTo('1002', '1002'))).toEqual({
      action: expected,
      source: 'hotkey',
    });
  });

  it('barge while listening is a switch the machine grants as a mode switch to insert', () => {
    const facts = listeningTo('1002');
    const request = planHotkey('barge', facts);
    const result = transitionInspector(stateIn('listening', '1002'), {
      kind: 'request',
      action: request.action,
      workNo: request.workNo,
      now: 1_000,
      context: CONTEXT,
    });
    expect(result.refusal).toBeNull();
    expect(result.effect).toEqual({ call: 'switchMode', workNo: '1002', to: 'insert' });
  });

  it('while inspecting one agent with another selected, starts on the selected one', () => {
    expect(planHotkey('barge', listeningTo('1002', '1003'))).toEqual({
      action: 'barge',
      workNo: '1003',
      source: 'hotkey',
    });
  });

  it('while a request is pending, does not switch', () => {
    const pending = stateIn('listening', '1002');
    const asked = transitionInspector(pending, {
      kind: 'request',
      action: 'cancel',
      now: 1_000,
      context: CONTEXT,
    }).state;
    expect(asked.pending).not.toBeNull();
    const facts: HotkeyFacts = { inspector: asked, selectedWorkNo: null, focusWorkNo: '1002' };
    expect(planHotkey('listen', facts)).toEqual({
      action: 'listen',
      workNo: '1002',
      source: 'hotkey',
    });
  });

  it('talking to a customer (after intercept) is not inspecting: starts, no switch', () => {
    const facts: HotkeyFacts = {
      inspector: stateIn('talking', '1002'),
      selectedWorkNo: null,
      focusWorkNo: '1002',
    };
    expect(planHotkey('listen', facts)).toEqual({
      action: 'listen',
      workNo: '1002',
      source: 'hotkey',
    });
  });

  it.each(['switch', 'intercept', 'cancel'] as Array<Exclude<HotkeyAction, 'stop-follow'>>)(
    '%s acts on the current inspection, never on the selection',
    (action) => {
      expect(planHotkey(action, { ...IDLE, selectedWorkNo: '1003', focusWorkNo: '1003' })).toEqual({
        action,
        source: 'hotkey',
      });
      expect(planHotkey(action, listeningTo('1002', '1003'))).toEqual({ action, source: 'hotkey' });
    },
  );
});
