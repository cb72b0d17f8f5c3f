/**
 * The Electron IPC binding of the contract: one `handle()` per command that checks the sender,
 * validates the payload with the command's zod schema, runs the core and answers with a Result
 * (never a rejection across the bridge); and every core event forwarded to our window only.
 * Main, not the renderer, says where an action came from: a payload that names its own
 * `source` is refused, and every window call is journaled as `window`.
 */
import {
  COMMAND_NAMES,
  commandChannel,
  eventChannel,
  type CommandName,
  type Result,
} from '../../../shared/ipc/contract';
import { failure, validateContractCall } from '../../../shared/ipc/contract-validation';
import type { Logger } from '../../supervisor/ports';
import type { SupervisorCore } from '../../supervisor/supervisor-api';

export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcBindingOptions<Event> {
  ipcMain: IpcMainLike<Event>;
  core: Pick<SupervisorCore, 'execute' | 'subscribe'>;
  /**
   * Whether the event comes from one of our windows' top frame showing our page, and that
   * window may send this command (the wallboard may only read).
   */
  isTrustedSender: (event: Event, command: CommandName) => boolean;
  /** Where events go: our window's webContents, or null while there is none. */
  getEventTarget: () => EventTargetLike | null;
  /** Every window that hears events (main and wallboard); replaces getEventTarget when given. */
  getEventTargets?: () => ReadonlyArray<EventTargetLike | null>;
  logger?: Logger;
}

export interface IpcBinding {
  dispose(): void;
}

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'ok' in value &&
  (value.ok === true ? 'value' in value : 'error' in value);

/** Run one command from the renderer: sender check, validation, core; always a Result. */
export async function runIpcCommand<Event>(
  name: CommandName,
  event: Event,
  payload: unknown,
  options: Pick<IpcBindingOptions<Event>, 'core' | 'isTrustedSender' | 'logger'>,
): Promise<Result<unknown>> {
  const { core, logger } = options;
  try {
    if (!options.isTrustedSender(event, name)) {
      logger?.warn('ipc call refused: untrusted sender', { command: name });
      return failure(
        'forbidden-sender',
        'This request did not come from the CC Inspector window.',
        '该请求并非来自 CC Inspector 窗口。',
      );
    }
    // With no `source` in the payload, the schemas' default names the window.
    const valid = validateContractCall(name, payload, 'window');
    if (!valid.ok) return valid;
    const result: unknown = await core.execute(name, valid.value);
    if (isResult(result)) return result;
    logger?.error('core returned a malformed result', { command: name });
  } catch (error) {
    logger?.error('ipc command failed', {
      command: name,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return failure(
    'internal',
    'Something went wrong inside CC Inspector; the log has the details.',
    'CC Inspector 内部出错，详情请查看日志。',
  );
}

/** Bind every contract command and forward every core event; dispose undoes both. */
export function bindIpc<Event>(options: IpcBindingOptions<Event>): IpcBinding {
  const { ipcMain, core, logger } = options;
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(name), (event: Event, payload: unknown) =>
      runIpcCommand(name, event, payload, options),
    );
  }
  const targets = options.getEventTargets ?? (() => [options.getEventTarget()]);
  const unsubscribe = core.subscribe((name, payload) => {
    for (const target of targets()) {
      if (!target || target.isDestroyed()) continue;
      try {
        target.send(eventChannel(name), payload);
      } catch (error) {
        logger?.error('event could not be sent to the window', {
          event: name,
          error: String(error),
        });
      }
    }
  });
  return {
    dispose() {
      unsubscribe();
      for (const name of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(name));
    },
  };
}
