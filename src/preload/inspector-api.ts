/**
 * Builds `window.inspector` from the contract's name lists: `invoke` for commands and `on` for
 * events, nothing else. Unknown names are refused here, before anything reaches main; listeners
 * receive the payload only, never Electron's event object or ipcRenderer.
 */
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  commandChannel,
  eventChannel,
  type CommandError,
  type CommandName,
  type EventName,
  type InspectorApi,
  type Result,
} from '../shared/ipc/contract';

/** The ipcRenderer methods the API needs (injected, so it can be tested without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const commandNames: ReadonlySet<string> = new Set(COMMAND_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const refusal = (
  code: CommandError['code'],
  message: string,
  messageZh: string,
): Result<never> => ({
  ok: false,
  error: { code, message, messageZh, retcode: null, field: null },
});

/** The object exposed as `window.inspector`. */
export function createInspectorApi(ipc: IpcRendererLike): InspectorApi {
  const api = {
    async invoke(name: CommandName, args: unknown) {
      if (typeof name !== 'string' || !commandNames.has(name)) {
        return refusal(
          'unknown-command',
          `There is no command named ${String(name)}.`,
          `不存在名为 ${String(name)} 的命令。`,
        );
      }
      try {
        return (await ipc.invoke(commandChannel(name), args)) as Result<never>;
      } catch {
        // Main never rejects; this is a broken bridge (e.g. arguments that cannot be cloned).
        return refusal(
          'internal',
          'The request could not be delivered to CC Inspector.',
          '请求无法送达 CC Inspector。',
        );
      }
    },
    on(name: EventName, listener: (payload: never) => void) {
      if (typeof name !== 'string' || !eventNames.has(name))
        throw new TypeError(`There is no event named ${String(name)}.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const channel = eventChannel(name);
      const forward = (_event: unknown, payload: unknown) => listener(payload as never);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
  } satisfies InspectorApi;
  return Object.freeze(api);
}
