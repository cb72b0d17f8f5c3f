/**
 * Fake ipcMain, ipcRenderer and contextBridge. As in Electron, one handler per channel
 * (a second `handle` throws), arguments and results are structured-cloned, and a handler
 * that throws rejects the renderer's invoke.
 */
import { EventEmitter } from 'node:events';

/** Handlers declare their own event type (Electron's IpcMainInvokeEvent); the fake passes what a test gives. */
type InvokeHandler = (event: never, ...args: never[]) => unknown;
type CallableHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, ((event: unknown, ...args: unknown[]) => {
      this.removeHandler(channel);
      return (handler as CallableHandler)(event, ...args);
    }) as InvokeHandler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what a renderer's invoke on `channel` gets, as Electron delivers it. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    const result = await (handler as CallableHandler)(
      event,
      ...args.map((arg) => structuredClone(arg)),
    );
    return structuredClone(result);
  }
}
export const ipcMain = new FakeIpcMain();

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export class FakeIpcRenderer extends EventEmitter {
  /** The event the main side sees for invokes from this renderer (set by tests). */
  senderEvent: unknown = { sender: null, senderFrame: null };
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return ipcMain.invoke(channel, this.senderEvent, ...args);
  }
  override on(channel: string, listener: RendererListener): this {
    return super.on(channel, listener);
  }
  /** Test helper: main sends `payload` on `channel` to this renderer. */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, ports: [] }, ...args.map((arg) => structuredClone(arg)));
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key))
      throw new Error(
        `Cannot bind an API on top of an existing property on the window object: ${key}`,
      );
    contextBridge.exposed.set(key, api);
  },
};

/** Test helper: forget handlers, listeners and exposed APIs. */
export function resetIpc(): void {
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.splice(0);
  ipcRenderer.senderEvent = { sender: null, senderFrame: null };
  contextBridge.exposed.clear();
}
