/**
 * Glue between commander and the command bodies: the common options every gateway command
 * takes, and one `run` that builds the context, records the exit code and always cleans up.
 */
import { Option, type Command } from 'commander';
import { CommandContext, type CliEnvironment, type CommonFlags } from '../cli-context';
import type { ExitCode } from '../cli-error';
import { NO_POLICY } from '../../main/policy/managed-policy';
import { createTranslator, type Translate } from '../cli-i18n';
import { delay, exitCodeOfSignal, STOP_DEADLINE_MS } from '../stop-signals';

export interface CommandHost {
  environment: CliEnvironment;
  /** The command line's words in the language of this run (help texts, messages). */
  t: Translate;
  /** Runs a command body with a fresh context; its exit code becomes the process's. */
  run(command: Command, body: (context: CommandContext) => Promise<ExitCode>): Promise<void>;
}

/** A host that remembers the last exit code for the entry point. */
export function createCommandHost(
  environment: CliEnvironment,
  t: Translate = createTranslator('en'),
): CommandHost & { exitCode: ExitCode; interrupted: boolean } {
  const host = {
    environment,
    t,
    exitCode: 0 as ExitCode,
    /** A stop signal ended the command (the entry point then exits without waiting). */
    interrupted: false,
    async run(
      command: Command,
      body: (context: CommandContext) => Promise<ExitCode>,
    ): Promise<void> {
      const policy = (await environment.readPolicy?.()) ?? NO_POLICY;
      const context = new CommandContext(environment, command.opts<CommonFlags>(), policy);
      // A bad policy is said on every run, key by key: it is never silently half-applied.
      for (const problem of policy.problems)
        context.output.printNote(context.t('policy.problem', { problem: problem.message }));
      const finished = (async () => {
        try {
          return await body(context);
        } catch (error) {
          // The first argument (an agent or call id) names what failed, as in `listen 12ab failed`.
          const target = typeof command.args[0] === 'string' ? command.args[0] : null;
          return context.output.printFailure(error, command.name(), target);
        }
      })();
      try {
        const first = await Promise.race([
          finished.then((code) => ({ code })),
          context.stopped.then((signal) => ({ signal })),
        ]);
        if ('code' in first) {
          host.exitCode = first.code;
          // Whatever the command left open (it threw after signing in) is closed all the same.
          await context.cleanup.runAll();
          return;
        }
        // Stopped: release and sign out (the command's own steps, shared), within the deadline;
        // a command that ends itself on the signal gets a moment to print its last line.
        host.interrupted = true;
        host.exitCode = exitCodeOfSignal(first.signal) as ExitCode;
        const cleanedUp = await Promise.race([
          Promise.all([context.cleanup.runAll(), Promise.race([finished, delay(300, 0)])]).then(
            () => true,
          ),
          delay(STOP_DEADLINE_MS, false),
        ]);
        if (!cleanedUp)
          context.output.printNote(
            context.t('stop.timedOut', { seconds: STOP_DEADLINE_MS / 1000 }),
          );
        else if (context.signedIn)
          context.output.printNote(context.t('stop.done', { signal: first.signal }));
      } finally {
        // After a signal a request may still hang: closing its connection would wait for it,
        // and the entry point exits anyway.
        if (host.interrupted) void context.dispose();
        else await context.dispose();
      }
    },
  };
  return host;
}

/** Output options: --json and --lang. */
export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print JSON (one object per line) instead of text')
    .addOption(
      new Option(
        '--lang <language>',
        'language of gateway messages: en or zh-CN (default: from LANG)',
      ),
    );
}

/** The options of every command that talks to a gateway. */
export function addConnectionOptions(command: Command, { signsIn = true } = {}): Command {
  addOutputOptions(command)
    .option(
      '--gateway <url>',
      'gateway address, e.g. https://gw.example.com:8043 (env CC_INSPECTOR_GATEWAY)',
    )
    .option('--agent <id>', "the inspector's agent id (env CC_INSPECTOR_AGENT)")
    .option(
      '--ca <file>',
      'PEM file of a private CA to trust besides the system store (env CC_INSPECTOR_CA)',
    )
    .option(
      '--pin <sha256>',
      "SHA-256 fingerprint of the gateway's certificate; replaces CA trust (env CC_INSPECTOR_PIN)",
    )
    .option(
      '--allow-insecure-http',
      'LAB GATEWAYS ONLY: allow a plain http:// gateway (the password crosses the network in clear text; never taken from the keychain)',
    )
    .option(
      '--max-answer-mib <mib>',
      'refuse gateway answers larger than this many MiB (default 8; raise for very big sites)',
    )
    .option('--verbose', 'log each gateway request on stderr (never the password or session key)')
    .option(
      '--standalone',
      'sign in on its own even when the desktop app or `session --serve` holds a live session',
    );
  if (signsIn) {
    command
      .option(
        '--phone <number>',
        "the inspector's phone number, which the inspection rings (env CC_INSPECTOR_PHONE)",
      )
      .option(
        '--password-stdin',
        'read the password from the first line of standard input (else env CC_INSPECTOR_PASSWORD, else the OS keychain)',
      )
      .option(
        '--force-login',
        'sign in even if this inspector is signed in elsewhere (signs the other session out)',
      );
  }
  return command;
}
