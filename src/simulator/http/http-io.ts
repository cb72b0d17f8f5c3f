/**
 * Small HTTP helpers of the simulator: reading a bounded body, writing JSON or HTML, the
 * gateway envelope, and a sleep that the server's close can cut short.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  RETCODES,
  RETCODE_SUCCESS,
  type RetcodeInfo,
} from '../../shared/gateway-protocol/gateway-retcodes';
import type { GatewayState } from '../gateway-model/gateway-state';
import type { RouteReply } from './route-types';

const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid' }
  | { kind: 'too-large' };

/** Read the request body (at most 64 KiB) and parse it as JSON when present. */
export function readJsonBody(request: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('error', () => resolve({ kind: 'invalid' }));
    request.on('end', () => {
      if (tooLarge) return resolve({ kind: 'too-large' });
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({ kind: 'empty' });
      try {
        resolve({ kind: 'json', value: JSON.parse(text) as unknown });
      } catch {
        resolve({ kind: 'invalid' });
      }
    });
  });
}

function isWritable(response: ServerResponse): boolean {
  return !response.writableEnded && !response.destroyed;
}

/** Write a JSON response (ignored when the socket is already gone). */
export function writeJson(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (!isWritable(response)) return;
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Write a raw body with a content type (malformed answers, HTML error pages). */
export function writeRaw(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  if (!isWritable(response)) return;
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Plain 404 for paths that are no gateway interface. */
export function writeNotFound(response: ServerResponse): void {
  writeRaw(
    response,
    404,
    'text/html;charset=UTF-8',
    '<html><body><h1>404 Not Found</h1></body></html>',
  );
}

/** HTML error page as a proxy or a struggling gateway would send it. */
export function writeHttpError(response: ServerResponse, status: 502 | 503): void {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Unavailable';
  writeRaw(
    response,
    status,
    'text/html;charset=UTF-8',
    `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  );
}

/** The gateway envelope: poll replies carry `event`, others `result`; errors carry a message. */
export function buildEnvelope(reply: RouteReply, isPoll: boolean): Record<string, unknown> {
  if (reply.retcode !== RETCODE_SUCCESS) {
    const info = (RETCODES as Record<string, RetcodeInfo>)[reply.retcode];
    return { message: reply.message ?? info?.en ?? 'error', retcode: reply.retcode };
  }
  if (isPoll)
    return reply.event
      ? { message: '', retcode: RETCODE_SUCCESS, event: reply.event }
      : { message: '', retcode: RETCODE_SUCCESS };
  // `result: null` is an answer of its own (sendnoteletex, cec_07_1205); only a missing one is {}.
  const result = reply.result === undefined ? {} : reply.result;
  return { message: reply.message ?? '', retcode: RETCODE_SUCCESS, result };
}

/** Wait `ms`, or less if the server closes meanwhile. */
export function sleepUnlessClosed(state: GatewayState, ms: number): Promise<void> {
  if (ms <= 0 || state.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      state.closeHooks.delete(finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    state.closeHooks.add(finish);
  });
}
