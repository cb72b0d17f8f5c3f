/**
 * How the agent grid's virtualizer meets its scroll viewport without forcing layouts. The
 * library's own adapters read clientWidth/clientHeight and call scrollTo(0) when the grid
 * mounts; each makes Chromium lay out the whole new screen in the middle of React's commit,
 * and whatever changes after that is styled and laid out a second time. Here the first render
 * keeps the virtualizer's `initialRect` guess, a ResizeObserver reports the real size once the
 * browser has done its own layout, and a scroll to where a fresh viewport already is is skipped.
 * When the guess was generous (the usual case) the extra rows it drew are out of sight, and the
 * real size is handed over after the first paint rather than re-rendering before it.
 */
import {
  elementScroll,
  type Rect,
  type VirtualizerOptions,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { whenFirstPaintDone } from '../../ui/first-paint';

type GridVirtualizer = Virtualizer<HTMLDivElement, Element>;
type ScrollTo = VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'];

/** Viewports that were scrolled at least once (by the user or by us). */
const movedViewports = new WeakSet<Element>();

/** The visible part of a scroll element, in whole px (the library's convention). */
function readViewport(element: Element): Rect {
  return { width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) };
}

/** `observeElementRect` for useVirtualizer that never forces a layout. */
export function observeViewportLazily(
  instance: GridVirtualizer,
  report: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const markMoved = (): void => void movedViewports.add(element);
  element.addEventListener('scroll', markMoved, { passive: true, once: true });
  const targetWindow = element.ownerDocument.defaultView;
  if (!targetWindow?.ResizeObserver) {
    // No ResizeObserver (jsdom): read the size now, as the library does.
    report(readViewport(element));
    return () => element.removeEventListener('scroll', markMoved);
  }
  // Called after layout, before paint: reading client sizes there costs nothing extra.
  let first = true;
  const observer = new targetWindow.ResizeObserver(() => {
    const rect = readViewport(element);
    const guessed = instance.options.initialRect;
    if (first && guessed !== undefined && rect.height <= guessed.height) {
      first = false;
      whenFirstPaintDone(() => report(readViewport(element)));
      return;
    }
    first = false;
    report(rect);
  });
  observer.observe(element, { box: 'content-box' });
  return () => {
    observer.disconnect();
    element.removeEventListener('scroll', markMoved);
  };
}

/** `scrollToFn` for useVirtualizer: skips the mount-time scroll to 0 of a viewport still at 0. */
export const scrollViewportLazily: ScrollTo = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (!element) return;
  if (offset + (options.adjustments ?? 0) === 0 && !movedViewports.has(element)) return;
  movedViewports.add(element);
  elementScroll(offset, options, instance);
};
