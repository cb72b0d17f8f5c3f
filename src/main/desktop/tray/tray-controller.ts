/**
 * The tray adapter: keeps the icon, tooltip and menu in step with the core, and runs a clicked
 * item through the same contract command a window button sends (source `tray`). The tooltip
 * follows the clock; the menu is rebuilt only when it changed and never while shown
 * (TrayMenuSync).
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { CommandError, CommandName, EventName } from '../../../shared/ipc/contract';
import type { Language } from '../../../shared/domain';
import { escapeMenuLabel, toDisplayLines } from '../../../shared/display-text';
import { AGENT_ACTION_COMMANDS } from '../../../shared/inspection-vocabulary';
import type { Logger } from '../../supervisor/ports';
import type { SupervisorCore } from '../../supervisor/supervisor-api';
import { selectTrayLabels } from './tray-labels';
import {
  buildTrayMenu,
  buildTrayTooltip,
  selectTrayIconState,
  type TrayCommand,
  type TrayIconState,
  type TrayMenuItem,
} from './tray-menu';
import { TrayMenuSync } from './tray-menu-sync';

/** A tray command as a contract command, or an action the shell performs itself. */
export type TrayDispatch =
  | { kind: 'command'; name: CommandName; args: Record<string, unknown> }
  | { kind: 'show-window'; select?: string; composeNote?: true }
  | { kind: 'shell'; action: ShellAction }
  | { kind: 'quit' };

/** Tray items the shell answers itself, with a notification of the outcome. */
export type ShellAction = 'check-updates' | 'export-diagnostics';

/** Map a tray command to what runs it (the window reaches the same contract commands). */
export function dispatchTrayCommand(command: TrayCommand): TrayDispatch {
  const tray = { source: 'tray' };
  switch (command.kind) {
    case 'inspect':
      return {
        kind: 'command',
        name: AGENT_ACTION_COMMANDS[command.action],
        args: { workNo: command.workNo, ...tray },
      };
    case 'switch':
      return { kind: 'command', name: 'inspection.switch', args: tray };
    case 'switch-to':
      return {
        kind: 'command',
        name: 'inspection.switchTo',
        args: { mode: command.mode, ...tray },
      };
    case 'intercept':
      return { kind: 'command', name: 'inspection.intercept', args: tray };
    case 'cancel':
      return { kind: 'command', name: 'inspection.cancel', args: tray };
    case 'sign-out':
      return { kind: 'command', name: 'session.signOut', args: { forgetPassword: false } };
    case 'open-logs':
      return { kind: 'command', name: 'app.openLogsFolder', args: {} };
    case 'open-wallboard':
      return { kind: 'command', name: 'wallboard.open', args: {} };
    case 'sign-in':
    case 'open-window':
      // Signing in needs the form (address, id, password): it lives in the window.
      return { kind: 'show-window' };
    case 'check-updates':
    case 'export-diagnostics':
      return { kind: 'shell', action: command.kind };
    case 'quit':
      return { kind: 'quit' };
    case 'note-template':
      return {
        kind: 'command',
        name: 'coaching.sendNote',
        args: {
          recipients: { kind: 'agents', workNos: [command.workNo] },
          text: command.text,
          ...tray,
        },
      };
    case 'compose-note':
      // Writing needs the window: it opens on that agent with the note composer open.
      return { kind: 'show-window', select: command.workNo, composeNote: true };
    case 'stop-follow':
      return { kind: 'command', name: 'coaching.stopFollow', args: tray };
  }
}

/**
 * The icon file of a state: template images on macOS (`*Template.png`, which the menu bar
 * tints), an ICO on Windows (16, 20, 24 and 32 px, so the notification area picks the size of
 * its DPI scale instead of scaling one bitmap: Electron's Tray docs recommend ICO there), a
 * colour PNG on Linux.
 */
export function selectTrayIconPath(
  folder: string,
  state: TrayIconState,
  platform: NodeJS.Platform,
): string {
  if (platform === 'darwin') return join(folder, `${state}Template.png`);
  return join(folder, platform === 'win32' ? `${state}.ico` : `${state}.png`);
}

export interface TrayControllerOptions {
  Tray: new (image: NativeImage) => Tray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  nativeImage: { createFromPath(path: string): NativeImage };
  core: Pick<SupervisorCore, 'execute' | 'subscribe' | 'trayModel'>;
  iconFolder: string;
  platform: NodeJS.Platform;
  language: () => Language;
  showWindow: () => void;
  /** Open the window's note composer on this agent (after showWindow; the window has it). */
  composeNote?: (workNo: string) => void;
  quit: () => void;
  /** "Check for updates…" and "Export diagnostics…" (shell/maintenance in the app). */
  onShellAction?: (action: ShellAction) => void;
  /** Ask before taking over a call (when the user wants confirmations). */
  confirmIntercept?: () => Promise<boolean>;
  /** A tray action failed: tell the user (the window may be hidden). */
  onFailure?: (error: CommandError) => void;
  logger?: Logger;
  now?: () => number;
  /** Tooltip refresh, so its running times stay current. Default 5 s. */
  refreshEveryMs?: number;
  /** Least time between refreshes caused by roster changes. Default 2 s. */
  rosterRefreshMs?: number;
}

