import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// The cc-inspector command line (and the simulator it can start) as one Node ESM bundle.
// Runtime dependencies stay external and are resolved from node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
].map((name) => new RegExp(`^${name.replace('/', '\\/')}(\\/.*)?$`));

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: resolve('src/cli/index.ts') },
      output: { format: 'esm', entryFileNames: '[name].js' },
      external,
    },
  },
});
