/**
 * Starts the cold-start child (cold-start-child.ts) the way Electron starts a main bundle: no
 * TypeScript loader in the way. The boot test's stand-in registers tsx for the whole process,
 * so every module the bundle loads — and every `require` inside electron-store, ajv, … — went
 * through tsx's hooks, a cost Electron does not have (a quarter of the main half in a
 * profile). Here only the child and the Electron stand-in are compiled by tsx (a scoped
 * `tsImport`); the bundle is imported natively, with `electron` mapped to the stand-in.
 *
 * Run: node bench/lib/cold-start-launcher.mjs --demo   (or --empty for the floor)
 */
import { register } from 'node:module';
import { tsImport } from 'tsx/esm/api';

/** Called by the child once the stand-in is on globalThis, before its clock starts. */
globalThis.__ccPrepareNativeImport = () => {
  register('./electron-shim-hook.mjs', import.meta.url, {
    data: { names: Object.keys(globalThis.__ccElectronFake) },
  });
};
/** An import outside tsx's scope: the bundle is loaded as Electron would load it. */
globalThis.__ccImportNative = (url) => import(url);

await tsImport('./cold-start-child.ts', import.meta.url);
