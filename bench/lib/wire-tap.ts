/**
 * Timestamps the moment request bytes are handed to a socket. It wraps `net.Socket#write`
 * (TLS sockets inherit it): undici writes a request's head with one `write` call, and Node
 * tries the write(2) at once when the socket is writable, so this is when the request goes on
 * the wire, give or take the system call. Only writes whose text contains an awaited marker
 * (a URL path) are recorded; everything else passes through untouched.
 */
import net from 'node:net';

export interface WireTap {
  /** Resolve with the time of the next write whose head contains `marker`. */
  expect(marker: string): Promise<number>;
  remove(): void;
}

const HEAD_BYTES = 512;

/** Install the tap on every socket of the process until `remove()`; times come from `clock`. */
export function installWireTap(clock: () => number = () => performance.now()): WireTap {
  const prototype = net.Socket.prototype as unknown as { write: (...args: unknown[]) => boolean };
  const hadOwn = Object.hasOwn(prototype, 'write');
  const original = prototype.write;
  const waiting: Array<{ marker: string; resolve: (at: number) => void }> = [];
  prototype.write = function tappedWrite(this: net.Socket, ...args: unknown[]): boolean {
    if (waiting.length > 0) {
      const at = clock();
      const chunk = args[0];
      const head =
        typeof chunk === 'string'
          ? chunk.slice(0, HEAD_BYTES)
          : Buffer.isBuffer(chunk)
            ? chunk.subarray(0, HEAD_BYTES).toString('latin1')
            : '';
      const index = waiting.findIndex((entry) => head.includes(entry.marker));
      if (index >= 0) waiting.splice(index, 1)[0]?.resolve(at);
    }
    return original.apply(this, args);
  };
  return {
    expect(marker) {
      return new Promise((resolve) => waiting.push({ marker, resolve }));
    },
    remove() {
      if (hadOwn) prototype.write = original;
      else delete (prototype as { write?: unknown }).write;
    },
  };
}
