import { beforeEach, describe, expect, it } from 'vitest';
import {
  contextBridge,
  ipcMain,
  ipcRenderer,
  resetElectronFake,
} from '../../test/support/fakes/electron';
import { commandChannel, eventChannel, type InspectorApi } from '../shared/ipc/contract';
import { createInspectorApi } from './inspector-api';

describe('preload API', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('the preload exposes exactly window.inspector with invoke and on', async () => {
    // Importing the preload runs it once against the fake (modules are cached per test file).
    await import('./index');
    expect([...contextBridge.exposed.keys()]).toEqual(['inspector']);
    const api = contextBridge.exposed.get('inspector') as InspectorApi;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("invoke sends the command on its channel and resolves with main's Result", async () => {
    ipcMain.handle(commandChannel('agents.select'), (_event: unknown, args: unknown) => ({
      ok: true,
      value: args,
    }));
    const api = createInspectorApi(ipcRenderer);
    await expect(api.invoke('agents.select', { workNo: '1001' })).resolves.toEqual({
      ok: true,
      value: { workNo: '1001' },
    });
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'inspector:cmd:agents.select', args: [{ workNo: '1001' }] },
    ]);
  });

  it('refuses names outside the contract without sending anything', async () => {
    const api = createInspectorApi(ipcRenderer);
    for (const name of ['fs.readFile', '__ELECTRON_LOG__', 'constructor', '']) {
      const result = await api.invoke(name as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    }
    expect(ipcRenderer.invocations).toEqual([]);
    expect(() => api.on('secret.event' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('notice', 'not a function' as never)).toThrow(TypeError);
  });

  it('never rejects: a delivery failure becomes an internal error', async () => {
    const api = createInspectorApi(ipcRenderer);
    // No handler registered in main: Electron rejects the invoke.
    await expect(api.invoke('app.getSnapshot', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('listeners get the payload only, and unsubscribe stops them', () => {
    const api = createInspectorApi(ipcRenderer);
    const received: unknown[][] = [];
    const unsubscribe = api.on('selection.changed', (...args: unknown[]) => received.push(args));
    ipcRenderer.deliver(eventChannel('selection.changed'), { workNo: '1001' });
    ipcRenderer.deliver(eventChannel('notice'), { level: 'info' });
    expect(received).toEqual([[{ workNo: '1001' }]]);
    unsubscribe();
    unsubscribe();
    ipcRenderer.deliver(eventChannel('selection.changed'), { workNo: '1002' });
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(eventChannel('selection.changed'))).toBe(0);
  });
});
