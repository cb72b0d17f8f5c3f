/**
 * Demo mode's gateway: the simulator started inside the app, so a first start shows a live
 * contact center without any configuration. Its throwaway credentials stay in memory.
 */
import type { RunningSimulator, SimulatorOptions } from '../../simulator';
import type { DemoGateway, Logger } from '../supervisor/ports';

export interface SimulatorDemoOptions {
  startSimulator: (options: SimulatorOptions) => Promise<RunningSimulator>;
  /** Simulator settings (size, seed). Default: 40 agents, one inspector. */
  simulator?: SimulatorOptions;
  logger?: Logger;
}

/** A DemoGateway over the in-process simulator; start restarts it when already running. */
export function createSimulatorDemoGateway(options: SimulatorDemoOptions): DemoGateway {
  let running: RunningSimulator | null = null;
  const stop = async (): Promise<void> => {
    const current = running;
    running = null;
    if (current) await current.close();
  };
  return {
    async start() {
      await stop();
      const simulator = await options.startSimulator({ host: '127.0.0.1', port: 0, agents: 40, inspectors: 1, ...options.simulator });
      running = simulator;
      const inspector = simulator.inspectors[0];
      if (!inspector) {
        await stop();
        throw new Error('The demo gateway has no inspector account.');
      }
      options.logger?.info('demo gateway started', { baseUrl: simulator.baseUrl, agents: simulator.agents.length });
      return {
        baseUrl: simulator.baseUrl,
        caPem: simulator.caPem,
        inspector: { agentId: inspector.agentId, password: inspector.password, phoneNumber: inspector.phoneNumber },
      };
    },
    stop,
  };
}
