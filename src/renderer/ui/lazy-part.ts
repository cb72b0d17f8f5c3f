/**
 * Parts of the screen loaded on demand (sign-in, dialogs, wallboard): the first screen parses
 * less. A part renders through React.lazy (Suspense shows the fallback) until its module is
 * loaded; once loaded — opened once, or preloaded when the page is idle after its first paint —
 * it renders at once, with no Suspense round.
 */
import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyPart<Props> {
  (props: Props): ReactElement;
  /** Load the part's module now (idempotent). */
  preload(): Promise<void>;
}

const parts: Array<LazyPart<never>> = [];

export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): LazyPart<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const start = (): Promise<ComponentType<Props>> =>
    (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  const part = (props: Props): ReactElement =>
    createElement((loaded ?? Lazy) as ComponentType<Props>, props);
  part.preload = () => start().then(() => undefined);
  parts.push(part as LazyPart<never>);
  return part;
}

/** Load every part (the page does so when idle after its first paint; tests before rendering). */
export function preloadLazyParts(): Promise<void> {
  return Promise.all(parts.map((part) => part.preload())).then(() => undefined);
}
