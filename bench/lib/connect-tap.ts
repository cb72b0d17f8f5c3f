/**
 * Records when new TLS connections are opened (undici calls `tls.connect` for each), so a
 * figure can tell a slow code path from a sample that had to wait for a TLS handshake.
 */
import tls from 'node:tls';

export interface ConnectTap {
  /** performance.now() of each connection opened so far. */
  readonly opened: readonly number[];
  /** Whether a connection was opened within [start, end]. */
  openedDuring(start: number, end: number): boolean;
  remove(): void;
}

/** Start recording `tls.connect` calls of this process. */
export function installConnectTap(): ConnectTap {
  const module = tls as unknown as { connect: (...args: unknown[]) => tls.TLSSocket };
  const original = module.connect;
  const opened: number[] = [];
  module.connect = function tappedConnect(this: unknown, ...args: unknown[]): tls.TLSSocket {
    opened.push(performance.now());
    return original.apply(this, args);
  };
  return {
    opened,
    openedDuring: (start, end) => opened.some((at) => at >= start && at <= end),
    remove() {
      module.connect = original;
    },
  };
}
