#!/usr/bin/env node
// `npm run build:cli`: builds the command line (out/cli) with vite, unless the bundle is newer
// than every file it is made of — then it says so and leaves it (fast, and safe while tests run it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Everything the CLI bundle is made of (the renderer and the desktop shell are not). */
export const CLI_SOURCES = [
  'src/cli',
  'src/main/control',
  'src/main/gateway',
  'src/main/credentials',
  'src/main/policy',
  'src/main/diagnostics',
  'src/main/supervisor',
  'src/shared',
  'src/simulator',
  'vite.cli.config.ts',
  'package.json',
];

function newest(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// --standalone: the packaged app's bundle (out/cli-standalone, every dependency inside), always built.
if (process.argv.includes('--standalone')) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CC_INSPECTOR_CLI_STANDALONE: '1' } },
  );
  process.exit(result.status ?? 1);
}

const built = statSync(join(root, 'out/cli/index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built > Math.max(...CLI_SOURCES.map((source) => newest(join(root, source))))) {
  process.stdout.write('cc-inspector: the command-line bundle (out/cli) is up to date.\n');
} else {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exit(result.status ?? 1);
}
