/**
 * The core's UpdaterPort over electron-updater. The feed is the policy's UpdateUrl (a generic
 * provider: an HTTPS folder with latest.yml / beta.yml and the installers), else what the build
 * wrote into app-update.yml (GitHub releases, electron-builder.yml `publish`). electron-updater
 * does the verification: the sha512 of latest.yml against the downloaded file, and on Windows
 * the Authenticode publisher named in app-update.yml; it applies `stagingPercentage` (staged
 * rollout) with a per-install id. We only decide when: no automatic download or install here.
 */
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import type { UpdateChannel } from '../../../shared/domain';
import type { Logger, UpdaterPort } from '../../supervisor/ports';

export type UpdateFeed = { kind: 'policy'; url: string } | { kind: 'github' };

export interface ElectronUpdaterPortOptions {
  /** electron-updater's `autoUpdater` (tests: an updater built for the local server). */
  updater: AppUpdater;
  feed: UpdateFeed;
  logger: Logger;
}

/** electron-updater's channel names: `latest` is the stable channel. */
const CHANNEL_FILE: Record<UpdateChannel, string> = { stable: 'latest', beta: 'beta' };

export function createElectronUpdaterPort(options: ElectronUpdaterPortOptions): UpdaterPort {
  const { updater, feed, logger } = options;
  updater.autoDownload = false;
  // A downloaded update the person did not install now installs when they quit.
  updater.autoInstallOnAppQuit = true;
  // Web installers may come without a signature check; the full installer always has one.
  updater.disableWebInstaller = true;
  updater.logger = {
    info: (message?: unknown) => logger.info('updater', { message: String(message) }),
    warn: (message?: unknown) => logger.warn('updater', { message: String(message) }),
    error: (message?: unknown) => logger.error('updater', { message: String(message) }),
    debug: (message: string) => logger.debug('updater', { message }),
  };
  if (feed.kind === 'policy') updater.setFeedURL({ provider: 'generic', url: feed.url });
  return {
    currentVersion: updater.currentVersion.version,
    feed: feed.kind,
    setChannel(channel) {
      // Setting the channel also allows the downgrade from beta back to stable.
      updater.channel = CHANNEL_FILE[channel];
      updater.allowPrerelease = channel === 'beta';
    },
    async check() {
      const result = await updater.checkForUpdates();
      if (!result || !result.isUpdateAvailable) return null;
      return { version: result.updateInfo.version };
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    installNow() {
      // Silent: the installer runs without its pages (per-machine NSIS keeps its elevation),
      // and the app starts again afterwards.
      updater.quitAndInstall(true, true);
    },
  };
}
