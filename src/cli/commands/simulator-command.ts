/**
 * `simulator`: runs the CC-Gateway simulator until SIGINT/SIGTERM. The first line on stdout is
 * one JSON object (from describeStartup) with the base URL, the CA to trust and the accounts,
 * so scripts and tests can read it and connect.
 */
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
import { readFileSync } from 'node:fs';
import { writeEnvironmentFile } from '../simulator-env-file';
import type { SimulatorOptions } from '../../simulator';
import type { CommandContext } from '../cli-context';
import { CliError, createUsageError, EXIT_CODE, type ExitCode } from '../cli-error';
import { addOutputOptions, type CommandHost } from './command-host';

export interface SimulatorFlags {
  host: string;
  port: string;
  http?: boolean;
  agents?: string;
  seed?: string;
  activity?: string;
  faults?: string;
  gatewayVersion?: string;
  admin?: boolean;
  cert?: string;
  key?: string;
  verbose?: boolean;
  writeEnv?: string;
}

const DEFAULT_PORT = 8043;

/** Registers simulator. */
export function registerSimulatorCommand(program: Command, host: CommandHost): void {
  addOutputOptions(
    program
      .command('simulator')
      .description('run a CC-Gateway simulator (demo, tests, IT rehearsal) until Ctrl+C'),
  )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', `port to listen on; 0 picks a free one`, String(DEFAULT_PORT))
    .option('--http', 'plain HTTP instead of HTTPS')
    .option('--agents <count>', 'agents in the simulated center (default 40)')
    .option('--seed <number>', 'seed of names, groups, callers and timings (default 1)')
    .option(
      '--activity <changes>',
      'state changes per agent per minute (default 1); 0 keeps the center still until you act',
    )
    .option(
      '--faults <spec>',
      'inject faults, e.g. latency=50,jitter=10,5xx=0.1,errors=0.05,malformed=0.01,drop=0.01',
    )
    .option(
      '--gateway-version <version>',
      "which page generation to follow where they differ: 'current' (default) or 'legacy'",
    )
    .option(
      '--admin',
      'enable the /__admin routes (fault control; each call needs the adminToken of the startup line as a Bearer token) — never on a shared network',
    )
    .option('--cert <file>', 'PEM server certificate (with --key) instead of a throwaway one')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--verbose', 'log each request on stderr (never a password or session key)')
    .option(
      '--write-env <file>',
      "write the first inspector's CC_INSPECTOR_* variables to this file (for `. ./file`), and its CA beside it",
    )
    .action((flags: SimulatorFlags, command: Command) =>
      host.run(command, (context) => runSimulator(context, flags)),
    );
}

/** Turns the flags into simulator options, or a usage error. */
function readSimulatorOptions(
  flags: SimulatorFlags,
  parseFaultSpec: (spec: string) => SimulatorOptions['faults'],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): SimulatorOptions {
  const options: SimulatorOptions = {
    host: flags.host,
    port: readInteger('--port', flags.port, 0, 65_535),
    protocol: flags.http ? 'http' : 'https',
    adminEndpoint: flags.admin === true,
  };
  if (flags.agents !== undefined)
    options.agents = readInteger('--agents', flags.agents, 1, 100_000);
  if (flags.seed !== undefined) options.seed = readInteger('--seed', flags.seed, 0, 2 ** 31 - 1);
  if (flags.activity !== undefined)
    options.changesPerAgentPerMinute = readInteger('--activity', flags.activity, 0, 600);
  if (flags.gatewayVersion !== undefined) {
    if (flags.gatewayVersion !== 'current' && flags.gatewayVersion !== 'legacy')
      throw createUsageError(
        tr('simulator.badVersion', { value: JSON.stringify(flags.gatewayVersion) }),
      );
    options.gatewayVersion = flags.gatewayVersion;
  }
  if (flags.faults !== undefined) {
    try {
      options.faults = parseFaultSpec(flags.faults);
    } catch (error) {
      throw createUsageError(
        tr('simulator.badFaults', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }
  if ((flags.cert === undefined) !== (flags.key === undefined))
    throw createUsageError(tr('simulator.certAndKey'));
  if (flags.cert !== undefined && flags.key !== undefined) {
    if (flags.http) throw createUsageError(tr('simulator.certNeedsHttps'));
    options.tls = { certPem: readPem(flags.cert, readText), keyPem: readPem(flags.key, readText) };
  }
  return options;
}

async function runSimulator(context: CommandContext, flags: SimulatorFlags): Promise<ExitCode> {
  // Loaded on demand: the other commands need not pay for the simulator (and its certificates).
  const { describeStartup, parseFaultSpec, startSimulator } = await import('../../simulator');
  const options = readSimulatorOptions(flags, parseFaultSpec);
  if (flags.verbose) options.log = (line: string) => context.output.printNote(line);
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  try {
    simulator = await startSimulator(options);
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
    throw new CliError(
      'usage',
      busy
        ? context.t('simulator.portBusy', { port: options.port })
        : context.t('simulator.cannotStart', {
            reason: error instanceof Error ? error.message : String(error),
          }),
      EXIT_CODE.usage,
      { cause: error, hint: busy ? context.t('simulator.portBusyFix') : undefined },
    );
  }
  const close = context.cleanup.add(() => simulator.close());
  try {
    if (flags.writeEnv !== undefined)
      writeEnvironmentFile(flags.writeEnv, describeStartup(simulator));
    // The signal listener is in place since the command started; a script may answer the
    // startup line at once. The startup line goes out first, whatever the format.
    context.output.printJson(describeStartup(simulator));
    context.output.printNote(context.t('simulator.listening', { origin: simulator.origin }));
    await context.stopped;
  } finally {
    await close();
  }
  return EXIT_CODE.ok;
}

function readInteger(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max)
    throw createUsageError(
      tr('usage.wholeNumber', { flag, value: JSON.stringify(value), min, max }),
    );
  return number;
}

function readPem(path: string, readText: (path: string) => string): string {
  try {
    return readText(path);
  } catch (error) {
    throw new CliError(
      'file',
      tr('simulator.cannotRead', {
        path,
        reason: error instanceof Error ? error.message : String(error),
      }),
      EXIT_CODE.usage,
      { cause: error },
    );
  }
}
