/**
 * The cc-inspector command line: builds the commander program, runs it against an injected
 * environment and returns the exit code. src/cli/index.ts wires it to the real process.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import type { CliEnvironment } from './cli-context';
import { createUsageError, EXIT_CODE, type ExitCode } from './cli-error';
import { createTranslator } from './cli-i18n';
import { resolveLanguage } from './cli-language';
import { createCommandHost, type CommandHost } from './commands/command-host';
import { registerDoctorCommand } from './commands/doctor-command';
import { registerListCommands } from './commands/list-commands';
import { registerLoginCommands } from './commands/login-commands';
import { registerQcCommands } from './commands/qc-commands';
import { registerSessionCommand } from './commands/session-command';
import { registerSimulatorCommand } from './commands/simulator-command';
import { registerStatsCommand } from './commands/stats-command';
import { CliOutput } from './output';

const HELP_FOOTER = `
Connection: --gateway, --agent and --phone, or CC_INSPECTOR_GATEWAY, CC_INSPECTOR_AGENT, CC_INSPECTOR_PHONE
(also CC_INSPECTOR_CA, CC_INSPECTOR_PIN). Password, first match: --password-stdin, CC_INSPECTOR_PASSWORD,
the OS keychain (store it with \`cc-inspector login --remember --password-stdin\`).

Exit codes: 0 success, 1 the gateway refused, 2 bad usage or input, 3 network/TLS, 4 sign-in or session lost,
70 internal error. Failures print the retcode and message on stderr (and a JSON object on stdout with --json).`;

/** Builds the program with every command bound to `host`. */
function createProgram(host: CommandHost): Command {
  const program = new Command('cc-inspector')
    .description(
      'Supervise a Huawei CC-Gateway contact center from the command line: listen, barge, whisper, intercept, queues, diagnostics.',
    )
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', HELP_FOOTER)
    .configureOutput({
      writeOut: (text) => host.environment.stdout.write(text),
      writeErr: (text) => host.environment.stderr.write(text),
    })
    .exitOverride();
  registerSimulatorCommand(program, host);
  registerDoctorCommand(program, host);
  registerListCommands(program, host);
  registerStatsCommand(program, host);
  registerQcCommands(program, host);
  registerSessionCommand(program, host);
  registerLoginCommands(program, host);
  for (const command of program.commands)
    command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Runs cc-inspector with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<ExitCode> {
  const host = createCommandHost(environment);
  const program = createProgram(host);
  // `help <name>` of a command that does not exist is an error, not the whole help.
  if (
    argv[0] === 'help' &&
    argv[1] !== undefined &&
    !program.commands.some((c) => c.name() === argv[1])
  ) {
    const t = createTranslator(safeLanguage(argv, environment));
    environment.stderr.write(`${t('usage.unknownHelpTopic', { name: argv[1] })}\n`);
    return EXIT_CODE.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return EXIT_CODE.ok;
    // commander printed the message already; with --json a script also gets the object.
    if (argv.includes('--json')) {
      const output = new CliOutput(
        { stdout: environment.stdout, stderr: { write: () => true } },
        true,
        safeLanguage(argv, environment),
      );
      output.printFailure(
        createUsageError(error.message.replace(/^error: /, '')),
        argv.find((word) => !word.startsWith('-')) ?? 'cc-inspector',
      );
    }
    return EXIT_CODE.usage;
  }
  return host.exitCode;
}

function safeLanguage(argv: readonly string[], environment: CliEnvironment) {
  try {
    const index = argv.indexOf('--lang');
    return resolveLanguage(index >= 0 ? argv[index + 1] : undefined, environment.env);
  } catch {
    return 'en';
  }
}
