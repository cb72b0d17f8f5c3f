/**
 * Entry point of the cc-inspector command line (bundled to out/cli/index.js, launched by
 * bin/cc-inspector.mjs): the real process as the CLI's environment.
 */
import { createKeyringCredentialStore } from '../main/credentials/keyring-credential-store';
import type { CliEnvironment } from './cli-context';
import { EXIT_CODE } from './cli-error';
import { runCli } from './program';
import { readSystemPolicy, systemPolicyPorts } from '../main/policy/sources/system-policy-reader';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

const environment: CliEnvironment = {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  createCredentialStore: createKeyringCredentialStore,
  readPolicy: () => readSystemPolicy(systemPolicyPorts(process.env)),
  onStopSignal(listener) {
    for (const signal of STOP_SIGNALS) process.on(signal, listener);
    return () => {
      for (const signal of STOP_SIGNALS) process.off(signal, listener);
    };
  },
};

try {
  process.exitCode = await runCli(process.argv.slice(2), environment);
} catch (error) {
  process.stderr.write(
    `cc-inspector: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = EXIT_CODE.internal;
}
