/**
 * The page's CSP forbids eval, so zod is told not to compile validators with `new Function`:
 * its probe for eval would be refused and reported as a CSP violation on every start. Imported
 * first by main.tsx, before any schema parses.
 */
import { config } from 'zod';

config({ jitless: true });
