/**
 * The SQLite engine of the coaching file for Node and Electron's main process: sql.js 1.16
 * (SQLite compiled to WebAssembly), its .wasm read from the installed package — inside the
 * app's asar archive too, which Electron's fs reads transparently. Loaded and compiled once per
 * process, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | null = null;

/** The sql.js module, loaded and compiled on first use. */
export function loadSqlJsEngine(): Promise<SqlJsStatic> {
  engine ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const bytes = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    // Loaded here, not at the top: the coaching file opens after sign-in, so the app's start
    // does not wait for this module.
    const { default: initSqlJs } = await import('sql.js');
    return initSqlJs({ wasmBinary: bytes as ArrayBuffer });
  })();
  // A failed load is not cached: the next caller tries again.
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
