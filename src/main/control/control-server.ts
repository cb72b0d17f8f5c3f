/**
 * The local control endpoint: the running app (or `cc-inspector session --serve`) answers
 * contract commands from scripts, macro keypads and IT tools on this machine. Each request
 * carries the per-run token of the info file; a wrong token is refused and the connection
 * closed. Payloads pass the same validation as the window's (a payload naming its own
 * `source` is refused) and every action is recorded as coming from `cli`. Concurrent calls
 * reach the core as they come, so the core joins an action the window already has in flight.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import { COMMAND_NAMES, type CommandName, type Result } from '../../shared/ipc/contract';
import { failure, validateContractCall } from '../../shared/ipc/contract-validation';
import type { SupervisorCore } from '../supervisor/supervisor-api';
import type { Logger } from '../supervisor/ports';
import {
  loadControlInfo,
  prepareControlFolder,
  removeControlInfo,
  writeControlInfo,
} from './control-folder';
import type { ControlLocation } from './control-location';
import { probeEndpoint } from './control-probe';
import {
  CONTROL_PROTOCOL_VERSION,
  createLineSplitter,
  type ControlAnswer,
  type ControlOwner,
} from './control-wire';

export interface ControlServerOptions {
  core: Pick<SupervisorCore, 'execute'>;
  location: ControlLocation;
  owner: ControlOwner;
  logger?: Logger;
  /** Commands this server answers (default: the whole contract). */
  commands?: readonly CommandName[];
}

export interface ControlServer {
  endpoint: string;
  infoFile: string;
  close(): Promise<void>;
}

/** Another app or session already serves the endpoint of this user. */
export class ControlEndpointBusyError extends Error {
  override readonly name = 'ControlEndpointBusyError';
  constructor(
    readonly owner: ControlOwner,
    readonly pid: number,
  ) {
    super(
      `Another ${owner === 'app' ? 'CC Inspector app' : '`cc-inspector session --serve`'} (process ${pid}) already serves the control endpoint.`,
    );
  }
}

const REFUSED_TOKEN = failure(
  'forbidden-sender',
  'The control token was refused: it belongs to another run of CC Inspector.',
  '控制令牌被拒绝：它属于另一次运行的 CC Inspector。',
);

/** Starts serving; refuses when a live endpoint of another run is there already. */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { location, logger } = options;
  await prepareControlFolder(location);
  const existing = await loadControlInfo(location);
  if (existing && (await probeEndpoint(existing.endpoint)))
    throw new ControlEndpointBusyError(existing.owner, existing.pid);
  // What is left is stale: a run that ended without cleaning up.
  if (process.platform !== 'win32') await rm(location.endpoint, { force: true });
  const token = randomBytes(32).toString('hex');
  const allowed = new Set<string>(options.commands ?? COMMAND_NAMES);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, token, allowed, options);
  });
  await listen(server, location.endpoint);
  if (process.platform !== 'win32') await chmod(location.endpoint, 0o600);
  await writeControlInfo(location, {
    version: CONTROL_PROTOCOL_VERSION,
    endpoint: location.endpoint,
    token,
    pid: process.pid,
    owner: options.owner,
  });
  logger?.info('control endpoint listening', { endpoint: location.endpoint });
  let closed: Promise<void> | null = null;
  return {
    endpoint: location.endpoint,
    infoFile: location.infoFile,
    close() {
      closed ??= (async () => {
        await removeControlInfo(location, token).catch(() => undefined);
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
}

function listen(server: Server, endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Neither readable nor writable by other users (Windows: the pipe's default DACL).
    server.listen({ path: endpoint, readableAll: false, writableAll: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function tokenMatches(given: unknown, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function serveConnection(
  socket: Socket,
  token: string,
  allowed: ReadonlySet<string>,
  options: ControlServerOptions,
): void {
  const answer = (message: ControlAnswer, thenClose = false) => {
    if (socket.destroyed) return;
    socket.write(`${JSON.stringify(message)}\n`, () => {
      if (thenClose) socket.destroy();
    });
  };
  const onLine = (line: string) => {
    let request: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      request = parsed as Record<string, unknown>;
    } catch {
      answer({
        id: null,
        result: failure('invalid-argument', 'Not a JSON request.', '不是 JSON 请求。'),
      });
      return;
    }
    const id = typeof request.id === 'number' ? request.id : null;
    if (!tokenMatches(request.token, token)) {
      options.logger?.warn('control request refused: wrong token');
      answer({ id, result: REFUSED_TOKEN }, true);
      return;
    }
    void runRequest(request.command, request.args, allowed, options).then((result) =>
      answer({ id, result }),
    );
  };
  socket.on(
    'data',
    createLineSplitter(onLine, () => {
      answer(
        { id: null, result: failure('invalid-argument', 'Request too long.', '请求过长。') },
        true,
      );
    }),
  );
  socket.on('error', () => socket.destroy());
}

async function runRequest(
  command: unknown,
  args: unknown,
  allowed: ReadonlySet<string>,
  options: ControlServerOptions,
): Promise<Result<unknown>> {
  if (typeof command !== 'string' || !allowed.has(command))
    return failure(
      'unknown-command',
      `Unknown command ${JSON.stringify(command)} for this control endpoint.`,
      `此控制端点不支持命令 ${JSON.stringify(command)}。`,
    );
  const name = command as CommandName;
  const valid = validateContractCall(name, args, 'cli');
  if (!valid.ok) return valid;
  try {
    return await options.core.execute(name, valid.value);
  } catch (error) {
    options.logger?.error('control command failed', {
      command: name,
      error: error instanceof Error ? error.message : String(error),
    });
    return failure(
      'internal',
      'Something went wrong inside CC Inspector; the log has the details.',
      'CC Inspector 内部出错，详情请查看日志。',
    );
  }
}
