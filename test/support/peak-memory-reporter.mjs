/**
 * Preloaded into a child Node process (`NODE_OPTIONS=--import …`): when the process exits it
 * writes its peak resident set size (bytes) to the file named by CC_INSPECTOR_PEAK_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const target = process.env.CC_INSPECTOR_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
