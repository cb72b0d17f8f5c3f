import { describe, expect, it } from 'vitest';
import { contentObject, decodeEvent, isCatalogueEventType } from './event-decoding';

const AT = 1_700_000_000_000;

describe('decodeEvent', () => {
  it('returns null when the answer has no event', () => {
    expect(decodeEvent(undefined, AT)).toBeNull();
    expect(decodeEvent(null, AT)).toBeNull();
  });

  // cec_07_1274: {"eventType":"AgentState_Ready","workNo":"291","content":null}
  it('decodes null content and stamps the receive time', () => {
    expect(
      decodeEvent({ eventType: 'AgentState_Ready', workNo: '291', content: null }, AT),
    ).toEqual({
      eventType: 'AgentState_Ready',
      rawType: null,
      known: true,
      workNo: '291',
      content: null,
      generatedAt: null,
      receivedAt: AT,
    });
  });

  // cec_07_1346 / §11.3: AgentEvent_Call_Release carries the bare call id.
  it('keeps a bare string content', () => {
    const event = decodeEvent(
      { eventType: 'AgentEvent_Call_Release', workNo: '291', content: '1471585949806-123' },
      AT,
    );
    expect(event?.content).toBe('1471585949806-123');
  });

  it('keeps object content without jsonKey, and eventGenTime as text or a number', () => {
    const raw = {
      eventType: 'AgentOther_BeQcStart',
      workNo: 291,
      content: { qcType: 8, qcAgentId: '30169', jsonKey: ['qcType', 'qcAgentId'] },
      eventGenTime: '1700000000123',
      jsonKey: ['eventType'],
    };
    expect(decodeEvent(raw, AT)).toMatchObject({
      workNo: '291',
      content: { qcType: 8, qcAgentId: '30169' },
      generatedAt: 1_700_000_000_123,
    });
    expect(decodeEvent({ ...raw, eventGenTime: 1_700_000_000_124 }, AT)?.generatedAt).toBe(
      1_700_000_000_124,
    );
  });

  // cec_07_0542: the BeQcStart example has no workNo; content keys unquoted in the page.
  it('accepts an event without workNo (workNo null)', () => {
    const event = decodeEvent(
      { eventType: 'AgentOther_BeQcStart', content: { qcType: 8, qcAgentId: 30169 } },
      AT,
    );
    expect(event).toMatchObject({ eventType: 'AgentOther_BeQcStart', workNo: null, known: true });
  });

  it.each([
    ['a number', 5, 5],
    ['a flag', true, true],
    ['a list', [1, 'a'], [1, 'a']],
    ['an empty object', {}, {}],
    ['NaN-like text', 'NaN', 'NaN'],
  ])('accepts content that is %s', (_label, content, expected) => {
    expect(
      decodeEvent({ eventType: 'AgentEvent_MessageData', workNo: '1', content }, AT),
    ).toMatchObject({ content: expected });
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['not numeric', 'yesterday'],
    ['empty', ''],
    ['an object', { t: 1 }],
    ['zero', 0],
  ])('reads an eventGenTime that is %s as not sent', (_label, eventGenTime) => {
    expect(
      decodeEvent({ eventType: 'AgentState_Ready', workNo: '1', eventGenTime }, AT)?.generatedAt,
    ).toBeNull();
  });

  it.each([
    ['a boolean workNo', { eventType: 'AgentState_Ready', workNo: true }],
    ['an object workNo', { eventType: 'AgentState_Ready', workNo: { id: 1 } }],
    ['an empty workNo', { eventType: 'AgentState_Ready', workNo: '' }],
  ])('reads %s as no workNo', (_label, raw) => {
    expect(decodeEvent(raw, AT)).toMatchObject({ eventType: 'AgentState_Ready', workNo: null });
  });

  it.each([
    ['a string event', 'AgentState_Ready', 'AgentState_Ready'],
    ['a list event', [], '(list)'],
    ['no eventType', { workNo: '1', content: null }, '(missing)'],
    ['an empty eventType', { eventType: '', workNo: '1' }, '(empty text)'],
    ['a numeric eventType', { eventType: 42, workNo: null, content: [] }, '(number)'],
    ['an object eventType', { eventType: { a: 1 } }, '(object)'],
  ])('keeps %s as an unknown event with its raw type', (_label, raw, rawType) => {
    expect(decodeEvent(raw, AT)).toMatchObject({ eventType: 'unknown', rawType, known: false });
  });

  it('keeps new event types as they are, marked not known', () => {
    expect(
      decodeEvent({ eventType: 'AgentChat_Something_New', workNo: '101', content: { x: [1] } }, AT),
    ).toMatchObject({ eventType: 'AgentChat_Something_New', known: false, rawType: null });
  });

  it('strips control characters from a raw type and bounds its length', () => {
    const event = decodeEvent(['x'], AT);
    expect(event?.rawType).toBe('(list)');
    const long = decodeEvent('A\u0000B'.repeat(100), AT);
    expect(long?.rawType?.includes('\u0000')).toBe(false);
    expect(long?.rawType?.length).toBeLessThanOrEqual(64);
  });

  it('knows the documented catalogue', () => {
    expect(isCatalogueEventType('QC_AgentState_Notify')).toBe(true);
    expect(isCatalogueEventType('AgentEvent_Customer_Alerting')).toBe(true);
    expect(isCatalogueEventType('Nope')).toBe(false);
  });

  it('contentObject gives objects only', () => {
    expect(contentObject({ a: 1 })).toEqual({ a: 1 });
    expect(contentObject([1])).toBeNull();
    expect(contentObject('x')).toBeNull();
    expect(contentObject(null)).toBeNull();
  });
});
