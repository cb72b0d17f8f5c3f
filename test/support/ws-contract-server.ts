/**
 * Test-only WebSocket binding of the contract, so the real supervisor core can drive the real
 * built renderer in Chromium without Electron. One HTTP server on 127.0.0.1 serves the built
 * renderer (`out/renderer`, with its own production CSP) and, on the same origin, a WebSocket
 * endpoint that validates each command exactly like the IPC binding does (it reuses
 * `runIpcCommand`), runs it on the core and forwards every core event.
 *
 * Wire format (JSON): page → server `{ id, name, args }`; server → page `{ id, result }` for
 * answers and `{ event, payload }` for events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { COMMAND_NAMES, type CommandName } from '../../src/shared/ipc/contract';
import { runIpcCommand } from '../../src/main/desktop/ipc/ipc-binding';
import type { SupervisorCore } from '../../src/main/supervisor/supervisor-api';

export type ContractCore = Pick<SupervisorCore, 'execute' | 'subscribe'>;

export interface WsContractServerOptions {
  core: ContractCore;
  /** Folder of the built renderer, e.g. out/renderer. */
  rootDir: string;
  host?: string;
  port?: number;
}

export interface WsContractServer {
  /** Page address, e.g. http://127.0.0.1:5123/ */
  url: string;
  /** WebSocket address of the contract endpoint. */
  wsUrl: string;
  /** Pages connected right now. */
  connectionCount(): number;
  close(): Promise<void>;
}

const WS_CONTRACT_PATH = '/__contract';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function serveStatic(
  rootDir: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const relative = normalize(pathname === '/' ? '/index.html' : pathname);
  const file = resolve(rootDir, `.${relative}`);
  if (file !== rootDir && !file.startsWith(rootDir + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

function parseMessage(data: unknown): { id: number; name: string; args: unknown } | null {
  try {
    const message: unknown = JSON.parse(String(data));
    if (typeof message !== 'object' || message === null) return null;
    const { id, name, args } = message as Record<string, unknown>;
    return typeof id === 'number' && typeof name === 'string' ? { id, name, args } : null;
  } catch {
    return null;
  }
}

/** Start serving `rootDir` and the contract endpoint; resolves once listening. */
export async function startWsContractServer(
  options: WsContractServerOptions,
): Promise<WsContractServer> {
  const rootDir = resolve(options.rootDir);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => void serveStatic(rootDir, request, response));
  const sockets = new Set<WebSocket>();
  let origin = '';
  const wss = new WebSocketServer({
    server,
    path: WS_CONTRACT_PATH,
    // The sender check of this binding: only pages served by this very server may connect.
    verifyClient: (info: { origin: string }) => info.origin === origin,
  });

  wss.on('connection', (socket) => {
    sockets.add(socket);
    const unsubscribe = options.core.subscribe((event, payload) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }));
    });
    socket.on('message', (data) => {
      const message = parseMessage(data);
      if (!message) return;
      const known = (COMMAND_NAMES as readonly string[]).includes(message.name);
      const answer = known
        ? runIpcCommand(message.name as CommandName, null, message.args, {
            core: options.core,
            isTrustedSender: () => true,
          })
        : Promise.resolve({
            ok: false as const,
            error: {
              code: 'unknown-command' as const,
              message: `Unknown command ${message.name}.`,
              messageZh: `未知命令 ${message.name}。`,
              retcode: null,
              field: null,
            },
          });
      void answer.then((result) => {
        if (socket.readyState === socket.OPEN)
          socket.send(JSON.stringify({ id: message.id, result }));
      });
    });
    socket.on('close', () => {
      sockets.delete(socket);
      unsubscribe();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/`,
    wsUrl: `ws://${host}:${port}${WS_CONTRACT_PATH}`,
    connectionCount: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
