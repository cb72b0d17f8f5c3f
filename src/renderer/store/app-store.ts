/**
 * The one renderer store. It listens to every contract event, applies roster deltas to a Map
 * as they arrive, and tells React about them at most once per animation frame. The visible
 * order is rebuilt at once when the supervisor changes the view, and lazily (at most every
 * `reorderIntervalMs`) when only live data changed, so rows do not jump 60 times a second and
 * 1,000 changes/s cost a few Map writes per frame.
 */
import type { Bridge } from '../bridge';
import type { EventName, EventPayloads } from '../../shared/ipc/contract';
import type {
  AgentRow,
  AppSnapshot,
  RosterDelta,
  RosterSnapshot,
  ScreenSnapshot,
} from '../../shared/domain';
import type { AppState } from './app-state';
import type { AgentView } from '../../shared/roster-view/agent-view';
import {
  appendToast,
  errorToast,
  noticeToast,
  type AppStore,
  type StoreOptions,
  type ToastInput,
} from './app-store-api';
import { createInitialState, readyScreenOf } from './app-state';
import { deriveRoster } from '../../shared/roster-view/derive-roster';
import { toggledSort } from '../../shared/roster-view/sort-order';
import { takePresortedSummary } from '../../shared/roster-view/presorted-roster';
import { applyRosterDelta } from './roster-deltas';
import { RowIndex } from './row-index';
import { createSelectionEchoes } from './selection-echoes';
import { scheduleAfterPaint, scheduleNextFrame, scheduleWhenIdle } from './frame-scheduling';

export type { AppStore, StoreOptions, ToastInput } from './app-store-api';

const JOURNAL_KEEP = 1000;
const PENDING_DELTA_LIMIT = 5000;
/** From this many agents on, a whole new list is ordered top-first: a first screen, then the rest. */
const TOP_FIRST_MIN_ROWS = 2000;
/** Rows ordered before the first paint: more than the tallest wallboard shows. */
const FIRST_SCREEN_ROWS = 200;