export interface TrayController {
  refresh(): void;
  dispose(): void;
  /** Native menus built so far (the menu is rebuilt only when it changed). */
  menuBuilds(): number;
}

/** Longest tooltip every platform shows whole (Windows: 127 characters). */
const TOOLTIP_LIMIT = 127;

// Module-level: a Tray only referenced from a closure can be garbage-collected and vanish.
let liveTray: Tray | null = null;

const IMMEDIATE_EVENTS: ReadonlySet<EventName> = new Set([
  'connection.changed',
  'inspection.changed',
  'selection.changed',
  'settings.changed',
  'coaching.changed',
]);

/** Create the tray icon and keep it current. */
export function createTrayController(options: TrayControllerOptions): TrayController {
  const now = options.now ?? Date.now;
  const { logger } = options;
  let iconState: TrayIconState | null = null;
  let lastRosterRefresh = 0;

  const image = (state: TrayIconState): NativeImage => {
    const icon = options.nativeImage.createFromPath(
      selectTrayIconPath(options.iconFolder, state, options.platform),
    );
    if (icon.isEmpty()) logger?.warn('tray icon missing', { state });
    return icon;
  };

  const run = async (command: TrayCommand): Promise<void> => {
    const dispatch = dispatchTrayCommand(command);
    if (dispatch.kind === 'show-window') {
      if (dispatch.select) await options.core.execute('agents.select', { workNo: dispatch.select });
      options.showWindow();
      if (dispatch.composeNote && dispatch.select) options.composeNote?.(dispatch.select);
      return;
    }
    if (dispatch.kind === 'quit') return options.quit();
    if (dispatch.kind === 'shell') return options.onShellAction?.(dispatch.action);
    if (
      command.kind === 'intercept' &&
      options.confirmIntercept &&
      !(await options.confirmIntercept())
    )
      return;
    // The contract commands validate nothing here: the tray builds only well-formed arguments.
    const result = await options.core.execute(dispatch.name, dispatch.args as never);
    if (!result.ok) options.onFailure?.(result.error);
  };

  const toElectron = (items: TrayMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item): MenuItemConstructorOptions => {
      if (item.type === 'separator') return { type: 'separator' };
      // Labels carry gateway strings: on Windows a literal `&` would mark an access key.
      const label = escapeMenuLabel(item.label, options.platform);
      if (item.type === 'submenu')
        return { label, enabled: item.enabled, submenu: toElectron(item.submenu) };
      const command = item.command;
      return {
        type: item.type,
        label,
        enabled: item.enabled,
        ...(item.type === 'radio' ? { checked: item.checked } : {}),
        ...(command
          ? {
              click: () =>
                void run(command).catch((error: unknown) =>
                  logger?.error('tray action failed', { error: String(error) }),
                ),
            }
          : {}),
      };
    });

  const tray = new options.Tray(image('signed-out'));
  liveTray = tray;
  const menus = new TrayMenuSync({
    now,
    apply: (template) => {
      const menu = options.Menu.buildFromTemplate(toElectron(template));
      menu.on('menu-will-show', () => menus.opened());
      menu.on('menu-will-close', () => menus.closed());
      tray.setContextMenu(menu);
    },
  });

  const refresh = (): void => {
    if (tray.isDestroyed()) return;
    const model = options.core.trayModel();
    const labels = selectTrayLabels(options.language());
    const state = selectTrayIconState(model);
    if (state !== iconState) {
      tray.setImage(image(state));
      iconState = state;
    }
    // Windows cuts tooltips at 127 characters; a capped one at least ends visibly.
    tray.setToolTip(toDisplayLines(buildTrayTooltip(model, labels, now()), TOOLTIP_LIMIT));
    menus.offer(buildTrayMenu(model, labels));
  };

  const unsubscribe = options.core.subscribe((name) => {
    if (IMMEDIATE_EVENTS.has(name)) refresh();
    else if (
      name === 'roster.delta' &&
      now() - lastRosterRefresh >= (options.rosterRefreshMs ?? 2_000)
    ) {
      lastRosterRefresh = now();
      refresh();
    }
  });
  const timer = setInterval(refresh, options.refreshEveryMs ?? 5_000);
  timer.unref?.();
  // A left click shows the window on Windows and Linux; macOS opens the menu by itself.
  if (options.platform !== 'darwin') tray.on('click', () => options.showWindow());
  refresh();

  return {
    refresh,
    menuBuilds: () => menus.builds,
    dispose() {
      clearInterval(timer);
      unsubscribe();
      if (!tray.isDestroyed()) tray.destroy();
      if (liveTray === tray) liveTray = null;
    },
  };
}
