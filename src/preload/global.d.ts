/**
 * `window.inspector` for code that runs in the window. Optional, as in the renderer's own
 * declaration (src/renderer/env.d.ts), because the page can also be opened outside the app;
 * the two declarations must stay identical if a program ever includes both.
 */
import type { InspectorApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    inspector?: InspectorApi;
  }
}

export {};
