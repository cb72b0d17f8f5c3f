/**
 * A real supervisor core on Node ports (memory keychain and settings, undici transport, a
 * temporary journal folder), for benchmarks against a simulator in another thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wrapGatewayFetch, type GatewayFetch } from '../../src/main/gateway';
import {
  createSupervisor,
  type GatewayTransportFactory,
  type SupervisorCoreWithDiagnostics,
  type SupervisorOptions,
} from '../../src/main/supervisor';
import {
  createMemoryCredentialStore,
  createMemorySettingsStore,
  gatewaySettingsFor,
  createNodeTransportFactory,
  silentLogger,
} from '../../src/main/node/node-ports';

export interface CoreFixture {
  core: SupervisorCoreWithDiagnostics;
  /** Sign in through the contract command, as the window does. */
  signIn(): Promise<void>;
  close(): Promise<void>;
}

export interface CoreFixtureOptions {
  baseUrl: string;
  caPem: string | null;
  inspector: { agentId: string; password: string; phoneNumber: string };
  supervisor?: SupervisorOptions;
  /** Wrap the gateway transport (e.g. to timestamp or record what the core sends). */
  wrapFetch?: (inner: GatewayFetch) => GatewayFetch;
}

/** Build a core for this gateway (not yet signed in). */
export function createCoreFixture(options: CoreFixtureOptions): CoreFixture {
  const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-inspector-bench-'));
  const transport = createNodeTransportFactory();
  const wrap = options.wrapFetch;
  // The wrapper keeps the transport's own time limit (else the client would add an abort signal).
  const transportPort: GatewayTransportFactory = wrap
    ? {
        create: (tls) => {
          const inner = transport.create(tls);
          return wrapGatewayFetch(inner, wrap(inner));
        },
      }
    : transport;
  const { inspector } = options;
  const settings = createMemorySettingsStore({ gateway: gatewaySettingsFor(options, inspector) });
  const core = createSupervisor(
    {
      credentials: createMemoryCredentialStore(),
      settings,
      transport: transportPort,
      journalDir,
      logger: silentLogger,
    },
    options.supervisor ?? {},
  );
  return {
    core,
    async signIn() {
      const result = await core.execute('session.signIn', {
        gatewayUrl: options.baseUrl,
        inspectorId: inspector.agentId,
        phoneNumber: inspector.phoneNumber,
        password: inspector.password,
        remember: false,
      });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
    },
    async close() {
      await core.dispose();
      await transport.close();
      fs.rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
