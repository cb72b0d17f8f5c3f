/** The update decision with scripted situations (issue 16: updates never interrupt work). */
import { describe, expect, it } from 'vitest';
import type { InspectorMode } from '../../../shared/domain';
import type { UpdatePhase } from '../../../shared/updates';
import { judgeInstall, nextCheckDelayMs, UPDATE_TIMING, waitingReason } from './update-decision';

describe('judgeInstall', () => {
  const table: Array<[UpdatePhase, InspectorMode, boolean, ReturnType<typeof judgeInstall>]> = [
    ['ready', 'idle', false, { kind: 'ask' }],
    ['ready', 'listening', false, { kind: 'wait', waitingFor: 'inspection' }],
    ['ready', 'inserting', false, { kind: 'wait', waitingFor: 'inspection' }],
    ['ready', 'whispering', false, { kind: 'wait', waitingFor: 'inspection' }],
    ['ready', 'talking', false, { kind: 'wait', waitingFor: 'call' }],
    ['ready', 'talking', true, { kind: 'at-quit' }],
    ['ready', 'listening', true, { kind: 'at-quit' }],
    ['downloading', 'idle', false, { kind: 'nothing-to-install' }],
    ['checking', 'idle', true, { kind: 'nothing-to-install' }],
    ['failed', 'idle', false, { kind: 'nothing-to-install' }],
    ['disabled', 'idle', false, { kind: 'nothing-to-install' }],
    ['up-to-date', 'idle', false, { kind: 'nothing-to-install' }],
  ];
  it.each(table)('%s while %s (quitting %s)', (phase, mode, quitting, verdict) => {
    expect(judgeInstall({ phase, mode, quitting })).toEqual(verdict);
  });

  it('names what a ready update waits for', () => {
    expect(waitingReason('idle')).toBeNull();
    expect(waitingReason('whispering')).toBe('inspection');
    expect(waitingReason('talking')).toBe('call');
  });
});

describe('nextCheckDelayMs', () => {
  it('checks every 4 h, and backs off from 15 min after failures up to that', () => {
    expect(nextCheckDelayMs(0)).toBe(UPDATE_TIMING.everyMs);
    expect([1, 2, 3, 4, 5, 9].map(nextCheckDelayMs)).toEqual([
      15 * 60_000,
      30 * 60_000,
      60 * 60_000,
      120 * 60_000,
      240 * 60_000,
      240 * 60_000,
    ]);
  });
});
