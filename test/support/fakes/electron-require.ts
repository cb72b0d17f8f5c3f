/**
 * Makes CommonJS `require('electron')` (electron-log/main does one) return the Electron fake.
 * vitest's alias only rewrites ES imports; Node's require would load the real package, which
 * throws without a downloaded binary. Import this before any module that requires electron.
 */
import { createRequire, Module } from 'node:module';
import electron from './electron';

const require = createRequire(import.meta.url);
const electronPath = require.resolve('electron');
const stub = new Module(electronPath);
stub.filename = electronPath;
stub.loaded = true;
stub.exports = electron;
require.cache[electronPath] = stub;
