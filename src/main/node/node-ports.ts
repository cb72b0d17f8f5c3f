/**
 * Node implementations of the core's ports, usable outside Electron: the CLI, the WebSocket
 * test binding, browser tests and benchmarks build a supervisor from these.
 */
import type { GatewayFetch } from '../gateway/gateway-types';
import { createNodeFetch, type NodeGatewayFetch } from '../gateway/transport/node-fetch';
import type { GatewayTransportFactory, Logger } from '../supervisor/ports';

export { createMemoryCredentialStore } from '../credentials/memory-credential-store';
export {
  createJsonFileSettingsStore,
  createMemorySettingsStore,
  gatewaySettingsFor,
} from './node-settings-store';

/** A transport factory over undici; one connection pool per trust configuration. */
export function createNodeTransportFactory(): GatewayTransportFactory & { close(): Promise<void> } {
  const pools = new Map<string, NodeGatewayFetch>();
  return {
    create(tls, limits = {}): GatewayFetch {
      const key = JSON.stringify([
        tls.caPem ?? null,
        tls.pinSha256 ?? null,
        limits.maxAnswerBytes ?? null,
      ]);
      let pool = pools.get(key);
      if (!pool) {
        pool = createNodeFetch({
          caPem: tls.caPem,
          pinSha256: tls.pinSha256,
          maxAnswerBytes: limits.maxAnswerBytes,
        });
        pools.set(key, pool);
      }
      return pool;
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((pool) => pool.close()));
    },
  };
}

/** A logger writing one line per entry to stderr, from `level` up. */
export function createConsoleLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): Logger {
  const order = ['debug', 'info', 'warn', 'error'] as const;
  const write =
    (entryLevel: (typeof order)[number]) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (order.indexOf(entryLevel) < order.indexOf(level)) return;
      const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      process.stderr.write(
        `${new Date().toISOString()} ${entryLevel.toUpperCase()} ${message}${suffix}\n`,
      );
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    writes: (entryLevel) => order.indexOf(entryLevel) >= order.indexOf(level),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  writes: () => false,
};
