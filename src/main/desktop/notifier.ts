/**
 * Desktop notifications (the core's Notifier port), rate-limited: the same message is not
 * repeated within a minute, and at most a few appear per quarter minute. What is held back is
 * counted and mentioned by the next one shown, so nothing disappears silently. Each one shown is
 * kept referenced until it is clicked, closed or fails: Electron holds notifications weakly, and
 * one collected early never reports its click (electron/electron#16922). Title and body often
 * carry the gateway's text (agent names): they are made safe for a native surface here, the one
 * place every notification passes (no control or bidi-override characters, capped).
 */
import type { Notice } from '../../shared/domain';
import { DISPLAY_LIMITS, toDisplayText } from '../../shared/display-text';
import type { Logger, Notifier } from '../supervisor/ports';

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
}

export interface NotificationClassLike {
  new (options: {
    title: string;
    body: string;
    silent?: boolean;
    urgency?: 'normal' | 'critical' | 'low';
  }): NotificationLike;
  isSupported(): boolean;
}

export interface NotifierOptions {
  Notification: NotificationClassLike;
  now?: () => number;
  logger?: Logger;
  /** Clicking a notification (e.g. shows the window). */
  onClick?: () => void;
  /** At most this many in `windowMs`. Default 4 per 15 s. */
  maxPerWindow?: number;
  windowMs?: number;
  /** An identical title and body is not shown again within this time. Default 60 s. */
  repeatAfterMs?: number;
}

export interface DesktopNotifier extends Notifier {
  /** Notifications held back since the last one shown. */
  heldBack(): number;
  /** Notifications shown and still on screen (kept referenced until click, close or failure). */
  onScreen(): number;
}

/**
 * The AppUserModelId to give Windows. Toasts appear only for an id that a Start-menu shortcut
 * carries: the installer's shortcut carries the appId of electron-builder.yml; an unpackaged
 * run has no shortcut of its own, and Windows shows its toasts under the executable's path
 * (Electron's notifications tutorial, "Windows": `app.setAppUserModelId(process.execPath)` in
 * development).
 */
export function appUserModelIdFor(options: {
  isPackaged: boolean;
  appId: string;
  execPath: string;
}): string {
  return options.isPackaged ? options.appId : options.execPath;
}

/** Create the notifier. */
export function createNotifier(options: NotifierOptions): DesktopNotifier {
  const now = options.now ?? Date.now;
  const maxPerWindow = options.maxPerWindow ?? 4;
  const windowMs = options.windowMs ?? 15_000;
  const repeatAfterMs = options.repeatAfterMs ?? 60_000;
  const shownAt: number[] = [];
  const lastShownByText = new Map<string, number>();
  const live = new Set<NotificationLike>();
  let held = 0;

  return {
    heldBack: () => held,
    onScreen: () => live.size,
    notify(request: { title: string; body: string; level: Notice['level'] }) {
      const title = toDisplayText(request.title, DISPLAY_LIMITS.label);
      const body = toDisplayText(request.body, DISPLAY_LIMITS.sentence);
      const level = request.level;
      if (!options.Notification.isSupported()) {
        options.logger?.debug('notifications are not supported here', { title });
        return;
      }
      const time = now();
      const key = `${title}\n${body}`;
      const repeatedAt = lastShownByText.get(key);
      while (shownAt.length > 0 && (shownAt[0] as number) <= time - windowMs) shownAt.shift();
      if (
        (repeatedAt !== undefined && time - repeatedAt < repeatAfterMs) ||
        shownAt.length >= maxPerWindow
      ) {
        held += 1;
        options.logger?.debug('notification held back', { title, level });
        return;
      }
      const suffix = held > 0 ? ` (+${held})` : '';
      held = 0;
      shownAt.push(time);
      lastShownByText.set(key, time);
      for (const [text, at] of lastShownByText)
        if (time - at >= repeatAfterMs) lastShownByText.delete(text);
      const notification = new options.Notification({
        title,
        body: `${body}${suffix}`,
        silent: level === 'info',
        urgency: level === 'error' ? 'critical' : 'normal',
      });
      live.add(notification);
      const release = (): void => void live.delete(notification);
      notification.on('click', () => {
        release();
        options.onClick?.();
      });
      notification.on('close', release);
      notification.on('failed', () => {
        release();
        options.logger?.warn('the notification could not be shown', { title });
      });
      notification.show();
    },
  };
}
