/**
 * `session`: one signed-in inspector session driven by standard input, one command per line,
 * one result per line, under the app's action rules (session-core.ts). The event poll runs
 * meanwhile so the session stays alive and rotated session keys are adopted. EOF, `quit` or a
 * stop signal end any running inspection and sign out; a refused sign-out is a non-zero exit.
 * With --password-stdin the first line is the password and the commands follow. With --serve
 * the session is also offered on the local control endpoint (one-off `cc-inspector switch` …,
 * macro keys) and runs until a signal, `quit` or `session.signOut`; end of input does not end it.
 */
import type { Command } from 'commander';
import { controlLocationOfThisProcess } from '../../main/control/control-location';
import type { ControlServer } from '../../main/control/control-server';
import type { CommandContext, InspectorSession } from '../cli-context';
import { CliError, createUsageError, EXIT_CODE, type ExitCode } from '../cli-error';
import { SERVED_COMMANDS } from '../session-core';
import { parseSessionLine } from '../session-line-parser';
import { SessionRunner, type SessionReply } from '../session-runner';
import { addConnectionOptions, type CommandHost } from './command-host';
import { formatEventLine } from './list-commands';

const STOP = Symbol('stop');

/** Registers the session command. */
export function registerSessionCommand(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program
      .command('session')
      .description(
        'one signed-in session reading commands from standard input (type help); with --password-stdin the first line is the password',
      ),
  )
    .option('--events', 'also print every gateway event as it arrives')
    .option(
      '--serve',
      'also let one-off commands, macro keys and scripts act on this session (local control endpoint) until Ctrl+C',
    )
    .action((options: { events?: boolean; serve?: boolean }, command: Command) =>
      host.run(command, (context) =>
        runSession(context, options.events === true, options.serve === true),
      ),
    );
}

async function runSession(
  context: CommandContext,
  printEvents: boolean,
  serve: boolean,
): Promise<ExitCode> {
  const { output } = context;
  let session: InspectorSession;
  try {
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, 'sign-in');
  }
  let firstFailure: ExitCode = EXIT_CODE.ok;
  const noteFailure = (code: ExitCode) => {
    if (firstFailure === EXIT_CODE.ok) firstFailure = code;
  };
  let lost: unknown = null;
  let stopRequested = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<typeof STOP>((resolve) => {
    stop = () => {
      stopRequested = true;
      resolve(STOP);
    };
  });
  void context.stopped.then(stop);
  const runner = new SessionRunner(session, Date.now, stop);
  const release = context.cleanup.add(async () => {
    try {
      const released = await runner.releaseInspection();
      if (released) printReply(context, 'cancel', released);
    } catch (error) {
      noteFailure(output.printFailure(error, 'cancel', runner.state.target));
    }
  });
  context.startEventPoll(session, {
    onEvent: (event) => {
      runner.core.handleEvent(event);
      if (printEvents) {
        if (output.json) output.printJson({ event });
        else output.printLines(`event ${formatEventLine(event)}`);
      }
    },
    onSessionLost: (error) => {
      lost = error;
      runner.core.markLost();
      stop();
    },
  });
  let server: ControlServer | null = null;
  try {
    const { signedIn, settings } = session;
    output.printSuccess(
      'sign-in',
      { target: settings.agentId, workNo: signedIn.workNo },
      context.t('session.signedIn', { workNo: signedIn.workNo }),
    );
    if (serve) {
      try {
        server = await serveSession(context, runner);
      } catch (error) {
        const code = output.printFailure(error, 'session --serve');
        await context.signOut(session);
        return code;
      }
      context.cleanup.add(() => server?.close() ?? Promise.resolve());
    }
    await readCommands(context, runner, stopped, () => stopRequested, serve, noteFailure);
    if (lost !== null) return output.printFailure(lost, 'session');
    await server?.close();
    await release();
    const signedOut = await context.signOut(session);
    return firstFailure === EXIT_CODE.ok ? signedOut : firstFailure;
  } finally {
    await server?.close();
  }
}

/** Reads and runs one line at a time until EOF (not with --serve), `quit` or a stop. */
async function readCommands(
  context: CommandContext,
  runner: SessionRunner,
  stopped: Promise<typeof STOP>,
  stopRequested: () => boolean,
  serve: boolean,
  noteFailure: (code: ExitCode) => void,
): Promise<void> {
  const { output } = context;
  const lines = context.stdinLines();
  let inputOpen = true;
  // A stop (signal or lost session) wins over lines already waiting in the input.
  while (!stopRequested()) {
    const line = await Promise.race([
      inputOpen ? lines.next() : new Promise<never>(() => {}),
      stopped,
    ]);
    if (line === STOP) break;
    if (line === null) {
      if (!serve) break;
      // Served sessions outlive their input (a service started with </dev/null).
      inputOpen = false;
      continue;
    }
    const parsed = parseSessionLine(line);
    if (parsed.kind === 'blank') continue;
    if (parsed.kind === 'error') {
      noteFailure(
        output.printFailure(createUsageError(parsed.message), line.trim().split(/\s+/)[0] ?? ''),
      );
      continue;
    }
    if (parsed.command.name === 'quit') break;
    const command = parsed.command;
    try {
      printReply(context, command.name, await runner.run(command));
    } catch (error) {
      noteFailure(
        output.printFailure(
          error,
          command.name,
          ('workNo' in command ? command.workNo : null) ?? runner.state.target,
        ),
      );
    }
  }
}

/** Offers the session on the control endpoint; says where (one line, JSON with --json). */
async function serveSession(
  context: CommandContext,
  runner: SessionRunner,
): Promise<ControlServer> {
  let server: ControlServer;
  try {
    // Loaded only to serve: it brings the contract's validation (zod) along.
    const { startControlServer } = await import('../../main/control/control-server');
    server = await startControlServer({
      core: runner.core,
      location: controlLocationOfThisProcess(context.environment.env),
      owner: 'cli-session',
      commands: SERVED_COMMANDS,
    });
  } catch (error) {
    throw new CliError(
      'usage',
      context.t('session.cannotServe', {
        reason: error instanceof Error ? error.message : String(error),
      }),
      EXIT_CODE.usage,
      { cause: error },
    );
  }
  context.output.printSuccess(
    'serve',
    { endpoint: server.endpoint, infoFile: server.infoFile },
    context.t('session.serving', { endpoint: server.endpoint }),
  );
  return server;
}

function printReply(context: CommandContext, command: string, reply: SessionReply): void {
  context.output.printSuccess(command, { target: reply.target, ...reply.fields }, reply.text);
}
