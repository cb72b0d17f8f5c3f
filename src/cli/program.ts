/**
 * The cc-inspector command line: builds the commander program, runs it against an injected
 * environment and returns the exit code. src/cli/index.ts wires it to the real process.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import type { CliEnvironment } from './cli-context';
import { createUsageError, EXIT_CODE, type ExitCode } from './cli-error';
import { createTranslator, useLanguage } from './cli-i18n';
import { resolveLanguageQuietly } from './cli-language';
import { localizeProgram, translateCommanderError } from './help-language';
import { createCommandHost, type CommandHost } from './commands/command-host';
import { registerCoachingCommands } from './commands/coaching-commands';
import { registerDoctorCommand } from './commands/doctor-command';
import { registerDeploymentCommands } from './commands/deployment-commands';
import { registerListCommands } from './commands/list-commands';
import { registerLoginCommands } from './commands/login-commands';
import { registerQcCommands } from './commands/qc-commands';
import { registerSessionCommand } from './commands/session-command';
import { registerSimulatorCommand } from './commands/simulator-command';
import { registerStatsCommand } from './commands/stats-command';
import { CliOutput } from './output';

/** Builds the program with every command bound to `host`. */
export function createProgram(host: CommandHost): Command {
  const { t } = host;
  const program = new Command('cc-inspector')
    .description(t('help.command.program'))
    .version(version, '-V, --version', t('help.option.version'))
    .showHelpAfterError(t('help.afterError'))
    .addHelpText('after', `\n${t('help.footer')}`)
    .configureOutput({
      writeOut: (text) => host.environment.stdout.write(text),
      writeErr: (text) => host.environment.stderr.write(text),
      outputError: (text, write) => write(`${translateCommanderError(text, t)}\n`),
    })
    .exitOverride();
  registerSimulatorCommand(program, host);
  registerDoctorCommand(program, host);
  registerListCommands(program, host);
  registerStatsCommand(program, host);
  registerQcCommands(program, host);
  registerCoachingCommands(program, host);
  registerSessionCommand(program, host);
  registerLoginCommands(program, host);
  registerDeploymentCommands(program, host);
  for (const command of program.commands)
    command.exitOverride().configureOutput(program.configureOutput());
  localizeProgram(program, t);
  return program;
}

/** Runs cc-inspector with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<ExitCode> {
  const language = safeLanguage(argv, environment);
  useLanguage(language);
  const t = createTranslator(language);
  const host = createCommandHost(environment, t);
  const program = createProgram(host);
  // `help <name>` of a command that does not exist is an error, not the whole help.
  if (
    argv[0] === 'help' &&
    argv[1] !== undefined &&
    !program.commands.some((c) => c.name() === argv[1])
  ) {
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
        createUsageError(
          translateCommanderError(error.message, t).replace(/^(error|错误)(: |：)/, ''),
        ),
        argv.find((word) => !word.startsWith('-')) ?? 'cc-inspector',
      );
    }
    return EXIT_CODE.usage;
  }
  return host.exitCode;
}

function safeLanguage(argv: readonly string[], environment: CliEnvironment) {
  return resolveLanguageQuietly(argv, environment.env);
}
