/**
 * Coaching commands: `note` (sendnoteletex, batches of ≤ 100), `force-rest`, `force-release`
 * (forcedropcall) and `adjust-skills`. Every argument is checked before sign-in, so a bad one
 * (a 1,024-byte note, a rest of 0 s, 1,001 skills) ends with exit 2 and nothing on the wire.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
// The validators' own files, not the gateway index (which would load undici at start-up).
import {
  validateRestReason,
  validateRestSeconds,
  validateSkillList,
} from '../../main/gateway/requests/coaching-requests';
import { validateCallId, validateWorkNo } from '../../main/gateway/requests/gateway-validators';
import type { CommandContext } from '../cli-context';
import { CliError, createUsageError, EXIT_CODE, type ExitCode } from '../cli-error';
import { runSignedInAction } from '../signed-in-action';
import { addConnectionOptions, type CommandHost } from './command-host';

interface NoteOptions {
  text?: string;
  textFile?: string;
}

/** Registers note, force-rest, force-release and adjust-skills. */
export function registerCoachingCommands(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program
      .command('note')
      .description(
        'send a note to agents (up to 1,023 bytes; more than 100 agents go out in batches of 100)',
      )
      .argument('<workNos>', 'agent ids, comma-separated (1001,1002,…)'),
  )
    .option('--text <text>', 'the note')
    .option('--text-file <file>', 'read the note from a UTF-8 file')
    .addHelpText('after', `\n${host.t('coaching.noteFromStdin')}`)
    .action((list: string, options: NoteOptions, command: Command) =>
      host.run(command, async (context) => runNote(context, list, options)),
    );

  addConnectionOptions(
    program
      .command('force-rest')
      .description('make an agent rest for a time (after the current call, if any)')
      .argument('<workNo>', 'agent id'),
  )
    .requiredOption('--seconds <n>', 'rest duration, 1 to 86399 seconds')
    .requiredOption('--reason <code>', 'rest reason code, 1 to 255')
    .action((workNo: string, options: { seconds: string; reason: string }, command: Command) =>
      host.run(command, (context) => {
        const seconds = readWholeNumber('--seconds', options.seconds);
        const reason = readWholeNumber('--reason', options.reason);
        return runSignedInAction(context, {
          before: () => {
            validateWorkNo(workNo);
            validateRestSeconds(seconds);
            validateRestReason(reason);
          },
          command: 'force-rest',
          target: workNo,
          act: async ({ client }) => {
            await client.forceRest(workNo, seconds, reason);
            return {
              fields: { seconds, reason },
              text: tr('coaching.rests', { workNo, seconds, reason }),
            };
          },
        });
      }),
    );

  addConnectionOptions(
    program
      .command('force-release')
      .description('release (hang up) a call by its id (ids from `agents`)')
      .argument('<callId>', 'call id'),
  ).action((callId: string, _options: unknown, command: Command) =>
    host.run(command, (context) =>
      runSignedInAction(context, {
        before: () => validateCallId(callId),
        command: 'force-release',
        target: callId,
        act: async ({ client }) => {
          await client.forceDropCall(callId);
          return { fields: {}, text: tr('coaching.released', { callId }) };
        },
      }),
    ),
  );

  addConnectionOptions(
    program
      .command('adjust-skills')
      .description("replace an agent's skill queues")
      .argument('<workNo>', 'agent id'),
  )
    .requiredOption('--skills <ids>', 'skill queue ids, comma-separated (3,5)')
    .action((workNo: string, options: { skills: string }, command: Command) =>
      host.run(command, (context) => {
        const skills = readList('--skills', options.skills).map((word) =>
          readWholeNumber('--skills', word),
        );
        return runSignedInAction(context, {
          before: () => {
            validateWorkNo(workNo);
            validateSkillList(skills);
          },
          command: 'adjust-skills',
          target: workNo,
          act: async ({ client }) => {
            const sent = validateSkillList(skills);
            await client.adjustSkills(workNo, sent);
            return {
              fields: { skills: sent },
              text: tr('coaching.skills', { workNo, skills: sent.join(', ') }),
            };
          },
        });
      }),
    );
}

async function runNote(
  context: CommandContext,
  list: string,
  options: NoteOptions,
): Promise<ExitCode> {
  const { output } = context;
  const workNos = readList('<workNos>', list);
  // The password line comes first on standard input; the note (if read from there) after it.
  if (context.flags.passwordStdin === true) await context.password();
  const text = await readNoteText(context, options);
  // Loaded here: it reaches the gateway package's index, which brings the transport along.
  const { prepareNote, sendNoteInBatches } =
    await import('../../main/supervisor/coaching/note-batches');
  const batches = prepareNote(workNos, text);
  const target = workNos.join(',');
  return runSignedInAction(context, {
    command: 'note',
    target,
    act: async ({ client }) => {
      const results = await sendNoteInBatches(client, workNos, text, (result) => {
        if (batches.length > 1)
          output.printNote(
            tr(result.outcome === 'ok' ? 'coaching.batchSent' : 'coaching.batchFailed', {
              index: result.index + 1,
              total: batches.length,
              agents: result.workNos.length,
            }),
          );
      });
      const failed = results.find((result) => result.outcome === 'failed');
      if (failed) {
        // Say who has the note already, so nobody sends it to them a second time.
        const sent = results.filter((result) => result.outcome === 'ok').flatMap((r) => r.workNos);
        output.printNote(
          tr('coaching.reached', {
            sent: sent.length,
            total: workNos.length,
            list: sent.length > 0 ? ` (${sent.join(',')})` : '',
          }),
        );
        throw failed.error;
      }
      const count = results.reduce((sum, result) => sum + result.workNos.length, 0);
      return {
        fields: {
          batches: results.map((result) => ({ agents: result.workNos, outcome: result.outcome })),
        },
        text: tr('coaching.noteSent', {
          count,
          batches: tr('coaching.batch', { count: results.length }),
        }),
      };
    },
  });
}

async function readNoteText(context: CommandContext, options: NoteOptions): Promise<string> {
  if (options.text !== undefined && options.textFile !== undefined)
    throw createUsageError(tr('coaching.textOrFile'));
  if (options.text !== undefined) return options.text;
  if (options.textFile !== undefined) {
    try {
      return stripFinalNewline(readFileSync(options.textFile, 'utf8'));
    } catch (error) {
      throw new CliError(
        'file',
        `--text-file ${JSON.stringify(options.textFile)}: ${(error as Error).message}`,
        EXIT_CODE.usage,
        { cause: error },
      );
    }
  }
  const lines: string[] = [];
  const source = context.stdinLines();
  for (let line = await source.next(); line !== null; line = await source.next()) lines.push(line);
  return lines.join('\n');
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function readList(option: string, value: string): string[] {
  const words = value
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
  if (words.length === 0) throw createUsageError(tr('coaching.atLeastOne', { option }));
  return words;
}

function readWholeNumber(option: string, value: string): number {
  if (!/^\d{1,9}$/.test(value.trim()))
    throw createUsageError(tr('coaching.wholeNumber', { option, value: JSON.stringify(value) }));
  return Number(value.trim());
}
