/** Read-only commands: agents, queue, events (one poll, or --follow). */
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
import type { GatewayEvent } from '../../main/gateway';
import { formatAgentRows, listAgents, readStateFilter } from '../agent-listing';
import type { CommandContext } from '../cli-context';
import type { ExitCode } from '../cli-error';
import {
  formatQueueSummaries,
  formatWaitingCalls,
  listWaitingCalls,
  summariseQueues,
} from '../queue-listing';
import { runSignedInAction } from '../signed-in-action';
import { addConnectionOptions, type CommandHost } from './command-host';
import { readSkillId } from './qc-commands';

/** Registers agents, queue and events. */
export function registerListCommands(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program.command('agents').description('list agents with their group and state'),
  )
    .option(
      '--state <state>',
      'only agents in this state: signed-out, idle, ringing, talking, busy, wrap-up, rest, unknown',
    )
    .option('--ids', 'print only the agent ids, one per line (for scripts)')
    .action((options: { state?: string; ids?: boolean }, command: Command) =>
      host.run(command, (context) => {
        const state = readStateFilter(options.state);
        return runSignedInAction(context, {
          command: 'agents',
          target: null,
          act: async ({ client }) => {
            const { rows, you, warnings } = await listAgents(client, state);
            for (const warning of warnings) context.output.printNote(`cc-inspector: ${warning}`);
            const text = options.ids ? rows.map((row) => row.workNo) : formatAgentRows(rows, you);
            return { fields: { agents: rows, you, warnings }, text };
          },
        });
      }),
    );

  addConnectionOptions(
    program
      .command('queue')
      .description('skill queues with waiting calls; with --skill, the calls'),
  )
    .option('--skill <id>', 'list the calls waiting in this skill queue')
    .action((options: { skill?: string }, command: Command) =>
      host.run(command, (context) => {
        const skillId = options.skill === undefined ? null : readSkillId(options.skill);
        return runSignedInAction(context, {
          command: 'queue',
          target: skillId === null ? null : String(skillId),
          act: async ({ client }) => {
            if (skillId === null) {
              const queues = await summariseQueues(client, Date.now());
              return { fields: { queues }, text: formatQueueSummaries(queues) };
            }
            const calls = await listWaitingCalls(client, skillId, Date.now());
            return { fields: { skillId, calls }, text: formatWaitingCalls(skillId, calls) };
          },
        });
      }),
    );

  addConnectionOptions(
    program
      .command('events')
      .description("print the inspector's events: one poll, or --follow until Ctrl+C"),
  )
    .option('--follow', 'keep polling and print every event until interrupted')
    .action((options: { follow?: boolean }, command: Command) =>
      host.run(command, (context) => (options.follow ? followEvents(context) : pollOnce(context))),
    );
}

/** One long poll (the gateway holds it up to ~10 s when nothing is queued). */
function pollOnce(context: CommandContext): Promise<ExitCode> {
  return runSignedInAction(context, {
    command: 'events',
    target: null,
    act: async ({ client }) => {
      const event = await client.pollEvent();
      return {
        fields: { events: event ? [event] : [] },
        text: event ? formatEventLine(event) : tr('events.none'),
      };
    },
  });
}

/** Polls until SIGINT/SIGTERM, one line per event; exit 4 when the gateway ends the session. */
async function followEvents(context: CommandContext): Promise<ExitCode> {
  const { output } = context;
  let session;
  try {
    session = await context.signIn();
  } catch (error) {
    return output.printFailure(error, 'events');
  }
  const lost = await context.keepAlive(session, {
    onEvent: (event) =>
      output.json ? output.printJson({ event }) : output.printLines(formatEventLine(event)),
  });
  const signedOut = await context.signOut(session);
  return lost === null ? signedOut : output.printFailure(lost, 'events');
}

/** `2025-01-31T09:00:00.000Z  AgentState_Ready  2001  {content}` */
export function formatEventLine(event: GatewayEvent): string {
  const at = new Date(event.generatedAt ?? event.receivedAt).toISOString();
  const content =
    event.content === null
      ? ''
      : `  ${typeof event.content === 'string' ? event.content : JSON.stringify(event.content)}`;
  return `${at}  ${event.eventType}  ${event.workNo}${content}`;
}
