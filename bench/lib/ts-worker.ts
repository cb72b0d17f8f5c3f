/**
 * Starts a worker thread from a TypeScript file. Workers do not inherit tsx's loader on
 * Node 20, so the worker boots through tsx's API and imports the file with it.
 */
import { Worker } from 'node:worker_threads';

/** Start `fileUrl` (a .ts module) in a worker thread with `workerData`. */
export function startTsWorker(fileUrl: URL, workerData: unknown = null): Worker {
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(fileUrl.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** Resolve with the worker's first message that passes `accept`; reject on error or exit. */
export function nextMessage<T>(
  worker: Worker,
  accept: (message: unknown) => message is T,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: unknown): void => {
      if (!accept(message)) return;
      cleanup();
      resolve(message);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`worker exited with code ${code}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`worker did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
