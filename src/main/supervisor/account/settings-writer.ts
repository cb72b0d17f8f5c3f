/**
 * The one owner of the current settings: every change is saved through the SettingsStore port
 * and announced as `settings.changed` here, and nowhere else.
 */
import type { CommandError, Result } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/domain';
import { commandError, fail, ok } from '../command-errors';
import type { Logger, SettingsStore } from '../ports';
import { errorMessage } from '../error-text';

export interface SettingsWriterDeps {
  store: SettingsStore;
  logger: Logger;
  initial: Settings;
  onChanged: (settings: Settings) => void;
  /** Why `next` may not be saved (a locked setting changed); null when it may. */
  refuse?: (next: Settings) => CommandError | null;
}

/**
 * Saves first; only saved settings are adopted and announced, a failed save changes nothing.
 * Settings that would change a setting the policy locks are refused before the save.
 */
export class SettingsWriter {
  private settings: Settings;

  constructor(private readonly deps: SettingsWriterDeps) {
    this.settings = deps.initial;
  }

  get current(): Settings {
    return this.settings;
  }

  /** Save `next`; on failure the settings stay as they were and an `internal` error returns. */
  save(next: Settings): Result<Settings> {
    const refusal = this.deps.refuse?.(next) ?? null;
    if (refusal) return fail(refusal);
    try {
      this.deps.store.save(next);
    } catch (error) {
      this.deps.logger.error('settings could not be saved', { error: errorMessage(error) });
      return fail(commandError('internal', 'The settings could not be saved.', '设置无法保存。'));
    }
    this.settings = next;
    this.deps.onChanged(next);
    return ok(next);
  }
}
