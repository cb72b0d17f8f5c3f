/**
 * Demo mode's gateway: the simulator started in-process, so a first start shows a live contact
 * center without any configuration. Its throwaway credentials stay in memory. The simulator is
 * loaded on first start only (a dynamic import), so the app pays for it in demo mode alone.
 */
import type { RunningSimulator, SimulatorOptions } from '../../simulator/simulator-types';
import type * as SimulatorModule from '../../simulator';
import type { DemoGateway, Logger } from '../supervisor/ports';

export interface DemoGatewayOptions {
  /** Starts the simulator. Default: load src/simulator lazily and start it. */
  startSimulator?: (options: SimulatorOptions) => Promise<RunningSimulator>;
  /** Simulator settings (size, seed, timings) over DEMO_SIMULATOR_DEFAULTS. */
  simulator?: SimulatorOptions;
  logger?: Logger;
}

export interface SimulatorDemoGateway extends DemoGateway {
  /** The running simulator (tests drive it); null when stopped. */
  simulator(): RunningSimulator | null;
}

/** Size of the demo contact center: 40 agents and the one inspector account demo mode uses. */
export const DEMO_SIMULATOR_DEFAULTS: Readonly<SimulatorOptions> = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  agents: 40,
  inspectors: 1,
});

let simulatorModule: Promise<typeof SimulatorModule> | null = null;

/** The simulator's module, loaded once (preloadDemoSimulator may have started it already). */
function loadSimulatorModule(): Promise<typeof SimulatorModule> {
  simulatorModule ??= import('../../simulator');
  return simulatorModule;
}

/**
 * Begin loading the simulator now, when demo mode is already known to be wanted: its module
 * loads while the window and the core are being set up instead of after them (cold start).
 */
export function preloadDemoSimulator(): void {
  loadSimulatorModule().catch(() => {
    // Reported by the start that needs it (which loads it again).
    simulatorModule = null;
  });
}

async function loadAndStartSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const simulator = await loadSimulatorModule();
  return simulator.startSimulator(options);
}

/** A DemoGateway over the in-process simulator; start restarts it when already running. */
export function createDemoGateway(options: DemoGatewayOptions = {}): SimulatorDemoGateway {
  const startSimulator = options.startSimulator ?? loadAndStartSimulator;
  let running: RunningSimulator | null = null;
  // Starts and stops run one at a time, so overlapping calls never leak a simulator.
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const close = async (): Promise<void> => {
    const current = running;
    running = null;
    if (current) await current.close();
  };
  return {
    start: () =>
      serialise(async () => {
        await close();
        const simulator = await startSimulator({
          ...DEMO_SIMULATOR_DEFAULTS,
          ...options.simulator,
        });
        running = simulator;
        const inspector = simulator.inspectors[0];
        if (!inspector) {
          await close();
          throw new Error('The demo gateway has no inspector account.');
        }
        options.logger?.info('demo gateway started', {
          baseUrl: simulator.baseUrl,
          agents: simulator.agents.length,
        });
        return {
          baseUrl: simulator.baseUrl,
          caPem: simulator.caPem,
          inspector: {
            agentId: inspector.agentId,
            password: inspector.password,
            phoneNumber: inspector.phoneNumber,
          },
        };
      }),
    stop: () => serialise(close),
    simulator: () => running,
  };
}
