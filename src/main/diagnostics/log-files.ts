/** The newest log files of a folder, for the diagnostics bundle (app and CLI alike). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface LogFile {
  name: string;
  text: string;
}

/** The newest `limit` `*.log` files of `folder`, newest first; none when it does not exist. */
export async function newestLogFiles(folder: string, limit: number): Promise<LogFile[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.log'));
  } catch {
    return [];
  }
  const dated = await Promise.all(
    names.map(async (name) => ({ name, at: (await stat(join(folder, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.at - a.at);
  return Promise.all(
    dated.slice(0, limit).map(async ({ name }) => ({
      name,
      text: await readFile(join(folder, name), 'utf8'),
    })),
  );
}
