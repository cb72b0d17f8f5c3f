/**
 * The FileSaver port: a save dialog (journal exports) and a UTF-8 write of the chosen file.
 */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FileSaver } from '../supervisor/ports';

export interface SaveDialogLike {
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
};

/** Create the file saver; `defaultFolder` is where the dialog opens (Documents). */
export function createFileSaver(options: {
  dialog: SaveDialogLike;
  defaultFolder: () => string;
}): FileSaver {
  return {
    async save(suggestedName, content) {
      // Only a plain file name from the core; never a path it could use to point elsewhere.
      const safeName =
        [...suggestedName]
          .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char))
          .join('')
          .slice(0, 120) || 'export.txt';
      const filter = FILTERS[extname(safeName).toLowerCase()];
      const answer = await options.dialog.showSaveDialog({
        title: 'Export',
        defaultPath: join(options.defaultFolder(), safeName),
        ...(filter ? { filters: [filter] } : {}),
      });
      if (answer.canceled || !answer.filePath) return null;
      await writeFile(answer.filePath, content, 'utf8');
      return answer.filePath;
    },
  };
}
