/**
 * Chromium driven over a bare DevTools pipe, with only the domains a measurement needs (Page,
 * Runtime), and without the browser's own UI pages: the page then runs as in an Electron window
 * with no DevTools attached.
 *
 * Why not Playwright for a timed page: Playwright enables the Network domain on every page and
 * listens to `Network.webSocketFrameReceived` with its payload. Chromium then copies every
 * WebSocket frame into a protocol message on the page's main thread, at the end of the task
 * that received it — for the 2.2 MB snapshot of 10,000 agents ~130 ms of CPU (~185 ms wall)
 * between the snapshot reaching the page and the frame that paints it, plus the browser and
 * Node decoding it on the same two cores. The app's IPC has no such observer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { EXPECTED_CONSOLE } from '../../test/browser/harness/browser';
import { CHROMIUM_PATH, missingChromiumHelp } from '../../test/browser/harness/chromium-path';
import { BROWSER_UI_FEATURES, browserUiUrlsOf } from './without-browser-ui';

/** Switches as Playwright launches Chromium (headless, no background work, no paint holding). */
const SWITCHES = [
  '--headless',
  '--remote-debugging-pipe',
  // As Playwright does by default (its chromiumSandbox: false); Chromium refuses root without it.
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  // Without the browser's own UI pages (bench/lib/without-browser-ui.ts).
  `--disable-features=PaintHolding,MediaRouter,OptimizationHints,${BROWSER_UI_FEATURES.join(',')}`,
  '--disable-ipc-flooding-protection',
  '--force-color-profile=srgb',
  '--password-store=basic',
  '--use-mock-keychain',
  '--hide-scrollbars',
  '--mute-audio',
  '--enable-unsafe-swiftshader',
];

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  method: string;
}

type EventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/** One DevTools connection over Chromium's pipe (fd 3 ours → Chromium, fd 4 back). */
class PipeConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, EventListener[]>();
  private buffered = '';

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.setEncoding('utf8');
    // A closing browser resets the pipe; the exit handler fails what is still pending.
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, method });
      this.toBrowser.write(`${message}\0`);
    });
  }

  on(method: string, listener: EventListener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      const message = JSON.parse(text) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      if (message.id !== undefined) {
        const entry = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!entry) continue;
        if (message.error) entry.reject(new Error(`${entry.method}: ${message.error.message}`));
        else entry.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? [])
          listener(message.params ?? {}, message.sessionId);
      }
    }
  }
}

export interface BarePage {
  /** Evaluates `expression` in the page and returns its value (JSON-serialisable; a promise is awaited). */
  evaluate<T>(expression: string): Promise<T>;
  /** A raw protocol command on this page's session. */
  send<T>(method: string, params?: object): Promise<T>;
  /** Uncaught exceptions and console errors the page reported so far. */
  problems(): string[];
  close(): Promise<void>;
}

export interface BareBrowser {
  /** A fresh browser context and page, `initScripts` installed, navigated to `url`. */
  openPage(url: string, initScripts: string[]): Promise<BarePage>;
  /**
   * Addresses of the browser's own UI pages (DevTools target type `browser_ui`) now running:
   * none should be, else they share the CPU with the measured page (see SWITCHES).
   */
  browserUiPages(): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchBareChromium(
  viewport = { width: 1366, height: 768 },
): Promise<BareBrowser> {
  const missing = missingChromiumHelp();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'cc-bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...SWITCHES,
      `--user-data-dir=${profile}`,
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const connection = new PipeConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  child.once('exit', (code) =>
    connection.failAll(new Error(`Chromium exited (code ${code ?? 'signal'})`)),
  );
  const problemsBySession = new Map<string, string[]>();
  connection.on('Runtime.exceptionThrown', (params, sessionId) => {
    const details = params.exceptionDetails as {
      text?: string;
      exception?: { description?: string };
    };
    problemsBySession
      .get(sessionId ?? '')
      ?.push(`pageerror: ${details.exception?.description ?? details.text ?? 'exception'}`);
  });
  connection.on('Runtime.consoleAPICalled', (params, sessionId) => {
    if (params.type !== 'error') return;
    const text = (params.args as Array<{ value?: unknown; description?: string }>)
      .map((arg) => String(arg.value ?? arg.description ?? ''))
      .join(' ');
    if (EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) return;
    problemsBySession.get(sessionId ?? '')?.push(`console: ${text}`);
  });
  // The browser answers once it is ready for commands.
  await connection.send('Browser.getVersion');

  return {
    async openPage(url, initScripts) {
      const { browserContextId } = await connection.send<{ browserContextId: string }>(
        'Target.createBrowserContext',
      );
      const { targetId } = await connection.send<{ targetId: string }>('Target.createTarget', {
        url: 'about:blank',
        browserContextId,
      });
      const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      const problems: string[] = [];
      problemsBySession.set(sessionId, problems);
      const send = <T>(method: string, params: object = {}): Promise<T> =>
        connection.send<T>(method, params, sessionId);
      await send('Page.enable');
      await send('Runtime.enable');
      await send('Emulation.setDeviceMetricsOverride', {
        width: viewport.width,
        height: viewport.height,
        deviceScaleFactor: 1,
        mobile: false,
      });
      for (const source of initScripts)
        await send('Page.addScriptToEvaluateOnNewDocument', { source });
      await send('Page.navigate', { url });
      return {
        async evaluate<T>(expression: string): Promise<T> {
          const answer = await send<{
            result: { value?: unknown };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          }>('Runtime.evaluate', {
            expression,
            returnByValue: true,
            awaitPromise: true,
          });
          if (answer.exceptionDetails)
            throw new Error(
              answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text,
            );
          return answer.result.value as T;
        },
        send,
        problems: () => [...problems],
        async close() {
          problemsBySession.delete(sessionId);
          await connection.send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    async browserUiPages() {
      const { targetInfos } = await connection.send<{
        targetInfos: Array<{ type: string; url: string }>;
      }>('Target.getTargets', { filter: [{}] });
      return browserUiUrlsOf(targetInfos);
    },
    async close() {
      // A browser that already died has nothing left to wait for.
      const exited =
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise<void>((done) => child.once('exit', () => done()));
      await connection.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
