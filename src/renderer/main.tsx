/**
 * Entry point of the renderer: build the bridge, the store, i18n and the announcer, render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, NoBridgeScreen } from './app';
import { createBridge, findInspectorApi } from './bridge';
import { createI18n, guessLanguage } from './i18n/i18n';
import { createAppStore } from './store/app-store';
import { createAnnouncer } from './ui/announcer';
import { preloadLazyParts } from './ui/lazy-part';
import './styles/theme.css';
import './styles/base.css';
import './styles/widgets.css';
import './styles/layout.css';
import './styles/glance.css';
import './styles/agent-grid.css';
import './styles/panels.css';
import './styles/coaching.css';
import './styles/insight.css';
import './styles/wallboard.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const root = createRoot(container);
const i18n = createI18n(guessLanguage(navigator.languages));
const api = findInspectorApi();

// The parts loaded on demand (sign-in, dialogs, wallboard) load once the first screen and its
// agents are up, so opening one later is instant and the start does not wait for them.
const whenIdle = (callback: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2_000 });
  else setTimeout(callback, 500);
};

if (api === null) {
  root.render(<NoBridgeScreen i18n={i18n} />);
} else {
  const bridge = createBridge(api);
  const store = createAppStore(bridge);
  void store.start().then(() => whenIdle(() => void preloadLazyParts()));
  root.render(
    <StrictMode>
      <App
        store={store}
        bridge={bridge}
        i18n={i18n}
        announcer={createAnnouncer()}
        wallboard={window.location.hash === '#wallboard'}
      />
    </StrictMode>,
  );
}
