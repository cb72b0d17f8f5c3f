import { describe, expect, it } from 'vitest';
import type { RunningSimulator, SimulatorOptions } from '../../simulator';
import { createDemoGateway } from './demo-gateway';

/** A stand-in simulator: only what the adapter reads. */
function fakeSimulator(
  inspectors: RunningSimulator['inspectors'],
  closed: string[],
  name: string,
): RunningSimulator {
  return {
    baseUrl: `https://127.0.0.1:1/${name}/`,
    origin: 'https://127.0.0.1:1',
    caPem: 'PEM',
    certSha256: '',
    inspectors,
    agents: [],
    close: async () => {
      closed.push(name);
    },
  } as unknown as RunningSimulator;
}

describe('demo gateway', () => {
  const inspector = { agentId: '900', password: 'demo-pass', phoneNumber: '7001', name: 'Demo' };

  it('starts the simulator and hands over its address, CA and inspector account', async () => {
    const asked: SimulatorOptions[] = [];
    const closed: string[] = [];
    let count = 0;
    const demo = createDemoGateway({
      startSimulator: async (options) => {
        asked.push(options);
        count += 1;
        return fakeSimulator([inspector], closed, `sim${count}`);
      },
    });
    await expect(demo.start()).resolves.toEqual({
      baseUrl: 'https://127.0.0.1:1/sim1/',
      caPem: 'PEM',
      inspector: { agentId: '900', password: 'demo-pass', phoneNumber: '7001' },
    });
    expect(asked[0]).toMatchObject({ host: '127.0.0.1', port: 0, agents: 40, inspectors: 1 });
    await demo.start();
    expect(closed).toEqual(['sim1']);
    await demo.stop();
    await demo.stop();
    expect(closed).toEqual(['sim1', 'sim2']);
  });

  it('refuses a simulator without an inspector account, and closes it', async () => {
    const closed: string[] = [];
    const demo = createDemoGateway({
      startSimulator: async () => fakeSimulator([], closed, 'empty'),
    });
    await expect(demo.start()).rejects.toThrow(/no inspector/);
    expect(closed).toEqual(['empty']);
    expect(demo.simulator()).toBeNull();
  });

  it('runs overlapping starts and stops one at a time, leaving no simulator behind', async () => {
    const closed: string[] = [];
    let count = 0;
    const demo = createDemoGateway({
      startSimulator: async () => fakeSimulator([inspector], closed, `sim${(count += 1)}`),
    });
    await Promise.all([demo.start(), demo.start(), demo.stop()]);
    expect(closed).toEqual(['sim1', 'sim2']);
    expect(demo.simulator()).toBeNull();
  });
});
