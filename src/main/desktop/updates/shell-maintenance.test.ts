/** "Check for updates…" / "Export diagnostics…" from the tray or menu say their outcome. */
import { describe, expect, it } from 'vitest';
import type { UpdateView } from '../../../shared/updates';
import type { Result } from '../../../shared/ipc/contract';
import { createShellMaintenance } from './shell-maintenance';

const view = (patch: Partial<UpdateView>): UpdateView => ({
  phase: 'up-to-date',
  currentVersion: '0.1.0',
  version: null,
  percent: null,
  waitingFor: null,
  checkedAt: 1,
  failure: null,
  feed: 'policy',
  channel: 'stable',
  ...patch,
});

function setup(results: Record<string, Result<unknown>>, language: 'en' | 'zh-CN' = 'en') {
  const said: Array<{ body: string; level: string }> = [];
  const calls: Array<[string, unknown]> = [];
  const maintenance = createShellMaintenance({
    core: {
      execute: (async (name: string, args: unknown) => {
        calls.push([name, args]);
        return results[name];
      }) as never,
    },
    notifier: { notify: (note) => said.push({ body: note.body, level: note.level }) },
    language: () => language,
  });
  return { maintenance, said, calls };
}

describe('shell maintenance', () => {
  it('says "up to date", a failure in the person\'s language, or that it downloads', async () => {
    const upToDate = setup({ 'updates.check': { ok: true, value: view({}) } });
    await upToDate.maintenance.checkForUpdates();
    expect(upToDate.said).toEqual([{ body: 'CC Inspector 0.1.0 is up to date.', level: 'info' }]);

    const failed = setup(
      {
        'updates.check': {
          ok: true,
          value: view({ phase: 'failed', failure: { message: 'offline', messageZh: '离线' } }),
        },
      },
      'zh-CN',
    );
    await failed.maintenance.checkForUpdates();
    expect(failed.said).toEqual([{ body: '离线', level: 'warning' }]);

    const downloading = setup({
      'updates.check': { ok: true, value: view({ phase: 'downloading', version: '0.2.0' }) },
    });
    await downloading.maintenance.checkForUpdates();
    expect(downloading.said[0]?.body).toBe('Downloading CC Inspector 0.2.0…');
  });

  it("exports diagnostics without call parties' numbers and says where it went", async () => {
    const h = setup({
      'diagnostics.export': { ok: true, value: { savedTo: '/home/a/diag.zip', files: 9 } },
    });
    await h.maintenance.exportDiagnostics();
    expect(h.calls).toEqual([['diagnostics.export', { includeCallParties: false }]]);
    expect(h.said).toEqual([{ body: 'Diagnostics saved to /home/a/diag.zip.', level: 'info' }]);
    const cancelled = setup({
      'diagnostics.export': { ok: true, value: { savedTo: null, files: 9 } },
    });
    await cancelled.maintenance.exportDiagnostics();
    expect(cancelled.said).toEqual([]);
  });
});
