/**
 * What the wallboard window may ask main: reading only. It shows figures; every command that
 * acts on the center, the session or the settings is refused from it like from a stranger.
 */
import type { CommandName } from '../../../shared/ipc/contract';

export const WALLBOARD_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'app.getSnapshot',
  'app.getScreen',
  'roster.getSnapshot',
  'stats.getSnapshot',
  'stats.history',
]);

/** Whether the wallboard window may send `command`. */
export function isWallboardCommand(command: CommandName): boolean {
  return WALLBOARD_COMMANDS.has(command);
}
