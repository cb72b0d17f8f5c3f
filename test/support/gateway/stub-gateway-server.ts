/**
 * A tiny real HTTP(S) server for the client's tests: records every request exactly as it
 * arrived (method, raw path, raw header lines, body) and answers with whatever the test's
 * handler decides — a JSON envelope, an HTTP error, silence, or a dropped connection.
 * Test-only; nothing in the app imports it.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { pause } from '../wait-for';

export interface RecordedRequest {
  method: string;
  /** Raw request target: path and query exactly as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  /** Header lines as received, in order: [name, value, name, value, …]. */
  rawHeaders: string[];
  headers: IncomingMessage['headers'];
  body: string;
}

/** An HTTP answer: status (default 200), extra headers, a JSON value or raw text, a delay. */
export interface StubAnswer {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: unknown;
  delayMs?: number;
}

export type StubReply =
  | StubAnswer
  | 'hang'
  | 'drop'
  /** Headers and half a body, then silence. */
  | 'stall-body'
  /** A huge (or, with null, endless) answer, written as the client reads it. */
  | { flood: { totalBytes: number | null; declareLength: boolean } };

export type StubHandler = (request: RecordedRequest) => StubReply | Promise<StubReply>;

export interface StubGateway {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  /** The origin plus `/agentgateway/resource/`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replaces the answer logic. */
  setHandler(handler: StubHandler): void;
  /** How many requests are open right now (being handled or held). */
  readonly openRequests: number;
  /** Highest number of requests open at the same time. */
  readonly peakOpenRequests: number;
  close(): Promise<void>;
}

export interface StubOptions {
  tls?: { certPem: string; keyPem: string };
  handler?: StubHandler;
}

const SUCCESS: StubReply = { body: { message: '', retcode: '0', result: {} } };

/** Writes `totalBytes` of JSON-looking filler (forever when null), waiting for the reader. */
function flood(
  response: ServerResponse,
  { totalBytes, declareLength }: { totalBytes: number | null; declareLength: boolean },
): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  response.writeHead(200, {
    'Content-Type': 'application/json;charset=UTF-8',
    ...(declareLength && totalBytes !== null ? { 'Content-Length': String(totalBytes) } : {}),
  });
  let left = totalBytes ?? Number.POSITIVE_INFINITY;
  const pump = (): void => {
    while (left > 0 && !response.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

/** Starts a stub gateway on 127.0.0.1 with a free port. */
export async function startStubGateway(options: StubOptions = {}): Promise<StubGateway> {
  let handler: StubHandler = options.handler ?? (() => SUCCESS);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let open = 0;
  let peak = 0;

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const parsed = new URL(url, 'http://stub');
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        rawHeaders: request.rawHeaders,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      open++;
      peak = Math.max(peak, open);
      let finished = false;
      const finish = (): void => {
        if (!finished) open--;
        finished = true;
      };
      response.on('close', finish);
      void Promise.resolve(handler(recorded)).then(async (reply) => {
        if (reply === 'hang') return;
        if (reply === 'drop') {
          request.socket.destroy();
          return;
        }
        if (reply === 'stall-body') {
          response.writeHead(200, {
            'Content-Type': 'application/json;charset=UTF-8',
            'Content-Length': '100',
          });
          response.write('{"retcode":"0","res');
          return;
        }
        if ('flood' in reply) return flood(response, reply.flood);
        if (reply.delayMs) await pause(reply.delayMs);
        if (response.destroyed) return;
        const body =
          typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? SUCCESS_BODY);
        response.writeHead(reply.status ?? 200, {
          'Content-Type': 'application/json;charset=UTF-8',
          ...reply.headers,
        });
        response.end(body);
      });
    });
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, listener)
    : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}/agentgateway/resource/`,
    requests,
    setHandler(next) {
      handler = next;
    },
    get openRequests() {
      return open;
    },
    get peakOpenRequests() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const SUCCESS_BODY = { message: '', retcode: '0', result: {} };

/** A successful envelope with this result. */
export function okReply(
  result: unknown = {},
  headers?: Record<string, string | string[]>,
): StubAnswer {
  return { body: { message: '', retcode: '0', result }, headers };
}

/** A failed envelope with this retcode (HTTP 200, as the gateway does). */
export function retcodeReply(retcode: string, message = 'failed'): StubAnswer {
  return { body: { message, retcode, result: {} } };
}
