/**
 * The real supervisor core on Node ports (memory keychain and settings, undici transport, a
 * temporary journal folder), pointed at a gateway: the one place tests and benchmarks assemble
 * a core. `startCoreOnSimulator` starts a simulator over HTTPS first and records every event
 * the core emits; `createCoreOnGateway` takes a gateway that runs elsewhere (another thread, an
 * in-memory fake). Neither signs in: call `signIn()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../../../src/shared/domain';
import { wrapGatewayFetch, type GatewayFetch } from '../../../src/main/gateway';
import {
  createSupervisor,
  type GatewayTlsTrust,
  type SettingsStore,
  type SupervisorCoreWithDiagnostics,
  type SupervisorOptions,
  type SupervisorPorts,
} from '../../../src/main/supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  createNodeTransportFactory,
  gatewaySettingsFor,
  silentLogger,
} from '../../../src/main/node/node-ports';
import { startSimulator } from '../../../src/simulator/http/simulator-server';
import { loadSqlJsEngine } from '../../../src/main/node/sqljs-engine';
import { createRecordingNotifier } from './recording-notifier';
import type {
  RunningSimulator,
  SimulatorAccount,
  SimulatorOptions,
} from '../../../src/simulator/simulator-types';
import { EventRecorder } from './event-recorder';

/** The TLS trust a transport was built with. */
export type TransportTrust = GatewayTlsTrust;

/** The account the core signs in with. */
export type InspectorAccount = Pick<SimulatorAccount, 'agentId' | 'password' | 'phoneNumber'>;

/** Ports a caller may replace; the rest are the test defaults. */
export type CorePortOverrides = Partial<
  Pick<
    SupervisorPorts,
    | 'credentials'
    | 'logger'
    | 'notifier'
    | 'hotkeys'
    | 'fileSaver'
    | 'clock'
    | 'shell'
    | 'demo'
    | 'coachingDatabase'
    | 'confirm'
    | 'certificates'
    | 'policy'
    | 'diagnostics'
  >
>;

export interface CoreOnGatewayOptions {
  /** Where the settings point (and the sign-in goes). */
  gateway: { baseUrl: string; caPem: string | null };
  inspector: InspectorAccount;
  /** Core timing; the production defaults where left out. */
  supervisor?: SupervisorOptions;
  /** Replacement ports (default: memory keychain, silent logger, no notifier). */
  ports?: CorePortOverrides;
  /** Settings fields over the defaults, beside the gateway section (memory store only). */
  settings?: Partial<Settings>;
  /** Build the settings store yourself (e.g. the desktop one on disk), given the gateway section. */
  settingsStore?: (gateway: Settings['gateway']) => SettingsStore;
  /** Wrap each gateway transport (given its trust), e.g. to record, fail or duplicate what the core sends. */
  wrapFetch?: (inner: GatewayFetch, trust: TransportTrust) => GatewayFetch;
  /** Talk to the gateway through this fetch instead of undici (an in-memory gateway). */
  fetch?: GatewayFetch;
  /** Keep the audit journal here (the caller's folder, left in place) instead of a temporary one. */
  journalDir?: string;
}

export interface CoreOnGateway {
  core: SupervisorCoreWithDiagnostics;
  inspector: InspectorAccount;
  journalDir: string;
  /** Sign in through `session.signIn`, as the window does (remembering the password by default). */
  signIn(options?: { remember?: boolean }): Promise<void>;
  /** Dispose of the core, close the transport and remove a temporary journal folder. */
  close(): Promise<void>;
}

/** A core for a gateway that is already running (not yet signed in). */
export function createCoreOnGateway(options: CoreOnGatewayOptions): CoreOnGateway {
  return assembleCore(options, async () => undefined);
}

