import '@testing-library/jest-dom/vitest';

// Layout choices the window remembers (ui/remembered-flag.ts) do not carry from test to test.
// (This file is type-checked without the DOM library: reach jsdom's storage through globalThis.)
afterEach(() => {
  (globalThis as { localStorage?: { clear(): void } }).localStorage?.clear();
});
