/**
 * The Electron IPC binding of the contract: one `handle()` per command that checks the sender,
 * validates the payload with the command's zod schema, runs the core and answers with a Result
 * (never a rejection across the bridge); and every core event forwarded to our window only.
 * Main, not the renderer, says where an action came from: a payload that names its own
 * `source` is refused, and every window call is journaled as `window`.
 */
import type { z } from 'zod';
import {
  COMMAND_NAMES,
  commandChannel,
  eventChannel,
  type CommandError,
  type CommandName,
  type Result,
  type ValidCommandArgs,
} from '../../../shared/ipc/contract';
import { commandArgSchemas } from '../../../shared/ipc/contract-schemas';
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

const failure = (
  code: CommandError['code'],
  message: string,
  messageZh: string,
  field: string | null = null,
): Result<never> => ({
  ok: false,
  error: { code, message, messageZh, retcode: null, field },
});

/** The first validation problem as a typed invalid-argument error naming the field. */
function describeValidationFailure(error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  if (!issue) return failure('invalid-argument', 'The request was not valid.', '请求无效。');
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path.map(String), ...unknownKeys.slice(0, 1)];
  const field = path.length > 0 ? path.join('.') : null;
  const where = field ?? 'request';
  const detail = issue.code === 'unrecognized_keys' ? 'is not an accepted field' : issue.message;
  return failure(
    'invalid-argument',
    `Invalid ${where}: ${detail}.`,
    `参数 ${where} 无效：${detail}。`,
    field,
  );
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
    if (typeof payload === 'object' && payload !== null && 'source' in payload)
      return failure(
        'invalid-argument',
        'Invalid source: where an action came from is recorded by CC Inspector itself.',
        '参数 source 无效：操作来源由 CC Inspector 自行记录。',
        'source',
      );
    // With no `source` in the payload, the schemas' default names the window.
    const parsed = commandArgSchemas[name].safeParse(payload ?? {});
    if (!parsed.success) return describeValidationFailure(parsed.error);
    const result: unknown = await core.execute(name, parsed.data as ValidCommandArgs<typeof name>);
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
