/**
 * IPC fuzz: thousands of hostile payloads per contract command through the real Electron IPC
 * binding (src/main/desktop/ipc-binding.ts, on the fake electron whose invoke structured-clones
 * like Electron). Every one must come back as a typed `invalid-argument` Result — never a
 * throw or rejection, never a call into the core — and leave Object.prototype untouched.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrowserWindow, ipcMain, resetElectronFake, protocol } from '../support/fakes/electron';
import {
  COMMAND_NAMES,
  commandChannel,
  type CommandName,
  type Result,
} from '../../src/shared/ipc/contract';
import { bindIpc, type IpcBinding } from '../../src/main/desktop/ipc/ipc-binding';
import { isTrustedSender, type IpcEventLike } from '../../src/main/desktop/ipc/sender-check';
import type { RendererLocation } from '../../src/main/desktop/window/renderer-location';
import type { SupervisorCore } from '../../src/main/supervisor/supervisor-api';
import { COMMAND_RULES, hostilePayloads } from './hostile-payloads';

const APP_URL = 'app://cc-inspector/index.html';
const LOCATION: RendererLocation = { kind: 'app', url: APP_URL, root: '/app/out/renderer' };
const RUNS_PER_COMMAND = Number(process.env.IPC_FUZZ_RUNS ?? 1_500);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('IPC fuzz: hostile payloads through the real binding', () => {
  let window: FakeBrowserWindow;
  let binding: IpcBinding;
  const coreCalls: Array<{ name: string; args: unknown }> = [];

  beforeEach(async () => {
    resetElectronFake();
    coreCalls.length = 0;
    window = new FakeBrowserWindow({});
    // The page's scheme is served by main (app-protocol.ts).
    protocol.handle('app', () => new Response('<!doctype html>'));
    await window.webContents.loadURL(APP_URL);
    const core: Pick<SupervisorCore, 'execute' | 'subscribe'> = {
      execute: (async (name: string, args: unknown) => {
        coreCalls.push({ name, args });
        return { ok: true, value: null };
      }) as SupervisorCore['execute'],
      subscribe: () => () => undefined,
    };
    binding = bindIpc({
      ipcMain,
      core,
      isTrustedSender: (event: IpcEventLike) =>
        isTrustedSender(event, window.webContents, LOCATION),
      getEventTarget: () => window.webContents,
    });
  });

  afterEach(() => binding.dispose());

  const invoke = (
    name: CommandName,
    payload: unknown,
    event: unknown = { sender: window.webContents, senderFrame: window.webContents.mainFrame },
  ) => ipcMain.invoke(commandChannel(name), event, payload) as Promise<Result<unknown>>;

  it('accepts the valid payload each generator starts from (the fuzz would prove nothing otherwise)', async () => {
    for (const name of COMMAND_NAMES) {
      const result = await invoke(name, COMMAND_RULES[name].valid);
      expect(result, name).toEqual({ ok: true, value: null });
    }
    expect(coreCalls.map((call) => call.name)).toEqual([...COMMAND_NAMES]);
  });

  it.each(COMMAND_NAMES.map((name) => [name]))(
    'rejects hostile %s payloads as invalid-argument without calling the core',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(hostilePayloads(name), async (payload) => {
          let result: Result<unknown>;
          try {
            result = await invoke(name, payload);
          } catch (error) {
            throw new Error(`the binding threw: ${String(error)}`);
          }
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('invalid-argument');
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.messageZh.length).toBeGreaterThan(0);
            // The message names the field, never echoes a megabyte of payload back.
            expect(result.error.message.length).toBeLessThan(500);
          }
          expect(coreCalls).toEqual([]);
          expectPrototypesClean();
        }),
        { numRuns: RUNS_PER_COMMAND },
      );
    },
  );

  it('refuses hostile payloads from an untrusted frame as forbidden-sender before looking at them', async () => {
    const iframe = window.webContents.mainFrame.addChildFrame('https://evil.example/');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMAND_NAMES),
        fc.anything({ maxDepth: 3 }),
        async (name, payload) => {
          const result = await invoke(name, payload, {
            sender: window.webContents,
            senderFrame: iframe,
          });
          expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
          expect(coreCalls).toEqual([]);
          expectPrototypesClean();
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
