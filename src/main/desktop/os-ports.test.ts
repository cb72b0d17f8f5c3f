import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialog, resetElectronFake, shell } from '../../../test/support/fakes/electron';
import { createFileSaver } from './file-saver';
import { createShellPort } from './shell-port';

describe('file saver', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'cc-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the content where the user chose and returns the path', async () => {
    const target = join(dir, 'journal.csv');
    dialog.nextSaveAnswer = { canceled: false, filePath: target };
    const saver = createFileSaver({ dialog, defaultFolder: () => dir });
    await expect(saver.save('journal.csv', 'a,b\n1,2\n')).resolves.toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(dialog.saveDialogs[0]).toMatchObject({
      defaultPath: join(dir, 'journal.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('returns null when the user cancels, and keeps a suggested name from escaping the folder', async () => {
    const saver = createFileSaver({ dialog, defaultFolder: () => dir });
    await expect(saver.save('../../etc/passwd', 'x')).resolves.toBeNull();
    expect(dialog.saveDialogs[0]).toMatchObject({ defaultPath: join(dir, '.._.._etc_passwd') });
  });
});

describe('shell port', () => {
  beforeEach(() => resetElectronFake());

  it('opens the logs folder and reports a failure as an error', async () => {
    const port = createShellPort({ shell, logsFolder: '/logs' });
    await port.openLogsFolder();
    expect(shell.openedPaths).toEqual(['/logs']);
    shell.nextOpenPathAnswer = 'Failed to open path';
    await expect(port.openLogsFolder()).rejects.toThrow(/Failed to open path/);
  });
});
