/**
 * A real supervisor core signed in to a real simulator over HTTPS, for integration tests, the
 * roster-lag measurement and benchmarks. Records every event the core emits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayloads } from '../../../src/shared/ipc/contract';
import { startSimulator } from '../../../src/simulator/http/simulator-server';
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulator/simulator-types';
import { createSupervisor, type SupervisorCoreWithDiagnostics } from '../../../src/main/supervisor/create-supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  gatewaySettingsFor,
  createNodeTransportFactory,
  createRecordingNotifier,
  silentLogger,
} from '../../../src/main/node/node-ports';
import type { Logger } from '../../../src/main/supervisor/ports';
import type { SupervisorOptions } from '../../../src/main/supervisor/supervisor-runtime';

export interface RecordedEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayloads[E];
  at: number;
}

/** Records core events and waits for matching ones. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];

  record<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    this.events.push({ name, payload, at: Date.now() } as RecordedEvent);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Events of one name, oldest first. */
  of<E extends EventName>(name: E): RecordedEvent<E>[] {
    return this.events.filter((event): event is RecordedEvent<E> => event.name === name);
  }

  /** Wait until an event of `name` satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor<E extends EventName>(
    name: E,
    predicate: (payload: EventPayloads[E]) => boolean,
    timeoutMs = 5_000,
    since = 0,
  ): Promise<RecordedEvent<E>> {
    const find = (): RecordedEvent<E> | undefined =>
      this.of(name).find((event) => event.at >= since && predicate(event.payload));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.check !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
      }, timeoutMs);
      const check = (): boolean => find() !== undefined;
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve(find()!);
        },
      });
    });
  }
}

export interface SimulatorHarness {
  sim: RunningSimulator;
  core: SupervisorCoreWithDiagnostics;
  recorder: EventRecorder;
  journalDir: string;
  inspector: { agentId: string; password: string; phoneNumber: string };
  notifications: ReturnType<typeof createRecordingNotifier>['notifications'];
  /** Sign the core in through `session.signIn` (remembering the password). */
  signIn(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  simulator?: SimulatorOptions;
  supervisor?: SupervisorOptions;
  logger?: Logger;
}

/** Start a simulator and a core configured for it (not yet signed in). */
export async function startSimulatorHarness(
  options: HarnessOptions = {},
): Promise<SimulatorHarness> {
  const sim = await startSimulator({
    protocol: 'https',
    agents: 40,
    seed: 7,
    autoRun: true,
    changesPerAgentPerMinute: 0,
    pollHoldMs: 400,
    ...options.simulator,
  });
  const inspector = sim.inspectors[0]!;
  const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-inspector-core-'));
  const transport = createNodeTransportFactory();
  const notifier = createRecordingNotifier();
  const settings = createMemorySettingsStore({ gateway: gatewaySettingsFor(sim, inspector) });
  const core = createSupervisor(
    {
      credentials: createMemoryCredentialStore(),
      settings,
      transport,
      journalDir,
      logger: options.logger ?? silentLogger,
      notifier,
    },
    { pollHoldMs: options.simulator?.pollHoldMs ?? 400, warmupMs: 200, ...options.supervisor },
  );
  const recorder = new EventRecorder();
  core.subscribe((name, payload) => recorder.record(name, payload));
  return {
    sim,
    core,
    recorder,
    journalDir,
    inspector,
    notifications: notifier.notifications,
    async signIn() {
      const result = await core.execute('session.signIn', {
        gatewayUrl: sim.baseUrl,
        inspectorId: inspector.agentId,
        phoneNumber: inspector.phoneNumber,
        password: inspector.password,
        remember: true,
      });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
    },
    async close() {
      await core.dispose();
      await sim.close();
      await transport.close();
      fs.rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