/** The core; `afterDispose` closes what it talked to before its transport closes. */
function assembleCore(
  options: CoreOnGatewayOptions,
  afterDispose: () => Promise<void>,
): CoreOnGateway {
  const ownJournal = options.journalDir === undefined;
  const journalDir =
    options.journalDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cc-inspector-core-'));
  const transport = createNodeTransportFactory();
  const base = options.fetch;
  const wrap = options.wrapFetch;
  const connect: SupervisorPorts['transport']['create'] = (tls, limits) => {
    const inner = base ?? transport.create(tls, limits);
    // The wrapper keeps the transport's own time limit (else the client would add an abort signal).
    return wrap
      ? wrapGatewayFetch(inner, wrap(inner, { caPem: tls.caPem, pinSha256: tls.pinSha256 }))
      : inner;
  };
  const { inspector } = options;
  const gateway = gatewaySettingsFor(options.gateway, inspector);
  const settings = options.settingsStore
    ? options.settingsStore(gateway)
    : createMemorySettingsStore({ gateway, ...options.settings });
  const core = createSupervisor(
    {
      credentials: createMemoryCredentialStore(),
      logger: silentLogger,
      // The coaching file lives beside the journal, as in the app's user data folder.
      coachingDatabase: {
        filePath: path.join(journalDir, 'coaching.sqlite'),
        loadEngine: loadSqlJsEngine,
      },
      ...options.ports,
      settings,
      transport: { create: connect },
      journalDir,
    },
    options.supervisor ?? {},
  );
  return {
    core,
    inspector,
    journalDir,
    async signIn({ remember = true } = {}) {
      const result = await core.execute('session.signIn', {
        gatewayUrl: options.gateway.baseUrl,
        inspectorId: inspector.agentId,
        phoneNumber: inspector.phoneNumber,
        password: inspector.password,
        remember,
      });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
    },
    async close() {
      await core.dispose();
      await afterDispose();
      await transport.close();
      if (ownJournal) fs.rmSync(journalDir, { recursive: true, force: true });
    },
  };
}

/** Test defaults of the simulator: HTTPS, 40 agents, seed 7, no random changes, 400 ms hold. */
const TEST_SIMULATOR_DEFAULTS = {
  protocol: 'https',
  agents: 40,
  seed: 7,
  changesPerAgentPerMinute: 0,
  pollHoldMs: 400,
} as const satisfies SimulatorOptions;

export interface CoreOnSimulatorOptions extends Omit<
  CoreOnGatewayOptions,
  'gateway' | 'inspector' | 'fetch'
> {
  /** Simulator options over TEST_SIMULATOR_DEFAULTS. */
  simulator?: SimulatorOptions;
}

export interface CoreOnSimulator extends CoreOnGateway {
  sim: RunningSimulator;
  /** The simulator's first inspector account, the one the settings name. */
  inspector: SimulatorAccount;
  /** Every event the core emitted, with waits on them. */
  recorder: EventRecorder;
  /** Notifications the core raised (a recording notifier unless `ports.notifier` replaced it). */
  notifications: ReturnType<typeof createRecordingNotifier>['notifications'];
}

/**
 * Start a simulator and a core signed out but configured for its first inspector. The core
 * polls with the simulator's hold and a 200 ms warm-up unless `supervisor` says otherwise.
 */
export async function startCoreOnSimulator(
  options: CoreOnSimulatorOptions = {},
): Promise<CoreOnSimulator> {
  const simulatorOptions = { ...TEST_SIMULATOR_DEFAULTS, ...options.simulator };
  const sim = await startSimulator(simulatorOptions);
  const notifier = createRecordingNotifier();
  const fixture = assembleCore(
    {
      ...options,
      gateway: sim,
      inspector: sim.inspectors[0]!,
      ports: { notifier, ...options.ports },
      supervisor: {
        pollHoldMs: simulatorOptions.pollHoldMs,
        warmupMs: 200,
        ...options.supervisor,
      },
    },
    () => sim.close(),
  );
  const recorder = new EventRecorder();
  fixture.core.subscribe((name, payload) => recorder.record(name, payload));
  return {
    ...fixture,
    sim,
    inspector: sim.inspectors[0]!,
    recorder,
    notifications: notifier.notifications,
  };
}
