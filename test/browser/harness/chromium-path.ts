/**
 * Which Chromium the browser tests and the agent-table benchmark drive, and what to do when it
 * is missing (kept apart from browser.ts so the suite's global set-up loads no browser code).
 */
import { existsSync } from 'node:fs';

/** The Chromium the browser tests and the agent-table benchmark drive (Debian's by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What to do when there is no Chromium at `path`, as one paragraph; null when there is one.
 * `fromEnv` says whether the path came from CHROMIUM_PATH (then the variable is the culprit).
 */
export function missingChromiumHelp(
  path: string = CHROMIUM_PATH,
  fromEnv: boolean = process.env.CHROMIUM_PATH !== undefined,
): string | null {
  if (existsSync(path)) return null;
  const where = fromEnv ? `CHROMIUM_PATH=${path} names no file` : `there is none at ${path}`;
  return [
    'The browser tests drive the built screen in Chromium,',
    `and ${where}.`,
    'Install it with `apt-get install -y chromium fonts-liberation fonts-noto-cjk` (Debian/Ubuntu;',
    'the fonts make the screenshots readable in English and Chinese), or point CHROMIUM_PATH at a',
    'Chromium or Chrome binary you already have, e.g.',
    '`CHROMIUM_PATH=/opt/google/chrome/chrome npm run test:browser`.',
  ].join('\n');
}
