/**
 * React access to the insight store: one store per window, created with the bridge and
 * started while anything shows insight.
 */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useBridge, useStore } from '../../store/store-context';
import { createInsightStore, type InsightState, type InsightStore } from './insight-store';

const InsightContext = createContext<InsightStore | null>(null);

/** Creates and starts the window's insight store for everything below. */
export function InsightProvider(props: { children: ReactNode }) {
  const bridge = useBridge();
  const appStore = useStore();
  const store = useMemo(
    () => createInsightStore(bridge, { after: appStore.whenAgentsIn() }),
    [bridge, appStore],
  );
  useEffect(() => {
    void store.start();
    return () => store.stop();
  }, [store]);
  return <InsightContext.Provider value={store}>{props.children}</InsightContext.Provider>;
}

/** The window's insight store, or null outside an InsightProvider (a panel shown alone). */
export function useOptionalInsightStore(): InsightStore | null {
  return useContext(InsightContext);
}

export function useInsightStore(): InsightStore {
  const store = useContext(InsightContext);
  if (!store) throw new Error('useInsight needs an <InsightProvider> above it');
  return store;
}

/** A slice of the insight state; re-renders when it changes. */
export function useInsight<T>(selector: (state: InsightState) => T): T {
  const store = useInsightStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
