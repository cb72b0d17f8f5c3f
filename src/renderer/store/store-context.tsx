/**
 * React access to the one store: a context that holds it and `useAppState(selector)` on top
 * of useSyncExternalStore. Selectors must return values the store keeps (not new objects).
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from './app-state';
import type { AppStore } from './app-store';
import type { Bridge } from '../bridge';

interface StoreContextValue {
  store: AppStore;
  bridge: Bridge;
}

const StoreContext = createContext<StoreContextValue | null>(null);

/** Make the store and the bridge available to every component below. */
export function StoreProvider(props: { store: AppStore; bridge: Bridge; children: ReactNode }) {
  return (
    <StoreContext.Provider value={{ store: props.store, bridge: props.bridge }}>
      {props.children}
    </StoreContext.Provider>
  );
}

function useStoreContext(): StoreContextValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore needs a <StoreProvider> above it');
  return value;
}

/** The store itself (for actions). */
export function useStore(): AppStore {
  return useStoreContext().store;
}

/** The bridge to main (for commands that belong to one feature). */
export function useBridge(): Bridge {
  return useStoreContext().bridge;
}

/** Read a slice of the state; the component re-renders when that slice changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
