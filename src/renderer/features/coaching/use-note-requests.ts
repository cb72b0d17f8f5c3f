/**
 * The tray's "Write a note…" reaches the window as a note request (the agent is selected by
 * then): the screen opens its note composer once per request, also for one made while the
 * screen was not shown yet.
 */
import { useEffect, useRef } from 'react';
import { useAppState } from '../../store/store-context';

export function useNoteRequests(openComposer: () => void): void {
  const latest = useAppState((state) => state.noteRequests);
  const handled = useRef(0);
  useEffect(() => {
    // Runs again with each new callback; the count keeps a request from opening twice.
    if (latest === handled.current) return;
    handled.current = latest;
    openComposer();
  }, [latest, openComposer]);
}
