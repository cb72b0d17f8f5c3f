/**
 * The real thing, minus Electron: a simulator (HTTPS), the real supervisor core built from the
 * Node ports, and the WebSocket binding serving the built renderer. The settings already
 * point at the simulator and trust its CA, as an IT department would have set them up; the
 * supervisor still signs in through the screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HotkeyAction, HotkeyStatus, Settings } from '../../../src/shared/domain';
import { HOTKEY_ACTIONS } from '../../../src/shared/domain';
import { createSupervisor, type SupervisorCoreWithDiagnostics } from '../../../src/main/supervisor';
import type { FileSaver, HotkeyPort } from '../../../src/main/supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  gatewaySettingsFor,
  createNodeTransportFactory,
  silentLogger,
} from '../../../src/main/node/node-ports';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorAccount,
  type SimulatorOptions,
} from '../../../src/simulator';
import { startWsContractServer, type WsContractServer } from '../../support/ws-contract-server';
import { ensureRendererBuilt } from './renderer-build';

/** A HotkeyPort like the desktop one, where `owned` accelerators belong to another app. */
export function createFakeHotkeyPort(
  owned: readonly string[] = [],
): HotkeyPort & { bound(): Record<HotkeyAction, string | null> } {
  const bindings = Object.fromEntries(HOTKEY_ACTIONS.map((action) => [action, null])) as Record<
    HotkeyAction,
    string | null
  >;
  const list = (): HotkeyStatus[] =>
    HOTKEY_ACTIONS.map((action) => {
      const accelerator = bindings[action];
      if (accelerator === null) return { action, accelerator, status: 'unbound', detail: null };
      if (owned.includes(accelerator))
        return {
          action,
          accelerator,
          status: 'conflict',
          detail: 'Another application has registered this shortcut.',
        };
      const sharedWith = HOTKEY_ACTIONS.find(
        (other) => other !== action && bindings[other] === accelerator,
      );
      if (sharedWith)
        return { action, accelerator, status: 'conflict', detail: `Also bound to ${sharedWith}.` };
      return { action, accelerator, status: 'registered', detail: null };
    });
  return {
    set(action, accelerator) {
      bindings[action] = accelerator;
      return list();
    },
    list,
    bound: () => ({ ...bindings }),
  };
}

export interface LiveStackOptions {
  simulator?: SimulatorOptions;
  /** Accelerators the fake hotkey port reports as taken by another application. */
  ownedAccelerators?: readonly string[];
  settings?: Partial<Settings>;
  /** Runs before the core starts: e.g. write a shift file into `statsDir` for it to load. */
  beforeCoreStarts?(context: { statsDir: string; sim: RunningSimulator }): void;
}

export interface LiveStack {
  sim: RunningSimulator;
  core: SupervisorCoreWithDiagnostics;
  server: WsContractServer;
  inspector: SimulatorAccount;
  hotkeys: ReturnType<typeof createFakeHotkeyPort>;
  settings: ReturnType<typeof createMemorySettingsStore>;
  /** Exports saved through the fake save dialog. */
  saved: Array<{ name: string; content: string }>;
  close(): Promise<void>;
}

/** Start simulator, core and binding; the core is started but not signed in. */
export async function startLiveStack(options: LiveStackOptions = {}): Promise<LiveStack> {
  const rootDir = await ensureRendererBuilt();
  const sim = await startSimulator({
    protocol: 'https',
    agents: 40,
    seed: 11,
    changesPerAgentPerMinute: 2,
    pollHoldMs: 1000,
    ...options.simulator,
  });
  const inspector = sim.inspectors[0] as SimulatorAccount;
  const journalDir = mkdtempSync(join(tmpdir(), 'cc-inspector-browser-'));
  const transport = createNodeTransportFactory();
  const settings = createMemorySettingsStore({
    gateway: gatewaySettingsFor(sim, inspector),
    ...options.settings,
  });
  const hotkeys = createFakeHotkeyPort(options.ownedAccelerators);
  options.beforeCoreStarts?.({ statsDir: join(journalDir, 'stats'), sim });
  const saved: LiveStack['saved'] = [];
  const fileSaver: FileSaver = {
    async save(name, content) {
      saved.push({ name, content });
      return join(journalDir, name);
    },
  };
  const core = createSupervisor(
    {
      credentials: createMemoryCredentialStore(),
      settings,
      transport,
      journalDir,
      logger: silentLogger,
      hotkeys,
      fileSaver,
    },
    // The queue overview refreshes every 60 s by default when no queue is expanded; tests
    // should not wait that long for a waiting count.
    {
      pollHoldMs: options.simulator?.pollHoldMs ?? 1000,
      warmupMs: 200,
      backoffMs: [200, 400, 800],
      queueIntervals: { backgroundMs: 1_000 },
    },
  );
  await core.start({ demo: false });
  const server = await startWsContractServer({ core, rootDir });
  return {
    sim,
    core,
    server,
    inspector,
    hotkeys,
    settings,
    saved,
    async close() {
      await server.close();
      await core.dispose();
      await sim.close();
      await transport.close();
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
