/// <reference types="vite/client" />
// `window.inspector` is declared once, in src/shared/ipc/window-inspector.d.ts.
