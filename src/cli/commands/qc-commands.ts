/**
 * One-shot inspection and agent-control commands: listen, barge, whisper, switch, intercept,
 * cancel, request-call, force-busy, force-idle, force-signout.
 */
import type { Command } from 'commander';
import type { InspectorMode } from '../../shared/domain';
import {
  isStartAction,
  modeAfterAction,
  qcOfStart,
  switchToActionOf,
  type ForceAction,
  type StartAction,
} from '../../shared/inspection-vocabulary';
import { executeForce } from '../../main/supervisor/inspector/inspection-effects';
import type { CommandContext, InspectorSession } from '../cli-context';
import { createUsageError } from '../cli-error';
import { runInspection } from '../inspection-actions';
import type { SwitchTargetWord } from '../session-line-parser';
import { runSignedInAction, type ActionResult } from '../signed-in-action';
import { validateCallId, validateWorkNo } from '../../main/gateway';
import { addConnectionOptions, type CommandHost } from './command-host';

const HOLD_HELP =
  'keep the session (and the inspection) open until Ctrl+C; without it the inspection ends with the command';

/** Registers the inspection and agent-control commands. */
export function registerQcCommands(program: Command, host: CommandHost): void {
  const starts: Array<[StartAction, string]> = [
    ['listen', 'listen to an agent silently'],
    ['barge', "join the agent's call (insert)"],
    ['whisper', 'speak to the agent only; the customer does not hear'],
  ];
  for (const [word, description] of starts) {
    addConnectionOptions(
      program.command(word).description(description).argument('<workNo>', 'agent id'),
    )
      .option('--hold', HOLD_HELP)
      .action((workNo: string, options: { hold?: boolean }, command: Command) =>
        host.run(command, (context) =>
          runSignedInAction(context, {
            before: () => validateWorkNo(workNo),
            command: word,
            target: workNo,
            act: async ({ client }) =>
              describeMode(
                await runInspection(client, { action: word, workNo, mode: null }),
                workNo,
              ),
            release: releaseInspection(workNo, modeAfterAction(word, null)),
            hold: options.hold === true,
          }),
        ),
      );
  }

  addConnectionOptions(
    program
      .command('switch')
      .description('switch the running inspection: listen ⇄ barge, or --to a given mode')
      .argument('<workNo>', 'agent id'),
  )
    .option('--to <mode>', 'listen, barge or whisper')
    .option('--hold', HOLD_HELP)
    .action((workNo: string, options: { to?: string; hold?: boolean }, command: Command) =>
      host.run(command, (context) => {
        const to = readSwitchTarget(options.to);
        const action = to === null ? 'switch' : switchToActionOf(qcOfStart(to));
        return runSignedInAction(context, {
          before: () => validateWorkNo(workNo),
          command: 'switch',
          target: workNo,
          act: async ({ client }) =>
            describeMode(await runInspection(client, { action, workNo, mode: null }), workNo),
          release: releaseInspection(workNo, modeAfterAction(action, null)),
          hold: options.hold === true,
        });
      }),
    );

  addConnectionOptions(
    program
      .command('intercept')
      .description("take the agent's call over")
      .argument('<workNo>', 'agent id'),
  )
    .option('--call <id>', 'intercept this call of the agent (newer gateways)')
    .option('--hold', 'keep the session alive (while you talk) until Ctrl+C, then sign out')
    .action((workNo: string, options: { call?: string; hold?: boolean }, command: Command) =>
      host.run(command, (context) =>
        runSignedInAction(context, {
          before: () => {
            validateWorkNo(workNo);
            if (options.call !== undefined) validateCallId(options.call);
          },
          command: 'intercept',
          target: workNo,
          act: async ({ client }) => {
            await runInspection(client, {
              action: 'intercept',
              workNo,
              mode: null,
              callId: options.call ?? null,
            });
            return {
              fields: { mode: 'talking', callId: options.call ?? null },
              text: `Took over the call of agent ${workNo}.`,
            };
          },
          hold: options.hold === true,
        }),
      ),
    );

  addConnectionOptions(
    program
      .command('cancel')
      .description('end the inspection of an agent')
      .argument('<workNo>', 'agent id'),
  ).action((workNo: string, _options: unknown, command: Command) =>
    host.run(command, (context) =>
      runSignedInAction(context, {
        before: () => validateWorkNo(workNo),
        command: 'cancel',
        target: workNo,
        act: async ({ client }) => {
          await runInspection(client, { action: 'cancel', workNo, mode: null });
          return { fields: { mode: 'idle' }, text: `Stopped inspecting agent ${workNo}.` };
        },
      }),
    ),
  );

  addConnectionOptions(
    program
      .command('request-call')
      .description('take a waiting call out of a skill queue (ids from `queue --skill ID`)')
      .argument('<callId>', 'call id'),
  )
    .requiredOption('--skill <id>', 'skill queue the call waits in')
    .option('--hold', 'keep the session alive (while you talk) until Ctrl+C, then sign out')
    .action((callId: string, options: { skill: string; hold?: boolean }, command: Command) =>
      host.run(command, (context) => {
        const skillId = readSkillId(options.skill);
        return runSignedInAction(context, {
          before: () => validateCallId(callId),
          command: 'request-call',
          target: callId,
          act: async ({ client }) => {
            await runInspection(client, { action: 'request-call', callId, skillId });
            return {
              fields: { skillId, mode: 'talking' },
              text: `Took call ${callId} from skill ${skillId}.`,
            };
          },
          hold: options.hold === true,
        });
      }),
    );

  const forces: Array<[string, string, ForceAction, string]> = [
    ['force-busy', 'set an agent busy', 'force-busy', 'is now busy'],
    ['force-idle', 'set an agent idle', 'force-idle', 'is now idle'],
    ['force-signout', 'sign an agent out', 'force-sign-out', 'is signed out'],
  ];
  for (const [name, description, forceAction, outcome] of forces) {
    addConnectionOptions(
      program.command(name).description(description).argument('<workNo>', 'agent id'),
    ).action((workNo: string, _options: unknown, command: Command) =>
      host.run(command, (context: CommandContext) =>
        runSignedInAction(context, {
          before: () => validateWorkNo(workNo),
          command: name,
          target: workNo,
          act: async ({ client }) => {
            await executeForce(client, forceAction, workNo);
            return { fields: {}, text: `Agent ${workNo} ${outcome}.` };
          },
        }),
      ),
    );
  }
}

function describeMode(mode: InspectorMode | null, workNo: string): ActionResult {
  const words: Partial<Record<InspectorMode, string>> = {
    listening: 'Listening to',
    inserting: 'Barged in on',
    whispering: 'Whispering to',
  };
  const text =
    mode && words[mode]
      ? `${words[mode]} agent ${workNo}.`
      : `Switched the inspection of agent ${workNo}.`;
  return { fields: { mode }, text };
}

/** Ends a listen/barge/whisper before sign-out. */
function releaseInspection(workNo: string, mode: InspectorMode | null) {
  return async ({ client }: InspectorSession): Promise<string> => {
    await runInspection(client, { action: 'cancel', workNo, mode });
    return `ended the inspection of agent ${workNo} before signing out`;
  };
}

/** The `--to` word, or a usage error. */
function readSwitchTarget(value: string | undefined): SwitchTargetWord | null {
  if (value === undefined) return null;
  if (isStartAction(value)) return value;
  throw createUsageError(`--to ${JSON.stringify(value)}: use listen, barge or whisper.`);
}

/** A skill queue id (digits), or a usage error. */
export function readSkillId(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim()))
    throw createUsageError(`--skill ${JSON.stringify(value)}: the skill queue id is a number.`);
  return Number(value.trim());
}
