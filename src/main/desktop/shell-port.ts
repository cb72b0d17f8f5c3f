/**
 * The ShellPort: open the logs folder in the system file manager.
 */
import type { ShellPort } from '../supervisor/ports';

export interface ShellLike {
  /** Electron's contract: resolves with '' on success, else an error message. */
  openPath(path: string): Promise<string>;
}

/** Create the shell port for the given logs folder. */
export function createShellPort(options: { shell: ShellLike; logsFolder: string }): ShellPort {
  return {
    async openLogsFolder() {
      const problem = await options.shell.openPath(options.logsFolder);
      if (problem) throw new Error(`The logs folder could not be opened: ${problem}`);
    },
  };
}
