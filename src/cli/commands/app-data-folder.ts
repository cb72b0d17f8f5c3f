/**
 * Where the desktop app keeps its logs and audit journal, for `cc-inspector diagnostics`:
 * Electron's userData folder (%APPDATA%\<name> on Windows, ~/Library/Application Support/<name>
 * on macOS, $XDG_CONFIG_HOME or ~/.config/<name> on Linux) and its logs folder (<userData>/logs;
 * ~/Library/Logs/<name> on macOS). The app's name is its productName or its package name, so both
 * are tried; --data-dir names the folder outright.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE_NAME, parseJournalText } from '../../main/supervisor/journal/audit-journal';
import type { JournalEntry } from '../../shared/domain';
import { newestLogFiles, type LogFile } from '../../main/diagnostics/log-files';

const APP_NAMES = ['CC Inspector', 'cc-inspector'] as const;

export interface AppFolders {
  /** Candidate userData folders, most likely first. */
  data: string[];
  /** Candidate logs folders, most likely first. */
  logs: string[];
}

export function appDataFolders(
  dataDir: string | undefined,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): AppFolders {
  if (dataDir) return { data: [dataDir], logs: [join(dataDir, 'logs')] };
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  const data = APP_NAMES.map((name) => join(base, name));
  const logs =
    platform === 'darwin'
      ? APP_NAMES.map((name) => join(home, 'Library', 'Logs', name))
      : data.map((folder) => join(folder, 'logs'));
  return { data, logs };
}

/** The newest log files of the first logs folder that has any. */
export async function readAppLogs(
  folders: AppFolders,
  limit: number,
): Promise<{ files: LogFile[]; notes: string[] }> {
  for (const folder of folders.logs) {
    const files = await newestLogFiles(folder, limit);
    if (files.length > 0) return { files, notes: [] };
  }
  return { files: [], notes: [`No app logs found in ${folders.logs.join(' or ')}.`] };
}

/** The app's audit journal (oldest first) from the first data folder that has one. */
export async function readAppJournal(
  folders: AppFolders,
): Promise<{ entries: JournalEntry[]; notes: string[] }> {
  for (const folder of folders.data) {
    try {
      const text = await readFile(join(folder, 'journal', JOURNAL_FILE_NAME), 'utf8');
      return { entries: parseJournalText(text), notes: [] };
    } catch {
      // Not there: try the next name.
    }
  }
  return { entries: [], notes: [`No audit journal found in ${folders.data.join(' or ')}.`] };
}
