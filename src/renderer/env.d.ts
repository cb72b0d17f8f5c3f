/// <reference types="vite/client" />
/**
 * The renderer's view of the preload: `window.inspector` is the only way to main. Optional
 * because the page may be opened outside the app (then the screen says so instead of failing).
 */
import type { InspectorApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    inspector?: InspectorApi;
  }
}

export {};
