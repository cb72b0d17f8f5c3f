import type { Rect, Virtualizer } from '@tanstack/react-virtual';

type GridVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** The two adapters loaded afresh, with or without idle callbacks in the "browser". */
async function load(withIdleCallbacks: boolean) {
  const idle: Array<() => void> = [];
  vi.resetModules();
  if (withIdleCallbacks)
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  const viewport = await import('./virtual-viewport');
  return { ...viewport, runIdle: () => idle.splice(0).forEach((callback) => callback()) };
}

/** A scroll element of the given client size, and a stand-in for the virtualizer around it. */
function makeViewport(height: number, guessedHeight = 500) {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => 900 });
  element.scrollTo = vi.fn() as unknown as typeof element.scrollTo;
  const instance = {
    scrollElement: element,
    options: {
      initialRect: { width: 900, height: guessedHeight },
      horizontal: false,
      isRtl: false,
    },
  };
  return { element, instance: instance as unknown as GridVirtualizer };
}

/** A ResizeObserver whose callback the test fires (after "layout"). */
function installResizeObserver(): { fire(): void } {
  const callbacks: Array<() => void> = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        callbacks.push(callback);
      }
      observe(): void {}
      disconnect(): void {}
    },
  );
  return { fire: () => callbacks.forEach((callback) => callback()) };
}

afterEach(() => vi.unstubAllGlobals());

describe('scrollViewportLazily', () => {
  it('skips the mount-time scroll to the top of a fresh viewport, and no other scroll', async () => {
    const { scrollViewportLazily } = await load(false);
    const { element, instance } = makeViewport(400);
    scrollViewportLazily(0, { adjustments: 0, behavior: 'auto' }, instance);
    expect(element.scrollTo).not.toHaveBeenCalled();
    scrollViewportLazily(300, { adjustments: 0, behavior: 'auto' }, instance);
    scrollViewportLazily(0, { adjustments: 0, behavior: 'auto' }, instance);
    expect(element.scrollTo).toHaveBeenCalledTimes(2);
    expect(element.scrollTo).toHaveBeenLastCalledWith({ top: 0, behavior: 'auto' });
  });

  it('scrolls back to the top once the supervisor has scrolled the viewport', async () => {
    const { observeViewportLazily, scrollViewportLazily } = await load(false);
    const { element, instance } = makeViewport(400);
    observeViewportLazily(instance, () => {});
    element.dispatchEvent(new Event('scroll'));
    scrollViewportLazily(0, { adjustments: 0, behavior: 'auto' }, instance);
    expect(element.scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'auto' });
  });
});

describe('observeViewportLazily', () => {
  it('reads nothing at mount: the real size comes from the ResizeObserver after layout', async () => {
    const observer = installResizeObserver();
    const { observeViewportLazily } = await load(false);
    const { instance } = makeViewport(620);
    const reports: Rect[] = [];
    observeViewportLazily(instance, (rect) => reports.push(rect));
    expect(reports).toEqual([]);
    observer.fire();
    // Taller than the guess: rows are missing, so the size is reported at once.
    expect(reports).toEqual([{ width: 900, height: 620 }]);
  });

  it('hands over a smaller real size only after the first paint (the extra rows are out of sight)', async () => {
    const observer = installResizeObserver();
    const { observeViewportLazily, runIdle } = await load(true);
    const { instance } = makeViewport(470);
    const reports: Rect[] = [];
    observeViewportLazily(instance, (rect) => reports.push(rect));
    observer.fire();
    expect(reports).toEqual([]);
    runIdle();
    expect(reports).toEqual([{ width: 900, height: 470 }]);
    // Later resizes are reported as they happen.
    observer.fire();
    expect(reports).toHaveLength(2);
  });

  it('reads the size at once where there is no ResizeObserver', async () => {
    const { observeViewportLazily } = await load(false);
    const { instance } = makeViewport(300);
    const reports: Rect[] = [];
    observeViewportLazily(instance, (rect) => reports.push(rect));
    expect(reports).toEqual([{ width: 900, height: 300 }]);
  });
});
