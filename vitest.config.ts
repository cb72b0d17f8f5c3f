import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const electronFake = fileURLToPath(new URL('./test/support/fakes/electron.ts', import.meta.url));

// Unit, component and integration suites. Browser (Chromium) and keychain (Secret Service)
// suites have their own configs because they need external processes.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { electron: electronFake } },
        test: {
          name: 'node',
          globals: true,
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/boot/**/*.test.ts',
            'test/faults/**/*.test.ts',
            'test/contract/**/*.test.ts',
            'test/security/**/*.test.ts',
            'test/first-run/**/*.test.ts',
            'test/docs/**/*.test.ts',
          ],
          exclude: ['src/renderer/**'],
          server: { deps: { inline: ['electron-store', 'electron-log'] } },
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          globals: true,
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-renderer.ts'],
        },
      },
    ],
  },
});