/** Create the store over a bridge; call start() to begin. */
export function createAppStore(bridge: Bridge, options: StoreOptions = {}): AppStore {
  const scheduleFrame = options.scheduleFrame ?? scheduleNextFrame;
  const now = options.now ?? Date.now;
  const reorderIntervalMs = options.reorderIntervalMs ?? 1000;
  const resyncBackoffMs = options.resyncBackoffMs ?? 500;
  const scheduleIdle = options.scheduleIdle ?? scheduleWhenIdle;
  const afterScreenShown = options.afterScreenShown ?? scheduleAfterPaint;
  const screenFirstFrom = options.screenFirstFrom ?? TOP_FIRST_MIN_ROWS;

  const rows = new RowIndex();
  let state: AppState = {
    ...createInitialState(),
    roster: { rows, version: -1, revision: 0, arriving: null },
  };
  /** Version of what is in `rows`; the state's copy follows at the next frame. */
  let heldVersion = -1;
  const listeners = new Set<() => void>();
  const unsubscribers: Array<() => void> = [];

  let rosterLoaded = false;
  let pendingDeltas: RosterDelta[] = [];
  let frameScheduled = false;
  let rosterDirty = false;
  let orderDirty = false;
  let orderUrgent = false;
  /** A whole new list arrived since the last ordering (snapshot or reset). */
  let wholeListArrived = false;
  /** That list as it came, while `rows` holds exactly it: the first ordering walks the array. */
  let wholeList: readonly AgentRow[] | null = null;
  let completionScheduled = false;
  let lastOrderAt = -Infinity;
  let reorderTimer: ReturnType<typeof setTimeout> | null = null;
  let resyncing = false;
  let resyncAgain = false;
  let lastResyncAt = -Infinity;
  let startupNoticesShown = false;
  let markStartDone: () => void = () => undefined;
  const agentsIn = new Promise<void>((resolve) => (markStartDone = resolve));
  let nextToastId = 1;

  function emit(): void {
    for (const listener of [...listeners]) listener();
  }

  function setState(patch: Partial<AppState>): void {
    state = { ...state, ...patch };
    emit();
  }

  /**
   * Rebuild the visible order. After a whole new list of thousands, only the top (a first
   * screen, and the selected agent's place) is ordered before the first paint; the rest is
   * sorted when the page is next idle, so a fresh 10,000-agent list shows without a full sort.
   */
  function rebuildOrder(): void {
    const topFirst = wholeListArrived && rows.size >= TOP_FIRST_MIN_ROWS;
    orderDirty = false;
    orderUrgent = false;
    wholeListArrived = false;
    lastOrderAt = now();
    const depth = topFirst
      ? { firstRows: FIRST_SCREEN_ROWS, keepPlaceOf: state.selectedWorkNo }
      : {};
    const source = wholeList !== null && wholeList.length === rows.size ? wholeList : rows;
    wholeList = null;
    const summary = deriveRoster(
      source,
      state.view,
      { now: lastOrderAt, thresholds: state.settings.alerts },
      depth,
    );
    state = { ...state, summary };
    if (!summary.ordered && !completionScheduled) {
      completionScheduled = true;
      scheduleIdle(completeOrder);
    }
  }

  /** Finish an order that was built top-first (unless something rebuilt it fully meanwhile). */
  function completeOrder(): void {
    completionScheduled = false;
    if (state.summary.ordered) return;
    rebuildOrder();
    emit();
  }

  function flushFrame(): void {
    frameScheduled = false;
    if (!rosterDirty && !orderDirty) return;
    if (orderDirty) {
      const wait = lastOrderAt + reorderIntervalMs - now();
      if (orderUrgent || wait <= 0) rebuildOrder();
      else if (reorderTimer === null) {
        reorderTimer = setTimeout(() => {
          reorderTimer = null;
          requestFrame();
        }, wait);
      }
    }
    if (rosterDirty) {
      rosterDirty = false;
      state = {
        ...state,
        roster: {
          rows,
          version: heldVersion,
          revision: state.roster.revision + 1,
          arriving: null,
        },
      };
    }
    emit();
  }

  function requestFrame(): void {
    if (frameScheduled) return;
    frameScheduled = true;
    scheduleFrame(flushFrame);
  }

  /** Rows changed: repaint next frame; reorder then too when rows came or went, else lazily. */
  function markRoster(version: number, urgent: boolean): void {
    heldVersion = version;
    rosterDirty = true;
    orderDirty = true;
    orderUrgent = orderUrgent || urgent;
    requestFrame();
  }

  function applyDelta(delta: RosterDelta): void {
    if (!rosterLoaded || resyncing) {
      if (pendingDeltas.length >= PENDING_DELTA_LIMIT) pendingDeltas = [];
      pendingDeltas.push(delta);
      if (delta.reset && !resyncing) {
        // A reset carries the whole list, so it needs no snapshot first.
        rosterLoaded = true;
        drainPending();
      }
      return;
    }
    const outcome = applyRosterDelta(rows, heldVersion, delta);
    if (outcome.kind === 'applied') {
      wholeListArrived = wholeListArrived || delta.reset;
      wholeList = delta.reset ? delta.upserts : null;
      markRoster(outcome.version, outcome.membership);
    } else if (outcome.kind === 'gap') {
      pendingDeltas.push(delta);
      void resync();
    }
  }

  function drainPending(): void {
    const queued = pendingDeltas;
    pendingDeltas = [];
    for (const delta of queued) applyDelta(delta);
  }

  /** Everything but the agents: the screen can show itself (boot ready). Emits nothing. */
  function takeScreenParts(screen: Omit<ScreenSnapshot, 'agentCount' | 'agents'>): void {
    state = { ...state, ...readyScreenOf(screen) };
    if (!startupNoticesShown) {
      startupNoticesShown = true;
      for (const notice of screen.startupNotices) pushToast(noticeToast(notice));
    }
  }

  /**
   * The whole list at one version replaces the rows. Its order and figures come with a big list
   * (presorted by the core) when the view is the default one; else it is ordered top-first.
   * Emits nothing.
   */
  function takeRoster(snapshot: RosterSnapshot): void {
    rows.adopt(snapshot.roster);
    heldVersion = snapshot.rosterVersion;
    rosterLoaded = true;
    const presorted = takePresortedSummary(snapshot, state.view, state.settings.alerts);
    wholeList = presorted === null ? snapshot.roster : null;
    wholeListArrived = presorted === null;
    state = {
      ...state,
      roster: {
        rows,
        version: snapshot.rosterVersion,
        revision: state.roster.revision + 1,
        arriving: null,
      },
    };
    if (presorted === null) {
      rebuildOrder();
      return;
    }
    // The core's order as of its time (the next change reorders once that is a second old);
    // the first screen needs the list's top only, the index of all rows waits for idle time.
    state = { ...state, summary: presorted };
    orderDirty = false;
    lastOrderAt = Math.min(now(), snapshot.presorted?.at ?? Infinity);
    scheduleIdle(() => rows.settle());
  }

  function applySnapshot(snapshot: AppSnapshot): void {
    takeScreenParts(snapshot);
    takeRoster(snapshot);
    emit();
  }

  /**
   * The window's start: the screen first (small answer), then the agents — a big list once the
   * screen is painted, taken in by a screen already up instead of waiting for its first mount.
   */
  async function startScreenThenRoster(): Promise<void> {
    // A small list comes with the screen (one answer, one paint); a big one once it is up.
    const screen = await bridge.invoke('app.getScreen', { agentsUpTo: screenFirstFrom - 1 });
    if (!screen.ok) {
      setState({ boot: { status: 'failed', error: screen.error } });
      return;
    }
    takeScreenParts(screen.value);
    if (screen.value.agents !== null) {
      takeRoster(screen.value.agents);
      emit();
      drainPending();
      return;
    }
    if (!rosterLoaded) {
      state = { ...state, roster: { ...state.roster, arriving: screen.value.agentCount } };
    }
    emit();
    await new Promise<void>((resolve) => afterScreenShown(resolve));
    const roster = await bridge.invoke('roster.getSnapshot', {});
    if (!roster.ok) {
      // The whole snapshot's path has the retries and says what failed (a toast).
      await resync();
      // Still none: the table stops saying they are on their way.
      if (!rosterLoaded) setState({ roster: { ...state.roster, arriving: null } });
      return;
    }
    // A reset delta may have brought a list as new or newer meanwhile.
    if (rosterLoaded && roster.value.rosterVersion <= heldVersion) return;
    takeRoster(roster.value);
    emit();
    drainPending();
  }

  async function resync(): Promise<void> {
    if (resyncing) {
      resyncAgain = true;
      return;
    }
    resyncing = true;
    const wait = lastResyncAt + resyncBackoffMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastResyncAt = now();
    const result = await bridge.invoke('app.getSnapshot', {});
    resyncing = false;
    if (result.ok) {
      applySnapshot(result.value);
      drainPending();
    } else if (state.boot.status !== 'ready') {
      setState({ boot: { status: 'failed', error: result.error } });
    } else {
      pushToast(errorToast(result.error));
    }
    if (resyncAgain) {
      resyncAgain = false;
      void resync();
    }
  }

  function setView(patch: Partial<AgentView>): void {
    state = { ...state, view: { ...state.view, ...patch } };
    rebuildOrder();
    emit();
  }

  function pushToast(input: ToastInput): number {
    const id = nextToastId++;
    setState({ toasts: appendToast(state.toasts, input, id) });
    return id;
  }

  function on<E extends EventName>(name: E, handler: (payload: EventPayloads[E]) => void): void {
    unsubscribers.push(bridge.on(name, handler));
  }

  const selectionEchoes = createSelectionEchoes();

  function listenToMain(): void {
    on('roster.delta', applyDelta);
    on('connection.changed', (connection) => setState({ connection }));
    on('inspection.changed', (inspection) => setState({ inspection }));
    on('selection.changed', ({ workNo }) => {
      if (selectionEchoes.consume(workNo)) return;
      if (workNo !== state.selectedWorkNo) setState({ selectedWorkNo: workNo });
    });
    on('queues.changed', (queues) => setState({ queues }));
    on('alerts.changed', (alerts) => setState({ alerts }));
    on('settings.changed', (settings) => setState({ settings }));
    on('hotkeys.changed', (hotkeys) => setState({ hotkeys }));
    on('ui.composeNote', () => setState({ noteRequests: state.noteRequests + 1 }));
    on('journal.appended', (entry) =>
      setState({ journal: [entry, ...state.journal].slice(0, JOURNAL_KEEP) }),
    );
    on('notice', (notice) => pushToast(noticeToast(notice)));
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      listenToMain();
      try {
        await startScreenThenRoster();
      } finally {
        afterScreenShown(markStartDone); // what waits for the agents waits for their paint too
      }
    },
    whenAgentsIn: () => agentsIn,
    stop() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      if (reorderTimer !== null) clearTimeout(reorderTimer);
      reorderTimer = null;
    },
    reload: resync,
    setView,
    toggleSort(key) {
      setView({ sort: toggledSort(state.view.sort, key) });
    },
    selectAgent(workNo) {
      if (workNo === state.selectedWorkNo) return;
      setState({ selectedWorkNo: workNo });
      selectionEchoes.sent(workNo);
      void bridge.invoke('agents.select', { workNo }).then((result) => {
        selectionEchoes.answered(workNo);
        if (!result.ok) {
          pushToast(errorToast(result.error));
        }
      });
    },
    applyInspection(inspection) {
      setState({ inspection });
    },
    applyPartial(patch) {
      setState(patch);
    },
    pushToast,
    dismissToast(id) {
      setState({ toasts: state.toasts.filter((toast) => toast.id !== id) });
    },
  };
}
