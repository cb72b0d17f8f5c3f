/**
 * The client side of the control endpoint, for the command line: finds the running app's (or
 * `session --serve`'s) endpoint through the info file, connects, and sends contract commands
 * with the token. No info file, or nobody answering, means there is no live session.
 */
import { connect, type Socket } from 'node:net';
import type { CommandArgs, CommandName, CommandResults, Result } from '../../shared/ipc/contract';
import { loadControlInfo } from './control-folder';
import type { ControlLocation } from './control-location';
import { createLineSplitter, type ControlAnswer, type ControlInfo } from './control-wire';

/** The endpoint refused this client's token: the info file belongs to another run. */
export class ControlRefusedError extends Error {
  override readonly name = 'ControlRefusedError';
}

/** The endpoint went away or did not answer in time. */
export class ControlLostError extends Error {
  override readonly name = 'ControlLostError';
}

export interface ControlConnection {
  info: ControlInfo;
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Result<CommandResults[N]>>;
  close(): void;
}

export interface ConnectOptions {
  /** How long to wait for the connection (default 1 s). */
  connectTimeoutMs?: number;
  /** How long one command may take (default 60 s: a gateway answer plus a retry). */
  callTimeoutMs?: number;
  /** Use this token instead of the info file's (tests of refusal). */
  token?: string;
}

/** Connects to the live endpoint; null when there is none. */
export async function connectToControl(
  location: ControlLocation,
  options: ConnectOptions = {},
): Promise<ControlConnection | null> {
  const info = await loadControlInfo(location);
  if (!info) return null;
  const socket = await openSocket(info.endpoint, options.connectTimeoutMs ?? 1_000);
  if (!socket) return null;
  return createConnection(socket, info, options);
}

function openSocket(endpoint: string, timeoutMs: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ path: endpoint });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

function createConnection(
  socket: Socket,
  info: ControlInfo,
  options: ConnectOptions,
): ControlConnection {
  const token = options.token ?? info.token;
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  const waiting = new Map<number, (answer: ControlAnswer | Error) => void>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const settle of waiting.values()) settle(error);
    waiting.clear();
  };
  socket.on(
    'data',
    createLineSplitter(
      (line) => {
        let answer: ControlAnswer;
        try {
          answer = JSON.parse(line) as ControlAnswer;
        } catch {
          return;
        }
        const settle = answer.id === null ? undefined : waiting.get(answer.id);
        if (settle) {
          waiting.delete(answer.id as number);
          settle(answer);
        } else if (
          answer.result &&
          !answer.result.ok &&
          answer.result.error.code === 'forbidden-sender'
        )
          failAll(new ControlRefusedError(answer.result.error.message));
      },
      () => socket.destroy(),
    ),
  );
  socket.on('error', () => undefined);
  socket.on('close', () =>
    failAll(new ControlLostError('The control endpoint closed the connection.')),
  );
  return {
    info,
    call(name, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new ControlLostError(`The live session did not answer ${name} in time.`));
        }, callTimeoutMs);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          if (answer instanceof Error) return reject(answer);
          const result = answer.result;
          if (!result.ok && result.error.code === 'forbidden-sender')
            return reject(new ControlRefusedError(result.error.message));
          resolve(result as Result<CommandResults[typeof name]>);
        });
        socket.write(`${JSON.stringify({ id, token, command: name, args })}\n`);
      });
    },
    close() {
      socket.end();
      socket.destroy();
    },
  };
}
