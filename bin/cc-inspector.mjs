#!/usr/bin/env node
// Thin launcher: the command line is built by `npm run build` into out/cli.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../out/cli/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('cc-inspector is not built yet: run `npm run build` first.');
  process.exit(2);
}
await import(pathToFileURL(entry).href);
