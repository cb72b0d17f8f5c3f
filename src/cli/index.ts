/**
 * Entry point of the cc-inspector command line (bundled to out/cli/index.js, launched by
 * bin/cc-inspector.mjs): the real process as the CLI's environment. SIGINT, SIGTERM and SIGHUP
 * are caught from the first moment: the first asks the running command to release what it
 * started and sign out; a second one exits at once (the same signal repeated within
 * SAME_STOP_WITHIN_MS is the first one delivered twice).
 */
import { createKeyringCredentialStore } from '../main/credentials/keyring-credential-store';
import type { CliEnvironment } from './cli-context';
import { EXIT_CODE } from './cli-error';
import { createTranslator } from './cli-i18n';
import { resolveLanguageQuietly } from './cli-language';
import { runCli } from './program';
import {
  exitCodeOfSignal,
  SAME_STOP_WITHIN_MS,
  STOP_SIGNALS,
  type StopSignal,
} from './stop-signals';

const argv = process.argv.slice(2);
const listeners = new Set<(signal: StopSignal) => void>();
let signalsSeen = 0;
let firstSignal: { signal: StopSignal; at: number } | null = null;

// A closed terminal (SIGHUP) or a closed pipe must not turn the clean-up into a crash.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

for (const signal of STOP_SIGNALS) {
  process.on(signal, () => {
    // The same signal again within a moment is the same stop, delivered twice (to the process
    // and to its group, as GNU timeout and process managers do), not a second Ctrl+C.
    const now = performance.now();
    if (firstSignal?.signal === signal && now - firstSignal.at < SAME_STOP_WITHIN_MS) return;
    firstSignal ??= { signal, at: now };
    signalsSeen += 1;
    if (signalsSeen > 1 || listeners.size === 0) {
      if (signalsSeen > 1) {
        const t = createTranslator(resolveLanguageQuietly(argv, process.env));
        process.stderr.write(`${t('stop.forced')}\n`);
      }
      process.exit(exitCodeOfSignal(signal));
    }
    for (const listener of [...listeners]) listener(signal);
  });
}

const environment: CliEnvironment = {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  createCredentialStore: createKeyringCredentialStore,
  // Loaded when a command runs (its validation needs zod): `--help` never pays for it.
  readPolicy: async () => {
    const reader = await import('../main/policy/sources/system-policy-reader');
    return reader.readSystemPolicy(reader.systemPolicyPorts(process.env));
  },
  onStopSignal(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  // Loaded when a password is asked for: the prompt's module is not needed otherwise.
  promptPassword: async (question) =>
    (await import('./password-prompt')).promptHiddenPassword(
      question,
      process.stdin,
      process.stderr,
    ),
};

let exitCode: number;
try {
  exitCode = await runCli(argv, environment);
} catch (error) {
  process.stderr.write(
    `cc-inspector: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  exitCode = EXIT_CODE.internal;
}
if (signalsSeen > 0) {
  // Requests the signal cut short may still hold sockets open: leave once the output is out.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
} else process.exitCode = exitCode;
