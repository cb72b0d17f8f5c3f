/**
 * `node --import ./test/boot/register-electron-stand-in.mjs …`: TypeScript through tsx, and
 * `electron` through the resolve hook, for a child process that loads the built main bundle.
 */
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
register('./electron-resolve-hook.mjs', import.meta.url);
