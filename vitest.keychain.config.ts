import { defineConfig } from 'vitest/config';

// Keychain suite: runs inside scripts/with-keychain.sh, which starts a private D-Bus session
// and an unlocked gnome-keyring so the real Secret Service is exercised.
export default defineConfig({
  test: {
    name: 'keychain',
    globals: true,
    environment: 'node',
    include: ['test/keychain/**/*.test.ts'],
    globalSetup: ['test/keychain/require-keychain-sandbox.ts'],
    testTimeout: 20_000,
  },
});
