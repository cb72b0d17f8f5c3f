/**
 * Issue 9: decoders bound what one answer may hold — a hostile gateway's endless list or
 * megabyte "name" is refused as malformed, and never reaches the roster, tray or notifications.
 */
import { describe, expect, it } from 'vitest';
import { malformedMessage } from '../../../../test/support/gateway/gateway-error-capture';
import { decodeAgentStatuses, decodeMonitorableAgents } from './agent-decoders';
import { decodeWaitingCalls } from './queue-decoders';
import { DECODE_LIMITS } from './response-fields';

const agent = (index: number, name = 'Ada') => ({
  workno: String(101 + (index % 900_000)),
  name,
  status: '4',
});

describe('decode limits', () => {
  it('takes a list of exactly the limit and refuses one item more', () => {
    const full = Array.from({ length: DECODE_LIMITS.listItems }, (_, index) => agent(index));
    expect(decodeMonitorableAgents(full, 'queryAllAgent')).toHaveLength(DECODE_LIMITS.listItems);
    expect(
      malformedMessage(() => decodeMonitorableAgents([...full, agent(0)], 'queryAllAgent')),
    ).toMatch(/result should be a list of at most 100000 items but is a list of 100001 items/);
  });

  it('refuses a text field longer than any name, and says how long it was', () => {
    const long = 'x'.repeat(DECODE_LIMITS.textLength + 1);
    expect(
      malformedMessage(() => decodeMonitorableAgents([agent(0, long)], 'queryAllAgent')),
    ).toMatch(/result\[0\]\.name should be text of at most 1024 characters but is text of 1025/);
    // The value itself is never echoed.
    expect(
      malformedMessage(() => decodeMonitorableAgents([agent(0, long)], 'queryAllAgent')),
    ).not.toContain('xxxx');
    expect(
      decodeMonitorableAgents([agent(0, 'y'.repeat(DECODE_LIMITS.textLength))], 'q')[0]?.name,
    ).toHaveLength(DECODE_LIMITS.textLength);
  });

  it('bounds codes and ids sent as text too', () => {
    const long = '9'.repeat(DECODE_LIMITS.textLength + 1);
    expect(
      malformedMessage(() =>
        decodeAgentStatuses([{ workno: long, status: '4' }], 'queryAgentStatus'),
      ),
    ).toMatch(/workno should be text of at most 1024 characters/);
    expect(
      malformedMessage(() => decodeWaitingCalls([{ callid: long }], 1, 'queryWaitCallInfo')),
    ).toMatch(/callid should be text of at most 1024 characters/);
  });
});
