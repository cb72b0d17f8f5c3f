/**
 * The preload of the main window (sandboxed; bundled into one CommonJS file that requires only
 * `electron`). It exposes `window.inspector` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createInspectorApi } from './inspector-api';

contextBridge.exposeInMainWorld('inspector', createInspectorApi(ipcRenderer));
