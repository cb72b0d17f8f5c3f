import { describe, expect, it } from 'vitest';
import type { GatewayClient } from '../main/gateway';
import { runInspection } from './inspection-actions';

/** A client that records the calls the action layer makes; own status answers `ownState`. */
function recordingClient(ownState: number | null) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): Promise<void> => {
      calls.push(`${name}(${args.map(String).join(',')})`);
      return Promise.resolve();
    };
  const client = {
    listen: record('listen'),
    insert: record('insert'),
    whisper: record('whisper'),
    switchListenInsert: record('switchListenInsert'),
    switchMode: record('switchMode'),
    intercept: record('intercept'),
    cancel: record('cancel'),
    stopWhisper: record('stopWhisper'),
    requestCall: record('requestCall'),
    getOwnStatus: () => {
      calls.push('getOwnStatus()');
      return ownState === null
        ? Promise.reject(new Error('no status'))
        : Promise.resolve({ agentState: ownState });
    },
  } as unknown as GatewayClient;
  return { client, calls };
}

describe('CLI inspection verbs through the action layer', () => {
  it('barge is the gateway’s insert and leads to inserting', async () => {
    const { client, calls } = recordingClient(null);
    expect(await runInspection(client, { action: 'barge', workNo: '1002', mode: null })).toBe(
      'inserting',
    );
    expect(calls).toEqual(['insert(1002)']);
  });

  it('switch --to barge asks for QC mode insert; a plain switch from an unknown mode is not told', async () => {
    const { client, calls } = recordingClient(null);
    expect(
      await runInspection(client, { action: 'switch-to-barge', workNo: '1002', mode: null }),
    ).toBe('inserting');
    expect(await runInspection(client, { action: 'switch', workNo: '1002', mode: null })).toBe(
      null,
    );
    expect(
      await runInspection(client, { action: 'switch', workNo: '1002', mode: 'inserting' }),
    ).toBe('listening');
    expect(calls).toEqual([
      'switchMode(1002,insert)',
      'switchListenInsert(1002)',
      'switchListenInsert(1002)',
    ]);
  });

  it('cancel of an unknown mode asks the own status: a whisper (17) ends with stop-whisper', async () => {
    const whispering = recordingClient(17);
    await runInspection(whispering.client, { action: 'cancel', workNo: '1002', mode: null });
    expect(whispering.calls).toEqual(['getOwnStatus()', 'stopWhisper(1002)']);
    const unknown = recordingClient(null);
    await runInspection(unknown.client, { action: 'cancel', workNo: '1002', mode: null });
    expect(unknown.calls).toEqual(['getOwnStatus()', 'cancel(1002)']);
    const known = recordingClient(17);
    await runInspection(known.client, { action: 'cancel', workNo: '1002', mode: 'listening' });
    expect(known.calls).toEqual(['cancel(1002)']);
  });

  it('intercept passes --call only when given; request-call takes the call out of its queue', async () => {
    const { client, calls } = recordingClient(null);
    await runInspection(client, { action: 'intercept', workNo: '1002', mode: null });
    await runInspection(client, { action: 'intercept', workNo: '1002', mode: null, callId: 'c-9' });
    expect(await runInspection(client, { action: 'request-call', callId: 'c-1', skillId: 3 })).toBe(
      'talking',
    );
    expect(calls).toEqual(['intercept(1002)', 'intercept(1002,c-9)', 'requestCall(c-1,3)']);
  });
});
