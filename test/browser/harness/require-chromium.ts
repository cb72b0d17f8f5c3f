/**
 * Global set-up of the browser suite: without a Chromium to drive, say once what to install
 * and stop, instead of one stack trace per test file.
 */
import { missingChromiumHelp } from './chromium-path';

export default function requireChromium(): void {
  const missing = missingChromiumHelp();
  if (!missing) return;
  process.stderr.write(`\n${missing}\n\n`);
  process.exit(1);
}
