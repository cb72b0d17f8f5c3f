/**
 * Which updater the app gets: none for an unpackaged run or where policy sets
 * UpdatesEnabled=false; otherwise electron-updater on the policy's UpdateUrl (generic provider),
 * else on the GitHub releases named in the build's app-update.yml. electron-updater is loaded
 * only then, so development runs and tests never touch it.
 */
import type { ManagedPolicy } from '../../policy/policy-merge';
import type { Logger, UpdaterPort } from '../../supervisor/ports';
import { createElectronUpdaterPort, type UpdateFeed } from './electron-updater-port';

/** The feed the policy asks for: its UpdateUrl, else GitHub releases; null when updates are off. */
export function updateFeedOf(policy: ManagedPolicy): UpdateFeed | null {
  if (policy.locked.UpdatesEnabled === false) return null;
  const url = policy.locked.UpdateUrl;
  return typeof url === 'string' ? { kind: 'policy', url } : { kind: 'github' };
}

export async function createUpdaterFromPolicy(options: {
  packaged: boolean;
  policy: ManagedPolicy;
  logger: Logger;
}): Promise<UpdaterPort | undefined> {
  const feed = updateFeedOf(options.policy);
  if (!options.packaged || feed === null) return undefined;
  try {
    const { default: electronUpdater } = await import('electron-updater');
    return createElectronUpdaterPort({
      updater: electronUpdater.autoUpdater,
      feed,
      logger: options.logger,
    });
  } catch (error) {
    // No updater is better than no app: say so in the log, the settings show "off".
    options.logger.warn('updater unavailable', { error: String(error) });
    return undefined;
  }
}
