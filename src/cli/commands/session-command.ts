/**
 * `session`: one signed-in inspector session driven by standard input, one command per line,
 * one result per line. The event poll runs meanwhile so the session stays alive and rotated
 * session keys are adopted. EOF, `quit` or Ctrl+C end any running inspection and sign out.
 * With --password-stdin the first line is the password and the commands follow.
 */
import type { Command } from 'commander';
import type { CommandContext, InspectorSession } from '../cli-context';
import { createUsageError, EXIT_CODE, type ExitCode } from '../cli-error';
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
    .action((options: { events?: boolean }, command: Command) =>
      host.run(command, (context) => runSession(context, options.events === true)),
    );
}

async function runSession(context: CommandContext, printEvents: boolean): Promise<ExitCode> {
  const { output } = context;
  let session: InspectorSession;
  try {
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, 'sign-in');
  }
  const runner = new SessionRunner(session);
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
  const disposeSignal = context.environment.onStopSignal(stop);
  const poller = context.startEventPoll(session, {
    onEvent: (event) => {
      runner.lastEventAt = event.receivedAt;
      if (printEvents) {
        if (output.json) output.printJson({ event });
        else output.printLines(`event ${formatEventLine(event)}`);
      }
    },
    onSessionLost: (error) => {
      lost = error;
      stop();
    },
  });

  try {
    const { signedIn, settings } = session;
    output.printSuccess(
      'sign-in',
      { target: settings.agentId, workNo: signedIn.workNo },
      `Signed in as ${signedIn.workNo}. Type help for the commands, quit to end.`,
    );
    const lines = context.stdinLines();
    // A stop (signal or lost session) wins over lines already waiting in the input.
    while (!stopRequested) {
      const line = await Promise.race([lines.next(), stopped]);
      if (line === null || line === STOP) break;
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
    if (lost !== null) return output.printFailure(lost, 'session');
    try {
      const released = await runner.releaseInspection();
      if (released) printReply(context, 'cancel', released);
    } catch (error) {
      noteFailure(output.printFailure(error, 'cancel', runner.state.target));
    }
    return firstFailure;
  } finally {
    disposeSignal();
    await poller.stop();
    await context.signOut(session);
  }
}

function printReply(context: CommandContext, command: string, reply: SessionReply): void {
  context.output.printSuccess(command, { target: reply.target, ...reply.fields }, reply.text);
}
