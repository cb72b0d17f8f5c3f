/**
 * The agent grid: ARIA grid pattern over a virtualized list (only the rows on screen exist in
 * the DOM, so 10,000 agents scroll smoothly). Selection follows the keyboard (arrows,
 * Home/End, PageUp/PageDown, type-to-find) and the mouse; one row holds the roving tabindex
 * and is always kept mounted so focus never falls out of the grid while scrolling.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../store/clock';
import { scheduleAfterPaint } from '../../store/frame-scheduling';
import { useAppState, useStore } from '../../store/store-context';
import { useFirstPaintDone } from '../../ui/first-paint';
import { AGENT_COLUMNS } from './agent-columns';
import { AgentRowMemo } from './agent-row';
import { AgentTableHeader } from './agent-table-header';
import { createTypeAhead, findByPrefix, moveIndex } from './grid-navigation';
import { RowLabelsProvider } from './row-labels';
import { useRowHeight } from './use-row-height';
import { observeViewportLazily, scrollViewportLazily } from './virtual-viewport';

/** The virtualized, keyboard-driven agent grid. */
export function AgentTable() {
  const { t } = useTranslation();
  const store = useStore();
  const labelId = useId();
  const ids = useAppState((state) => state.summary.ids);
  const total = useAppState((state) => state.summary.total);
  const selectedWorkNo = useAppState((state) => state.selectedWorkNo);
  // The rows' data and the clock reach the rows from here (one subscription each for the
  // whole table, not two per row); memoised rows whose data did not change skip rendering.
  const rows = useAppState((state) => state.roster.rows);
  const arriving = useAppState((state) => state.roster.arriving);
  useAppState((state) => state.roster.revision); // re-render when rows changed in place
  const now = useNow();
  const rowHeight = useRowHeight();
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusRequest = useRef<string | null>(null);
  const typeAhead = useMemo(() => createTypeAhead(), []);
  const settled = useFirstPaintDone();
  const rowsShown = useRowsShown(ids.length > 0);

  const selectedIndex = useMemo(
    () => (selectedWorkNo === null ? -1 : ids.indexOf(selectedWorkNo)),
    [ids, selectedWorkNo],
  );
  const tabbableIndex = selectedIndex >= 0 ? selectedIndex : 0;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (tabbableIndex < range.count && !indexes.includes(tabbableIndex)) {
        indexes.push(tabbableIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [tabbableIndex],
  );

  // The app does not use the React Compiler; the virtualizer is read afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    // While the announced agents are on their way the list is already as long as they will
    // be: the scrollbar is right from the start, and the 10,000 positions are worked out
    // before the agents come, not in the frame that first paints them.
    count: ids.length === 0 && arriving !== null ? arriving : ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // No getItemKey: rows are one fixed height and React keys them by workNo itself, so the
    // virtualizer's 10,000 positions are worked out once per list length, not per new order.
    // Rows beyond the viewport (overscan) wait until the screen and its first rows have painted.
    overscan: settled && rowsShown ? 3 : 0,
    rangeExtractor,
    // A generous first guess of the viewport (the chrome above the grid is taller than 260 px),
    // so the first frame already has every visible row; the real size comes from a
    // ResizeObserver after the browser's own layout instead of a layout forced mid-commit.
    initialRect: {
      width: window.innerWidth,
      height: Math.max(rowHeight * 10, window.innerHeight - 260),
    },
    observeElementRect: observeViewportLazily,
    scrollToFn: scrollViewportLazily,
  });

  // Keep the selected agent in view when the selection changes (keyboard, glance bar, tray),
  // but not when the list merely reorders under a supervisor who scrolled elsewhere.
  const revealSelection = useEffectEvent(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  });
  useEffect(() => revealSelection(), [selectedWorkNo]);

  // Move DOM focus after a keyboard move, once the row is rendered.
  useEffect(() => {
    const wanted = focusRequest.current;
    if (wanted === null || wanted !== selectedWorkNo) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-workno="${wanted}"]`);
    if (element) {
      focusRequest.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const pick = useCallback((workNo: string) => store.selectAgent(workNo), [store]);

  function moveTo(index: number): void {
    const workNo = ids[index];
    if (workNo === undefined) return;
    focusRequest.current = workNo;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (workNo === selectedWorkNo) {
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-workno="${workNo}"]`)
        ?.focus({ preventScroll: true });
    } else store.selectAgent(workNo);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pageSize = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1,
    );
    const next = moveIndex(event.key, selectedIndex, ids.length, pageSize);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    if (event.key.length === 1 && (event.key !== ' ' || selectedIndex >= 0)) {
      const prefix = typeAhead.push(event.key);
      if (prefix.trim() === '') return;
      event.preventDefault();
      const found = findByPrefix(
        ids,
        (workNo) => store.getState().roster.rows.get(workNo),
        selectedIndex,
        prefix,
      );
      if (found >= 0) moveTo(found);
    }
  }

  const items = virtualizer.getVirtualItems();
  const gridStyle = { '--row-height': `${rowHeight}px` } as CSSProperties;

  return (
    <RowLabelsProvider>
      <div className="agent-grid-frame">
        <h2 id={labelId} className="visually-hidden">
          {t('agents.gridLabel')}
        </h2>
        <div
          role="grid"
          className="agent-grid"
          aria-labelledby={labelId}
          aria-rowcount={ids.length + 1}
          aria-colcount={AGENT_COLUMNS.length}
          aria-multiselectable="false"
          style={gridStyle}
          onKeyDown={onKeyDown}
        >
          <AgentTableHeader />
          <div ref={scrollRef} className="agent-grid-scroll" data-testid="agent-grid-scroll">
            <div
              role="rowgroup"
              className="agent-grid-body"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {items.map((item) => {
                const workNo = ids[item.index];
                if (workNo === undefined) return null;
                return (
                  <AgentRowMemo
                    key={workNo}
                    workNo={workNo}
                    row={rows.get(workNo)}
                    now={now}
                    index={item.index}
                    offset={item.start}
                    selected={item.index === selectedIndex}
                    tabbable={item.index === tabbableIndex}
                    onPick={pick}
                  />
                );
              })}
            </div>
          </div>
        </div>
        {ids.length === 0 ? <AgentTableEmpty filtered={total > 0} arriving={arriving} /> : null}
      </div>
    </RowLabelsProvider>
  );
}

/** False until rows have been on the glass once (set just after the paint that showed them). */
function useRowsShown(hasRows: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || !hasRows) return;
    let live = true;
    scheduleAfterPaint(() => {
      if (live) setShown(true);
    });
    return () => {
      live = false;
    };
  }, [shown, hasRows]);
  return shown;
}

function AgentTableEmpty(props: { filtered: boolean; arriving: number | null }) {
  const { t } = useTranslation();
  const store = useStore();
  if (props.arriving !== null) {
    return (
      <div className="empty-state" role="status" aria-busy="true">
        <p className="empty-title">{t('agents.arrivingTitle', { count: props.arriving })}</p>
        <p>{t('agents.arrivingBody')}</p>
      </div>
    );
  }
  if (!props.filtered) {
    return (
      <div className="empty-state">
        <p className="empty-title">{t('agents.emptyTitle')}</p>
        <p>{t('agents.emptyBody')}</p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p className="empty-title">{t('agents.noMatchTitle')}</p>
      <button
        type="button"
        className="button"
        onClick={() => store.setView({ search: '', states: [], group: null })}
      >
        {t('agents.clearFilters')}
      </button>
    </div>
  );
}
