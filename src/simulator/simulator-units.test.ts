import { describe, expect, it } from 'vitest';
import { CenterScheduler } from './center/center-scheduler';
import { EventQueue } from './gateway-model/event-queue';
import { parseFaultSpec, validateFaultPatch } from './faults/fault-spec';
import { matchRoute } from './http/route-table';
import { SeededRandom } from './center/seeded-random';

describe('parseFaultSpec', () => {
  it('parses the compact form into typed settings', () => {
    expect(
      parseFaultSpec('latency=50,jitter=10,5xx=0.1,malformed=0.05,drop=0.01,errors=0.1'),
    ).toEqual({
      latencyMs: 50,
      jitterMs: 10,
      http5xxRate: 0.1,
      malformedRate: 0.05,
      dropRate: 0.01,
      retcodeErrorRate: 0.1,
    });
    expect(parseFaultSpec(' stalled=true , latency=0 ')).toEqual({ stalled: true, latencyMs: 0 });
    expect(parseFaultSpec('')).toEqual({});
  });

  it('throws a clear error on bad input', () => {
    expect(() => parseFaultSpec('latency')).toThrow(/name=value/);
    expect(() => parseFaultSpec('speed=3')).toThrow(/Unknown fault 'speed'/);
    expect(() => parseFaultSpec('drop=1.5')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('latency=-5')).toThrow(/non-negative number/);
    expect(() => parseFaultSpec('latency=abc')).toThrow(/non-negative number/);
    expect(() => parseFaultSpec('latency=1,latency=2')).toThrow(/twice/);
    expect(() => parseFaultSpec('stalled=maybe')).toThrow(/true\/false/);
    expect(() => validateFaultPatch({ jitterMs: '5' })).toThrow(/finite number/);
    expect(() => validateFaultPatch([])).toThrow(/JSON object/);
    expect(() => validateFaultPatch({ nope: 1 })).toThrow(/Unknown fault setting/);
  });
});

describe('EventQueue', () => {
  it('drops the oldest events beyond its cap and counts them', () => {
    const counters = { queued: 0, delivered: 0, dropped: 0 };
    const queue = new EventQueue(counters, 3);
    for (let i = 1; i <= 5; i += 1)
      queue.push({ eventType: `E${i}`, workNo: '1001', content: null, eventGenTime: 1 });
    expect(queue.size).toBe(3);
    expect([
      queue.shift()?.eventType,
      queue.shift()?.eventType,
      queue.shift()?.eventType,
      queue.shift(),
    ]).toEqual(['E3', 'E4', 'E5', null]);
    expect(counters).toEqual({ queued: 5, delivered: 3, dropped: 2 });
  });

  it('wakes its waiter once on push or interrupt', () => {
    const queue = new EventQueue({ queued: 0, delivered: 0, dropped: 0 });
    let wakes = 0;
    queue.setWaiter(() => (wakes += 1));
    queue.push({ eventType: 'E', workNo: '1001', content: null, eventGenTime: 1 });
    queue.push({ eventType: 'E', workNo: '1001', content: null, eventGenTime: 1 });
    queue.setWaiter(() => (wakes += 10));
    queue.interrupt();
    queue.interrupt();
    expect(wakes).toBe(11);
  });
});

describe('CenterScheduler', () => {
  it('pops entries in time order, ties in insertion order, only when due', () => {
    const scheduler = new CenterScheduler<string>();
    const random = new SeededRandom(3);
    const times = Array.from({ length: 500 }, () => random.nextInt(0, 100));
    times.forEach((t, i) => scheduler.schedule(t, `${t}:${i}`));
    scheduler.schedule(50, 'tie-last');
    expect(scheduler.popDue(-1)).toBeNull();
    const popped: string[] = [];
    for (let entry = scheduler.popDue(100); entry; entry = scheduler.popDue(100))
      popped.push(entry.payload);
    const order = popped.map((p) => (p === 'tie-last' ? 50 : Number(p.split(':')[0])));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(popped.filter((p) => p.startsWith('50:') || p === 'tie-last').at(-1)).toBe('tie-last');
    expect(scheduler.size).toBe(0);
  });
});

describe('matchRoute', () => {
  it('prefers literal segments, reports wrong methods and bad ids', () => {
    expect(matchRoute('GET', 'qualitycontrol/9001/allagent')).toMatchObject({
      kind: 'matched',
      name: 'monitorableAgents',
    });
    expect(matchRoute('DELETE', 'qualitycontrol/9001/1001')).toMatchObject({
      kind: 'matched',
      name: 'cancel',
      params: { agentid: '9001', workNo: '1001' },
    });
    expect(matchRoute('PUT', 'qualitycontrol/9001/allagent')).toEqual({
      kind: 'wrong-method',
      logName: 'queryAllAgent',
    });
    expect(matchRoute('DELETE', 'qualitycontrol/9001/allagent')).toMatchObject({
      kind: 'bad-param',
    });
    expect(matchRoute('PUT', 'qualitycontrol/9001/intercept/1001/1700000000-12')).toMatchObject({
      name: 'interceptCall',
      params: { callId: '1700000000-12' },
    });
    expect(matchRoute('GET', 'agentevent/100')).toMatchObject({ kind: 'bad-param' });
    expect(matchRoute('GET', 'agentevent/999999')).toMatchObject({ kind: 'matched' });
    expect(matchRoute('GET', 'agentevent/1000000')).toMatchObject({ kind: 'bad-param' });
    expect(matchRoute('GET', 'agentevent/%E0%A4%A')).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', 'nothing/here')).toEqual({ kind: 'not-found' });
  });
});
