/**
 * Commands for IT: `policy` prints the administrator policy this machine applies (where each
 * key came from, and what was ignored and why); `diagnostics --out FILE.zip` writes the support
 * bundle the app's "Export diagnostics…" writes — versions, the connection settings and policy,
 * a fresh doctor run, the newest app logs and the journal's tail from the app's data folder —
 * redacted again (the password in use and every session key included).
 */
import { writeFile } from 'node:fs/promises';
import { arch, homedir, release, type } from 'node:os';
import type { Command } from 'commander';
import { version } from '../../../package.json';
// Files, not the gateway index (which carries undici); the zip writer loads when it is used.
import { normaliseBaseUrl } from '../../main/gateway/requests/gateway-validators';
import { tr } from '../cli-i18n';
import type { CommandContext } from '../cli-context';
import { CliError, EXIT_CODE, type ExitCode } from '../cli-error';
import { runDoctorPlan } from '../doctor/doctor-plan';
import { addConnectionOptions, addOutputOptions, type CommandHost } from './command-host';
import { appDataFolders, readAppJournal, readAppLogs } from './app-data-folder';

/** Registers `policy` and `diagnostics`. */
export function registerDeploymentCommands(program: Command, host: CommandHost): void {
  addOutputOptions(
    program
      .command('policy')
      .description('show the administrator policy in force here: locked keys, presets, problems'),
  ).action((_options: unknown, command: Command) =>
    host.run(command, async (context) => printPolicy(context)),
  );

  addConnectionOptions(
    program
      .command('diagnostics')
      .description(
        'write a support bundle (zip): versions, settings, policy, doctor, logs, journal',
      ),
  )
    .requiredOption('--out <file.zip>', 'where to write the bundle')
    .option('--include-call-parties', "keep call parties' numbers in the journal excerpt")
    .option('--data-dir <folder>', "the desktop app's data folder (default: the usual place)")
    .action(
      (
        options: { out: string; includeCallParties?: boolean; dataDir?: string },
        command: Command,
      ) => host.run(command, (context) => writeBundle(context, options)),
    );
}

async function printPolicy(context: CommandContext): Promise<ExitCode> {
  const { policy } = context;
  if (context.output.json) {
    context.output.printJson({ ok: true, command: 'policy', ...policy });
    return EXIT_CODE.ok;
  }
  const { t } = context;
  const lines = [
    policy.sources.length === 0
      ? t('policy.none')
      : t('policy.readFrom', { sources: policy.sources.join(', ') }),
    ...Object.entries(policy.locked).map(([key, value]) =>
      t('policy.locked', { key, value: show(value), origin: policy.origin[key] }),
    ),
    ...Object.entries(policy.recommended).map(([key, value]) =>
      t('policy.preset', {
        key,
        value: show(value),
        origin: policy.origin[`Recommended.${key}`],
      }),
    ),
    ...policy.problems.map((problem) => t('policy.ignored', { problem: problem.message })),
  ];
  context.output.printLines(lines);
  return EXIT_CODE.ok;
}

const show = (value: unknown): string =>
  typeof value === 'string' && value.includes('BEGIN CERTIFICATE')
    ? tr('policy.pemCertificate')
    : JSON.stringify(value);

async function writeBundle(
  context: CommandContext,
  options: { out: string; includeCallParties?: boolean; dataDir?: string },
): Promise<ExitCode> {
  if (!/\.zip$/i.test(options.out))
    throw new CliError(
      'usage',
      context.t('diagnostics.notZip', { out: options.out }),
      EXIT_CODE.usage,
    );
  const notes: string[] = [];
  let settings: unknown;
  let doctor: unknown;
  try {
    const connection = context.settings();
    settings = connection;
    doctor = await runDoctorSteps(context);
  } catch (error) {
    // No gateway configured, or refused by policy: the bundle says so and is written anyway.
    const message = error instanceof Error ? error.message : String(error);
    settings = { unavailable: message };
    doctor = { skipped: message };
  }
  const folders = appDataFolders(options.dataDir, process.platform, process.env, homedir());
  const { buildDiagnosticsBundle, LOG_FILES_IN_BUNDLE } =
    await import('../../main/diagnostics/diagnostics-bundle');
  const logs = await readAppLogs(folders, LOG_FILES_IN_BUNDLE);
  const journal = await readAppJournal(folders);
  notes.push(...logs.notes, ...journal.notes);
  const bundle = buildDiagnosticsBundle({
    createdAt: new Date(),
    producer: 'cli',
    versions: {
      cli: version,
      node: process.versions.node,
      os: `${type()} ${release()} (${process.platform}, ${arch()})`,
    },
    settings,
    policy: context.policy,
    logFiles: logs.files,
    doctor,
    journal: journal.entries,
    includeCallParties: options.includeCallParties === true,
    knownSecrets: await context.knownSecrets(),
    notes,
  });
  try {
    await writeFile(options.out, bundle.bytes);
  } catch (error) {
    throw new CliError(
      'file',
      context.t('diagnostics.cannotWrite', {
        out: options.out,
        reason: error instanceof Error ? error.message : String(error),
      }),
      EXIT_CODE.usage,
      { cause: error },
    );
  }
  context.output.printSuccess(
    'diagnostics',
    { out: options.out, files: bundle.files },
    context.t('diagnostics.wrote', {
      out: options.out,
      files: bundle.files.length,
      logs: logs.files.length,
      entries: journal.entries.length,
    }),
  );
  return EXIT_CODE.ok;
}

/** The doctor's checklist against the configured gateway (sign-in included when a password is at hand). */
async function runDoctorSteps(context: CommandContext): Promise<unknown> {
  const settings = context.settings();
  const url = new URL(normaliseBaseUrl(settings.gatewayUrl));
  const secure = url.protocol === 'https:';
  const steps = await runDoctorPlan(
    context,
    {
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || (secure ? 443 : 80)),
      secure,
    },
    10_000,
  );
  return {
    target: settings.gatewayUrl,
    agentId: settings.agentId,
    steps: steps.map(({ exitCode: _exitCode, ...step }) => step),
  };
}
