/**
 * The control endpoint's wire format: one JSON object per line each way. A request names a
 * contract command and carries the per-run token; the answer carries the request's id and
 * the contract's Result. The info file tells a client where to connect and with which token.
 */
import type { Result } from '../../shared/ipc/contract';

export const CONTROL_PROTOCOL_VERSION = 1;
/** A longer line is refused and the connection closed (no contract payload comes near). */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Who serves the endpoint: the desktop app or `cc-inspector session --serve`. */
export type ControlOwner = 'app' | 'cli-session';

export interface ControlInfo {
  version: number;
  endpoint: string;
  token: string;
  pid: number;
  owner: ControlOwner;
}

export interface ControlRequest {
  id: number;
  token: string;
  command: string;
  args?: unknown;
}

export interface ControlAnswer {
  id: number | null;
  result: Result<unknown>;
}

/** The info file's content, or null when it is not one. */
export function readControlInfo(text: string): ControlInfo | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { version, endpoint, token, pid, owner } = value as Record<string, unknown>;
    if (
      version !== CONTROL_PROTOCOL_VERSION ||
      typeof endpoint !== 'string' ||
      typeof token !== 'string' ||
      !/^[0-9a-f]{64}$/.test(token) ||
      typeof pid !== 'number' ||
      (owner !== 'app' && owner !== 'cli-session')
    )
      return null;
    return { version, endpoint, token, pid, owner };
  } catch {
    return null;
  }
}

/** Splits a byte stream into lines; calls `onOverflow` once a line grows past the limit. */
export function createLineSplitter(
  onLine: (line: string) => void,
  onOverflow: () => void,
): (chunk: Buffer) => void {
  let pending = '';
  let overflowed = false;
  return (chunk) => {
    if (overflowed) return;
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = pending.indexOf('\n');
    }
    if (Buffer.byteLength(pending) > MAX_LINE_BYTES) {
      overflowed = true;
      onOverflow();
    }
  };
}
