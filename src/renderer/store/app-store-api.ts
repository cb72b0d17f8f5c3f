/**
 * The renderer store's public shape (what screens and tests may call) and the toasts it makes
 * from main's errors and notices. The store itself is `app-store.ts`.
 */
import type { CommandError } from '../../shared/ipc/contract';
import type { InspectionView, Notice } from '../../shared/domain';
import type { AgentView, SortKey } from '../../shared/roster-view/agent-view';
import type { AppState, LocalText, Toast, ToastLevel } from './app-state';

/** Toasts kept on screen at once (the oldest goes first). */
const TOAST_KEEP = 6;

export interface StoreOptions {
  /** Runs a callback before the next paint (requestAnimationFrame, with a fallback when hidden). */
  scheduleFrame?: (callback: () => void) => void;
  now?: () => number;
  /** How often live data may reorder the table. */
  reorderIntervalMs?: number;
  /** Shortest time between two snapshot re-fetches after version gaps. */
  resyncBackoffMs?: number;
  /** Runs a callback when the page is idle (after the next paint); requestIdleCallback by default. */
  scheduleIdle?: (callback: () => void) => void;
  /**
   * At start, runs a callback once the screen (without the agents) is painted: the agents are
   * asked then. After the next animation frame's paint by default.
   */
  afterScreenShown?: (callback: () => void) => void;
  /** From this many agents on, the start asks for them only once the screen is painted. */
  screenFirstFrom?: number;
}

export interface ToastInput {
  level: ToastLevel;
  text: LocalText;
  retcode?: string | null;
  sticky?: boolean;
}

export interface AppStore {
  getState(): AppState;
  subscribe(listener: () => void): () => void;
  /**
   * Listen to main and load the screen, then — once it is painted — the agents. Resolves when
   * both are in (or failed: the boot state or a toast says so).
   */
  start(): Promise<void>;
  /**
   * Resolves once the start is over and its screen painted (the agents in and on it, or the
   * start failed): what waits for the agents at a window's start (charts' history) waits on
   * this, so none of it runs before the first rows are painted.
   */
  whenAgentsIn(): Promise<void>;
  stop(): void;
  /** Fetch a fresh snapshot (after a failed start, or a version gap). */
  reload(): Promise<void>;
  setView(patch: Partial<AgentView>): void;
  /** Sort by `key`; the same key again flips the direction. */
  toggleSort(key: SortKey): void;
  /** Select an agent here at once and tell main (hotkeys and the tray act on it). */
  selectAgent(workNo: string | null): void;
  applyInspection(view: InspectionView): void;
  applyPartial(patch: Partial<Pick<AppState, 'settings' | 'hotkeys' | 'journal'>>): void;
  pushToast(toast: ToastInput): number;
  dismissToast(id: number): void;
}

/** A failed command as a toast (sticky: errors stay until dismissed). */
export function errorToast(error: CommandError): ToastInput {
  return {
    level: 'error',
    text: { en: error.message, zh: error.messageZh },
    retcode: error.retcode,
  };
}

/** A notice from main as a toast at its own level. */
export function noticeToast(notice: Notice): ToastInput {
  return {
    level: notice.level,
    text: { en: notice.message, zh: notice.messageZh },
    retcode: notice.retcode,
  };
}

/** `toasts` with a new one (numbered `id`) added, the oldest dropped past the limit. */
export function appendToast(toasts: readonly Toast[], input: ToastInput, id: number): Toast[] {
  const toast: Toast = {
    id,
    level: input.level,
    text: input.text,
    retcode: input.retcode ?? null,
    sticky: input.sticky ?? input.level === 'error',
  };
  return [...(toasts.length >= TOAST_KEEP ? toasts.slice(1) : toasts), toast];
}
