/**
 * Row height of the agent grid: compact on desks, larger on a wallboard-size screen. The CSS
 * reads the same value through a custom property, so the virtualizer and the layout agree.
 */
import { useSyncExternalStore } from 'react';

const WALLBOARD_QUERY = '(min-width: 2200px)';
const ROW_HEIGHT = 30;
const WALLBOARD_ROW_HEIGHT = 38;

let query: MediaQueryList | null | undefined;

/** The media query, made once (null where matchMedia is missing, e.g. jsdom). */
function readQuery(): MediaQueryList | null {
  if (query === undefined)
    query = typeof window.matchMedia === 'function' ? window.matchMedia(WALLBOARD_QUERY) : null;
  return query;
}

function subscribe(listener: () => void): () => void {
  const current = readQuery();
  current?.addEventListener('change', listener);
  return () => current?.removeEventListener('change', listener);
}

function read(): number {
  return readQuery()?.matches ? WALLBOARD_ROW_HEIGHT : ROW_HEIGHT;
}

/** The row height in px for the current screen size. */
export function useRowHeight(): number {
  return useSyncExternalStore(subscribe, read);
}
