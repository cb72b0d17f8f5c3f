import { describe, expect, it } from 'vitest';
import { decodeEvent } from './event-decoding';
import { malformedMessage as malformedEventMessage } from '../../../../test/support/gateway/gateway-error-capture';

const AT = 1_700_000_000_000;

/** The malformed-event message decoding `raw` gives. */
const malformedMessage = (raw: unknown): string =>
  malformedEventMessage(() => decodeEvent(raw, AT, 'getAgentEvent'));

describe('decodeEvent', () => {
  it('returns null when the answer has no event', () => {
    expect(decodeEvent(undefined, AT, 'getAgentEvent')).toBeNull();
    expect(decodeEvent(null, AT, 'getAgentEvent')).toBeNull();
  });

  it('decodes null content and stamps the receive time', () => {
    expect(
      decodeEvent(
        { eventType: 'AgentState_Ready', workNo: '291', content: null },
        AT,
        'getAgentEvent',
      ),
    ).toEqual({
      eventType: 'AgentState_Ready',
      workNo: '291',
      content: null,
      generatedAt: null,
      receivedAt: AT,
    });
  });

  it('keeps a bare string content (Call_Release carries the call id)', () => {
    const event = decodeEvent(
      { eventType: 'AgentEvent_Call_Release', workNo: '291', content: '1471585949806-123' },
      AT,
      'x',
    );
    expect(event?.content).toBe('1471585949806-123');
  });

  it('keeps object content without jsonKey, and eventGenTime as a number', () => {
    const event = decodeEvent(
      {
        eventType: 'AgentOther_BeQcStart',
        workNo: 291,
        content: { qcType: 8, qcAgentId: '30169', jsonKey: ['qcType', 'qcAgentId'] },
        eventGenTime: '1700000000123',
        jsonKey: ['eventType'],
      },
      AT,
      'x',
    );
    expect(event).toEqual({
      eventType: 'AgentOther_BeQcStart',
      workNo: '291',
      content: { qcType: 8, qcAgentId: '30169' },
      generatedAt: 1_700_000_000_123,
      receivedAt: AT,
    });
  });

  it('keeps unknown event types as they are', () => {
    expect(
      decodeEvent(
        { eventType: 'AgentChat_Something_New', workNo: '101', content: { x: [1] } },
        AT,
        'x',
      )?.eventType,
    ).toBe('AgentChat_Something_New');
  });

  it.each([
    ['a string event', 'AgentState_Ready', /event should be an object but is a string/],
    ['a list event', [], /event should be an object but is a list/],
    [
      'no eventType',
      { workNo: '1', content: null },
      /event.eventType should be non-empty text but is nothing/,
    ],
    ['empty eventType', { eventType: '', workNo: '1' }, /event.eventType/],
    ['no workNo', { eventType: 'A' }, /event.workNo should be a code/],
    ['a boolean workNo', { eventType: 'A', workNo: true }, /event.workNo/],
    [
      'a numeric content',
      { eventType: 'A', workNo: '1', content: 5 },
      /event.content should be null, text or an object but is a number/,
    ],
    ['a list content', { eventType: 'A', workNo: '1', content: [1] }, /event.content .* list/],
    [
      'a non-numeric eventGenTime',
      { eventType: 'A', workNo: '1', eventGenTime: 'yesterday' },
      /event.eventGenTime should be a number/,
    ],
  ])('rejects %s', (_label, raw, reason) => {
    expect(malformedMessage(raw)).toMatch(reason);
  });
});
