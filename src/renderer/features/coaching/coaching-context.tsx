/**
 * What the screen knows of coaching — following, the sampler's proposal, a scorecard due —
 * kept in a small store of its own that listens to `coaching.changed` and loads
 * `coaching.getView` once; the main store stays as it was. One store per bridge.
 */
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { CoachingView } from '../../../shared/coaching';
import type { Bridge } from '../../bridge';
import { useBridge } from '../../store/store-context';

const EMPTY_VIEW: CoachingView = {
  follow: null,
  sampler: { enabled: false, proposal: null, sampledThisShift: 0 },
  scorecardDue: null,
  fileAvailable: false,
};

/** A view main sent; anything else (an older core, a broken reply) leaves the last one. */
function isView(value: unknown): value is CoachingView {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sampler' in value &&
    typeof (value as CoachingView).sampler === 'object' &&
    'follow' in value
  );
}

export interface CoachingStore {
  getView(): CoachingView;
  subscribe(listener: () => void): () => void;
  start(): () => void;
}

export function createCoachingStore(bridge: Bridge): CoachingStore {
  let view = EMPTY_VIEW;
  const listeners = new Set<() => void>();
  const set = (next: CoachingView): void => {
    view = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      let live = true;
      // An event is newer than the first answer may be: once one came, that answer is stale.
      let heard = false;
      const off = bridge.on('coaching.changed', (next) => {
        if (!isView(next)) return;
        heard = true;
        set(next);
      });
      void bridge.invoke('coaching.getView', {}).then((result) => {
        if (live && !heard && result.ok && isView(result.value)) set(result.value);
      });
      return () => {
        live = false;
        off();
      };
    },
  };
}

const CoachingContext = createContext<CoachingStore | null>(null);

/** Holds the coaching store for everything below it. */
export function CoachingProvider(props: { children: ReactNode }) {
  const bridge = useBridge();
  const [store] = useState(() => createCoachingStore(bridge));
  useEffect(() => store.start(), [store]);
  return <CoachingContext.Provider value={store}>{props.children}</CoachingContext.Provider>;
}

/** The coaching view; re-renders when main says it changed. */
export function useCoachingView(): CoachingView {
  const store = useContext(CoachingContext);
  if (!store) throw new Error('useCoachingView needs a <CoachingProvider> above it');
  return useSyncExternalStore(store.subscribe, store.getView);
}
