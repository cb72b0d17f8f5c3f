/**
 * Renders the whole screen (or one part of it) over a fake `window.inspector`, with frames
 * flushed synchronously so tests see deltas at once.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppSnapshot, Language } from '../../../src/shared/domain';
import { App } from '../../../src/renderer/app';
import { createBridge, type Bridge } from '../../../src/renderer/bridge';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import {
  createAppStore,
  type AppStore,
  type StoreOptions,
} from '../../../src/renderer/store/app-store';
import { StoreProvider } from '../../../src/renderer/store/store-context';
import { createAnnouncer, type Announcer } from '../../../src/renderer/ui/announcer';
import { AnnouncerProvider } from '../../../src/renderer/ui/announcer-context';
import { preloadLazyParts } from '../../../src/renderer/ui/lazy-part';
import { createFakeInspector, type FakeInspector } from './fake-inspector';
import { makeSnapshot } from './fixtures';

export interface Rendered extends RenderResult {
  api: FakeInspector;
  store: AppStore;
  bridge: Bridge;
  announcer: Announcer;
}

export interface RenderOptions {
  snapshot?: AppSnapshot;
  language?: Language;
  storeOptions?: StoreOptions;
  /** Render only this element inside the providers (default: the whole app). */
  element?: ReactElement;
  /** Set handlers on the fake before the store starts. */
  prepare?: (api: FakeInspector) => void;
  /**
   * Render as soon as the screen's answer is in, not waiting for the agents (the start's
   * second half; hold it with `storeOptions.afterScreenShown`).
   */
  screenOnly?: boolean;
}

/** Make the virtualized grid think it has a 600 px tall viewport (jsdom has no layout). */
export function giveElementsSize(height = 600, width = 1200): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    if (saved.clientHeight) Object.defineProperty(proto, 'clientHeight', saved.clientHeight);
    if (saved.clientWidth) Object.defineProperty(proto, 'clientWidth', saved.clientWidth);
  };
}

/** giveElementsSize for every test of the calling file, put back after each. */
export function giveElementsSizeInEachTest(height = 600, width = 1200): void {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = giveElementsSize(height, width);
  });
  afterEach(() => restore());
}

function untilScreenAnswered(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (store.getState().boot.status === 'loading') return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

/** Start a store over a fake, wait for its snapshot, and render. */
export async function renderApp(options: RenderOptions = {}): Promise<Rendered> {
  const snapshot = options.snapshot ?? makeSnapshot();
  const api = createFakeInspector(snapshot);
  options.prepare?.(api);
  const bridge = createBridge(api);
  const store = createAppStore(bridge, {
    scheduleFrame: (callback) => callback(),
    ...options.storeOptions,
  });
  const i18n = createI18n(options.language ?? snapshot.settings.language);
  const announcer = createAnnouncer({ minIntervalMs: 0 });
  const started = store.start();
  await act(async () => {
    if (!options.screenOnly) await started;
    else await untilScreenAnswered(store);
  });
  const ui = options.element ? (
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store} bridge={bridge}>
        <AnnouncerProvider announcer={announcer}>{options.element}</AnnouncerProvider>
      </StoreProvider>
    </I18nextProvider>
  ) : (
    <App store={store} bridge={bridge} i18n={i18n} announcer={announcer} />
  );
  // The parts the app loads on demand are loaded first: a test sees what a user sees once the
  // page is idle (see ui/lazy-part.ts).
  await preloadLazyParts();
  const result = render(ui);
  return { ...result, api, store, bridge, announcer };
}
