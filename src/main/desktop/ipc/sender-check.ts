/**
 * Who may call the IPC commands: only the top frame of our own window, showing our own page.
 * An iframe, another window, or our window after navigating elsewhere is refused.
 */
import { isAppUrl, type RendererLocation } from '../window/renderer-location';

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

export interface IpcEventLike {
  sender: unknown;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  senderFrame: FrameLike | null;
}

/** Whether an IPC event comes from the top frame of `contents` showing the app's page. */
export function isTrustedSender(
  event: IpcEventLike,
  contents: unknown,
  location: RendererLocation,
): boolean {
  if (contents === null || contents === undefined || event.sender !== contents) return false;
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url, location);
  } catch {
    // Electron throws when a frame was disposed while the message was in flight.
    return false;
  }
}
