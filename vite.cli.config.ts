import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// The cc-inspector command line (and the simulator it can start) as a Node ESM bundle.
// Runtime dependencies stay external and are resolved from node_modules — except in the
// standalone build (CC_INSPECTOR_CLI_STANDALONE=1, out/cli-standalone) that the packaged app
// ships in its resources: there every JavaScript dependency is bundled in, and only the
// keychain's native module is loaded from the app's unpacked node_modules (NODE_PATH, set by
// the launchers in resources/cli).
const standalone = process.env.CC_INSPECTOR_CLI_STANDALONE === '1';
const externalNames = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...(standalone ? ['@napi-rs/keyring'] : Object.keys(pkg.dependencies)),
];
const external = externalNames.map((name) => new RegExp(`^${name.replace('/', '\\/')}(\\/.*)?$`));

export default defineConfig({
  ssr: standalone ? { noExternal: true } : undefined,
  build: {
    ssr: true,
    target: 'node20',
    outDir: standalone ? 'out/cli-standalone' : 'out/cli',
    emptyOutDir: true,
    sourcemap: !standalone,
    rollupOptions: {
      input: { index: resolve('src/cli/index.ts') },
      output: { format: 'esm', entryFileNames: '[name].js' },
      external,
    },
  },
});
