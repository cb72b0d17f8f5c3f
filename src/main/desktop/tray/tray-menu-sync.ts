/**
 * When the tray's context menu may be replaced. Replacing a shown menu closes it under the
 * user's pointer on macOS (electron/electron#4801, #10951), and rebuilding an unchanged one is
 * wasted work everywhere: a menu is applied only when its template changed, and while it is
 * shown (between Electron's `menu-will-show` and `menu-will-close`) the newest template waits
 * until it closes. Where a platform never reports the close, a menu "open" for longer than
 * `staleOpenMs` is taken as closed, so the tray cannot freeze.
 */
import { sameTrayMenu, type MenuTemplate } from './tray-menu';

export interface TrayMenuSyncOptions {
  /** Build the native menu for a template and set it on the tray. */
  apply: (template: MenuTemplate) => void;
  now?: () => number;
  /** Default 2 minutes. */
  staleOpenMs?: number;
}

export class TrayMenuSync {
  private applied: MenuTemplate | null = null;
  private pending: MenuTemplate | null = null;
  private openSince: number | null = null;
  /** How many native menus were built (diagnostics and tests). */
  builds = 0;

  constructor(private readonly options: TrayMenuSyncOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The menu as it should be now: applied at once, later, or not at all. */
  offer(template: MenuTemplate): void {
    if (this.isOpen()) {
      this.pending = template;
      return;
    }
    this.pending = null;
    if (this.applied !== null && sameTrayMenu(this.applied, template)) return;
    this.applied = template;
    this.builds += 1;
    this.options.apply(template);
  }

  /** `menu-will-show`. */
  opened(): void {
    this.openSince = this.now();
  }

  /** `menu-will-close`: apply what changed while it was shown. */
  closed(): void {
    this.openSince = null;
    const waiting = this.pending;
    if (waiting !== null) this.offer(waiting);
  }

  /** Whether the menu is shown now (as far as the platform told us). */
  isOpen(): boolean {
    if (this.openSince === null) return false;
    if (this.now() - this.openSince > (this.options.staleOpenMs ?? 120_000)) {
      this.openSince = null;
      return false;
    }
    return true;
  }
}
