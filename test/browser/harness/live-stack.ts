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
import type {
  FileSaver,
  HotkeyPort,
  SupervisorCoreWithDiagnostics,
} from '../../../src/main/supervisor';
import { createMemorySettingsStore } from '../../../src/main/node/node-ports';
import type { ManagedPolicy } from '../../../src/main/policy/policy-merge';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorAccount,
  type SimulatorOptions,
} from '../../../src/simulator';
import { startCoreOnSimulator } from '../../support/core/start-core-on-simulator';
import { startWsContractServer, type WsContractServer } from '../../support/ws-contract-server';
import { ensureRendererBuilt } from './renderer-build';

/** A HotkeyPort like the desktop one, where `owned` accelerators belong to another app. */
function createFakeHotkeyPort(
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
  /** The administrator's policy the core starts under (issue 16). */
  policy?: ManagedPolicy;
  /**
   * Runs before the core is built: e.g. write a shift file into `statsDir` for it to load.
   * `skills` are those of the simulator the core will talk to (same options, same seed).
   */
  beforeCoreStarts?(context: {
    statsDir: string;
    skills: Array<{ id: number; name: string }>;
  }): void;
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
  const hotkeys = createFakeHotkeyPort(options.ownedAccelerators);
  const simulatorOptions = {
    seed: 11,
    changesPerAgentPerMinute: 2,
    pollHoldMs: 1000,
    ...options.simulator,
  };
  // The core reads its shift file when it is built: write it first, into a journal folder of
  // our own (the skills come from a simulator with the same seed, started only to list them).
  let journalDir: string | undefined;
  if (options.beforeCoreStarts) {
    journalDir = mkdtempSync(join(tmpdir(), 'cc-inspector-browser-'));
    const probe = await startSimulator({ ...simulatorOptions, protocol: 'http', autoRun: false });
    const skills = probe.center.listSkills();
    await probe.close();
    options.beforeCoreStarts({ statsDir: join(journalDir, 'stats'), skills });
  }
  const saved: LiveStack['saved'] = [];
  const fileSaver: FileSaver = {
    async save(name, content) {
      saved.push({ name, content });
      return join(fixture.journalDir, name);
    },
  };
  let settings: ReturnType<typeof createMemorySettingsStore> | undefined;
  const fixture = await startCoreOnSimulator({
    simulator: simulatorOptions,
    journalDir,
    settingsStore: (gateway) =>
      (settings = createMemorySettingsStore({ gateway, ...options.settings })),
    ports: { hotkeys, fileSaver, policy: options.policy },
    // The queue overview refreshes every 60 s by default when no queue is expanded; tests
    // should not wait that long for a waiting count.
    supervisor: { backoffMs: [200, 400, 800], queueIntervals: { backgroundMs: 1_000 } },
  });
  const { sim, core, inspector } = fixture;
  await core.start({ demo: false });
  const server = await startWsContractServer({ core, rootDir });
  return {
    sim,
    core,
    server,
    inspector,
    hotkeys,
    settings: settings!,
    saved,
    async close() {
      await server.close();
      await fixture.close();
      if (journalDir) rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
