/** `stats [--skill ID…] [--follow]`: skill queue statistics from queryacdstat. */
import type { Command } from 'commander';
import type { CommandContext } from '../cli-context';
import type { ExitCode } from '../cli-error';
import { formatSkillStats, readSkillStats } from '../stats-listing';
import { runSignedInAction } from '../signed-in-action';
import { addConnectionOptions, type CommandHost } from './command-host';
import { readSkillId } from './qc-commands';

/** How often --follow asks again: the panel's own pace (≤ 0.2 requests/s per 100 skills). */
export const FOLLOW_INTERVAL_MS = 5_000;

const collectSkill = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `stats`. */
export function registerStatsCommand(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program
      .command('stats')
      .description('skill queue statistics: waiting, longest wait, agents signed in / available'),
  )
    .option('--skill <id>', 'only this skill queue (repeat for more)', collectSkill, [])
    .option('--follow', 'print them again every 5 s until interrupted')
    .action((options: { skill: string[]; follow?: boolean }, command: Command) =>
      host.run(command, (context) => {
        // Parsed here, inside the run, so a bad id is a usage error (exit 2).
        const skillIds = options.skill.map(readSkillId);
        if (options.follow) return followStats(context, skillIds);
        return runSignedInAction(context, {
          command: 'stats',
          target: skillIds.length > 0 ? skillIds.join(',') : null,
          act: async ({ client }) => {
            const skills = await readSkillStats(client, skillIds);
            return { fields: { at: Date.now(), skills }, text: formatSkillStats(skills) };
          },
        });
      }),
    );
}

/**
 * Prints the statistics every 5 s (one JSON line each with --json) until SIGINT/SIGTERM, while
 * the event poll keeps the session alive. A failed query is reported and tried again at the
 * next tick; a lost session ends the command (exit 4).
 */
async function followStats(context: CommandContext, skillIds: number[]): Promise<ExitCode> {
  const { output } = context;
  let session;
  try {
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, 'stats');
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = true;
  const printOnce = async (): Promise<void> => {
    try {
      const skills = await readSkillStats(session.client, skillIds);
      if (!running) return;
      if (output.json) output.printJson({ at: Date.now(), skills });
      else output.printLines(['', new Date().toISOString(), ...formatSkillStats(skills)]);
    } catch (error) {
      if (running) output.printNote(`cc-inspector: ${describeError(error)}`);
    }
    if (running) timer = setTimeout(() => void printOnce(), FOLLOW_INTERVAL_MS);
  };
  context.cleanup.add(async () => {
    running = false;
    if (timer) clearTimeout(timer);
  });
  void printOnce();
  const lost = await context.keepAlive(session);
  running = false;
  if (timer) clearTimeout(timer);
  const signedOut = await context.signOut(session);
  return lost === null ? signedOut : output.printFailure(lost, 'stats');
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
