import { defineConfig } from 'vitest/config';

// Browser suite: the built renderer in Debian's Chromium, driven by the real supervisor core
// against the simulator through the test-only WebSocket binding of the contract.
export default defineConfig({
  test: {
    name: 'browser',
    globals: true,
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/harness/require-chromium.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
