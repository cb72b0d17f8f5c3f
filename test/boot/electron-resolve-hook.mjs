/**
 * Node module-resolution hook for the boot test: `import ... from 'electron'` resolves to the
 * Electron fake (test/support/fakes/electron.ts, compiled by tsx), as if Electron ran the bundle.
 */
import { URL } from 'node:url';

const fakeUrl = new URL('../support/fakes/electron.ts', import.meta.url).href;

/** Resolve 'electron' to the fake (through the next hooks, so tsx compiles it); the rest as usual. */
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier === 'electron' ? fakeUrl : specifier, context);
}
