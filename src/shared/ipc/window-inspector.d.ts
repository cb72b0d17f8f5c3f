/**
 * The one declaration of `window.inspector`, the preload's API (see contract.ts). Optional
 * because the page can also be opened outside the app; then the screen says so instead of
 * failing. Both programs (node: preload and test bindings; web: renderer) include src/shared.
 */
import type { InspectorApi } from './contract';

declare global {
  interface Window {
    inspector?: InspectorApi;
  }
}

export {};
