/**
 * "Check for updates…" and "Export diagnostics…" from the tray and the app menu: they run the
 * same contract commands as the settings dialog and say the outcome in a notification, since
 * the window may be hidden. A check the person asked for is the only one whose failure they see.
 */
import type { Language } from '../../../shared/domain';
import type { Notifier, SupervisorCore } from '../../supervisor';

export interface ShellMaintenanceOptions {
  core: Pick<SupervisorCore, 'execute'>;
  notifier: Notifier;
  language: () => Language;
}

export interface ShellMaintenance {
  checkForUpdates(): Promise<void>;
  exportDiagnostics(): Promise<void>;
}

export function createShellMaintenance(options: ShellMaintenanceOptions): ShellMaintenance {
  const say = (en: string, zh: string, level: 'info' | 'warning' | 'error' = 'info') =>
    options.notifier.notify({
      title: 'CC Inspector',
      body: options.language() === 'zh-CN' ? zh : en,
      level,
    });
  return {
    async checkForUpdates() {
      const result = await options.core.execute('updates.check', {});
      if (!result.ok) return say(result.error.message, result.error.messageZh, 'warning');
      const view = result.value;
      const version = view.version ?? '';
      if (view.phase === 'up-to-date')
        return say(
          `CC Inspector ${view.currentVersion} is up to date.`,
          `CC Inspector ${view.currentVersion} 已是最新版本。`,
        );
      if (view.phase === 'failed' && view.failure)
        return say(view.failure.message, view.failure.messageZh, 'warning');
      if (view.phase === 'downloading')
        return say(`Downloading CC Inspector ${version}…`, `正在下载 CC Inspector ${version}…`);
      // `ready`: the room has announced it already.
    },
    async exportDiagnostics() {
      const result = await options.core.execute('diagnostics.export', {
        includeCallParties: false,
      });
      if (!result.ok) return say(result.error.message, result.error.messageZh, 'error');
      if (result.value.savedTo)
        say(
          `Diagnostics saved to ${result.value.savedTo}.`,
          `诊断信息已保存到 ${result.value.savedTo}。`,
        );
    },
  };
}
