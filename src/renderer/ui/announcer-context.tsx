/**
 * Gives components the screen's one announcer.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Announcer } from './announcer';

const AnnouncerContext = createContext<Announcer | null>(null);

/** Provide the announcer to everything below. */
export function AnnouncerProvider(props: { announcer: Announcer; children: ReactNode }) {
  return (
    <AnnouncerContext.Provider value={props.announcer}>{props.children}</AnnouncerContext.Provider>
  );
}

/** The screen's announcer. */
export function useAnnouncer(): Announcer {
  const announcer = useContext(AnnouncerContext);
  if (!announcer) throw new Error('useAnnouncer needs an <AnnouncerProvider> above it');
  return announcer;
}
