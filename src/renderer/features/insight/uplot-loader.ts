/**
 * uPlot, loaded on first use. The library reads `matchMedia` when its module is evaluated,
 * which a page without layout (jsdom in the component tests) lacks; loading it only where a
 * chart is drawn keeps every other screen independent of it. Chromium has it in a few ms.
 */
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type UPlotConstructor = typeof uPlot;

/** Canvas charts cannot draw where there is no canvas (jsdom): the text alternative stays. */
export const canDrawCharts =
  typeof navigator !== 'undefined' &&
  !/jsdom/i.test(navigator.userAgent) &&
  typeof matchMedia === 'function';

let loading: Promise<UPlotConstructor> | null = null;

export function loadUPlot(): Promise<UPlotConstructor> {
  loading ??= import('uplot').then((module) => module.default);
  return loading;
}
