/**
 * One request/answer exchange over an undici dispatcher, with the request's time limit and no
 * per-request AbortSignal: a dispatch handler collects the answer, and one timer covers the
 * whole exchange (queue, connect, head and body) and aborts it through the dispatch controller
 * undici hands the handler. A caller's signal (a poll being stopped) is listened to only when
 * there is one. The answer is read as text, which is all the client needs.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { GatewayResponseLike } from '../gateway-types';
import { AnswerTooLargeError, refuseAnswerHead } from './answer-limits';

/** What to send: method, path, headers and body for one origin. */
export interface ExchangeRequest {
  origin: string;
  path: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  /** The answer's size cap in bytes. */
  maxAnswerBytes: number;
}

/** Response headers as undici parsed them (lowercase names; repeated ones as lists). */
class ResponseHeaders {
  constructor(private readonly parsed: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.parsed[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  getSetCookie(): string[] {
    const value = this.parsed['set-cookie'];
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }
}

/** The limit fired: named like `AbortSignal.timeout`'s error, so it is classified as a timeout. */
function timeLimitError(timeoutMs: number): Error {
  return Object.assign(new Error(`No complete answer within ${timeoutMs} ms.`), {
    name: 'TimeoutError',
  });
}

function callerAbortError(): Error {
  return Object.assign(new Error('The request was aborted.'), { name: 'AbortError' });
}

type Phase = 'head' | 'body' | 'done';

/** Receives undici's callbacks for one request and settles the head and the body promises. */
class Exchange implements Dispatcher.DispatchHandler {
  private phase: Phase = 'head';
  private controller: Dispatcher.DispatchController | null = null;
  /** Why we stopped the exchange ourselves (time limit, caller), if we did. */
  private stopReason: Error | null = null;
  private timer: NodeJS.Timeout | undefined;
  private chunks: Buffer[] = [];
  private received = 0;
  private bodyText: string | null = null;
  private bodyError: Error | null = null;
  private bodyWaiter: { resolve(text: string): void; reject(error: Error): void } | null = null;
  private bodyPromise: Promise<string> | null = null;
  private readonly onCallerAbort = (): void => this.stop(callerAbortError());

  constructor(
    private readonly resolveHead: (response: GatewayResponseLike) => void,
    private readonly rejectHead: (error: Error) => void,
    private readonly signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    private readonly maxAnswerBytes: number,
  ) {
    if (timeoutMs !== undefined)
      this.timer = setTimeout(() => this.stop(timeLimitError(timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Stopped while queued or connecting: abort as soon as undici lets us.
    if (this.stopReason !== null) controller.abort(this.stopReason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200 || this.phase !== 'head') return;
    const head = new ResponseHeaders(headers);
    const refused = refuseAnswerHead(statusCode, (name) => head.get(name), this.maxAnswerBytes);
    if (refused !== null) return this.stop(refused);
    this.phase = 'body';
    this.resolveHead({ status: statusCode, headers: head, text: () => this.text() });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.phase !== 'body') return;
    this.received += chunk.length;
    if (this.received > this.maxAnswerBytes)
      return this.stop(new AnswerTooLargeError(this.maxAnswerBytes));
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.phase !== 'body') return;
    const chunks = this.chunks;
    this.bodyText =
      chunks.length === 1
        ? (chunks[0] as Buffer).toString('utf8')
        : Buffer.concat(chunks).toString('utf8');
    this.finish();
    this.bodyWaiter?.resolve(this.bodyText);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.fail(this.stopReason ?? error);
  }

  /** End the exchange early (time limit, caller's abort). */
  private stop(reason: Error): void {
    if (this.phase === 'done') return;
    this.stopReason = reason;
    this.controller?.abort(reason);
    // Settle now: undici reports the abort later (or, while still queued, not until it starts).
    this.fail(reason);
  }

  private fail(error: Error): void {
    if (this.phase === 'done') return;
    const duringHead = this.phase === 'head';
    this.finish();
    this.chunks = [];
    if (duringHead) return this.rejectHead(error);
    this.bodyError = error;
    this.bodyWaiter?.reject(error);
  }

  private finish(): void {
    this.phase = 'done';
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onCallerAbort);
  }

  private text(): Promise<string> {
    this.bodyPromise ??=
      this.bodyText !== null
        ? Promise.resolve(this.bodyText)
        : this.bodyError !== null
          ? Promise.reject(this.bodyError)
          : new Promise<string>((resolve, reject) => (this.bodyWaiter = { resolve, reject }));
    return this.bodyPromise;
  }
}

/**
 * Send `request` through `dispatcher`; resolves with the answer's head, whose `text()` gives
 * the body. `timeoutMs` limits the whole exchange; `signal` aborts it.
 */
export function exchangeOverDispatcher(
  dispatcher: Dispatcher,
  request: ExchangeRequest,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<GatewayResponseLike> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(callerAbortError());
    const exchange = new Exchange(resolve, reject, signal, timeoutMs, request.maxAnswerBytes);
    dispatcher.dispatch(
      {
        origin: request.origin,
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        // Our timer is the limit; undici's own (coarse, 300 s by default) would only cut it short.
        ...(timeoutMs === undefined ? {} : { headersTimeout: 0, bodyTimeout: 0 }),
      },
      exchange,
    );
  });
}
