/**
 * The app's log: electron-log writing `main.log` in the logs folder, rotated at ~5 MB with one
 * archive (`main.old.log`), every message passed through the redaction hook first.
 */
import log from 'electron-log/main';
import { join } from 'node:path';
import type { Logger } from '../supervisor/ports';
import { redactValue } from '../supervisor/redaction';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
const LOG_FILE_NAME = 'main.log';

export interface FileLoggerOptions {
  /** Folder of the log file (app.getPath('logs') in the app). */
  directory: string;
  /** Lowest level written to the file. Default `info`. */
  fileLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Lowest level echoed on the console; false for none. Default `warn`. */
  consoleLevel?: 'debug' | 'info' | 'warn' | 'error' | false;
  /** Size at which the file is archived (as main.old.log, replacing the previous archive). */
  maxBytes?: number;
}

export interface FileLogger extends Logger {
  readonly filePath: string;
}

let instances = 0;

/** Create the file logger (a separate electron-log instance, so tests can make several). */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  instances += 1;
  const logger = log.create({ logId: `cc-inspector-${instances}` });
  const filePath = join(options.directory, LOG_FILE_NAME);
  const file = logger.transports.file;
  file.resolvePathFn = () => filePath;
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.level = options.fileLevel ?? 'info';
  logger.transports.console.level = options.consoleLevel ?? 'warn';
  // Not shipping logs anywhere, not mirroring renderer consoles: only this process writes here.
  for (const name of ['ipc', 'remote'] as const) {
    const transport = logger.transports[name];
    if (transport) transport.level = false;
  }
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((item: unknown) => redactValue(item)),
  }));

  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields === undefined) logger[level](message);
      else logger[level](message, fields);
    };
  const order = ['debug', 'info', 'warn', 'error'] as const;
  const fileFrom = order.indexOf(options.fileLevel ?? 'info');
  const consoleLevel = options.consoleLevel ?? 'warn';
  const consoleFrom = consoleLevel === false ? order.length : order.indexOf(consoleLevel);
  return {
    filePath,
    writes: (level) => order.indexOf(level) >= Math.min(fileFrom, consoleFrom),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
