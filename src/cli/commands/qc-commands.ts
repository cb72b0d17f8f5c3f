/**
 * One-shot inspection and agent-control commands: listen, barge, whisper, switch, intercept,
 * cancel, request-call, force-busy, force-idle, force-signout, status. When the desktop app or
 * `session --serve` holds a live session for this inspector they act on it (live-actions.ts);
 * otherwise they sign in on their own — except `switch` and `intercept`, which act on a
 * running inspection that a fresh sign-in never has: they say so and show the session form.
 */
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
import type { InspectorMode } from '../../shared/domain';
import {
  isStartAction,
  modeAfterAction,
  type StartAction,
} from '../../shared/inspection-vocabulary';
import { executeForce } from '../../main/supervisor/inspector/inspection-effects';
import type { CommandContext, InspectorSession } from '../cli-context';
import { CliError, createUsageError, EXIT_CODE, type ExitCode } from '../cli-error';
import { runInspection } from '../inspection-actions';
import { FORCE_ACTION_OF_COMMAND, runOnLiveSession, type LiveRequest } from '../live-actions';
import { findLiveSession } from '../live-session';
import type { SwitchTargetWord } from '../session-line-parser';
import { runSignedInAction, type ActionResult } from '../signed-in-action';
import { validateCallId, validateWorkNo } from '../../main/gateway/requests/gateway-validators';
import { addConnectionOptions, type CommandHost } from './command-host';

const HOLD_HELP =
  'keep the session (and the inspection) open until Ctrl+C; without it the inspection ends with the command';

/** Acts on the live session when there is one; else runs `fallback` (its own sign-in). */
async function liveOr(
  context: CommandContext,
  request: LiveRequest,
  fallback: () => Promise<ExitCode>,
): Promise<ExitCode> {
  const live = await findLiveSession(context);
  return live ? runOnLiveSession(context, live, request) : fallback();
}

/** `switch` / `intercept` without a live session: nothing to act on, before any sign-in. */
function needsSession(context: CommandContext, command: string, workNo: string | null): ExitCode {
  return context.output.printFailure(
    new CliError(
      'needs-session',
      context.t('needsSession.message', { command }),
      EXIT_CODE.refused,
      {
        hint: context.t('needsSession.hint', { command, workNo: workNo ?? '1002' }),
      },
    ),
    command,
    workNo,
  );
}

/** Registers the inspection and agent-control commands. */
export function registerQcCommands(program: Command, host: CommandHost): void {
  const starts: Array<[StartAction, string]> = [
    ['listen', 'listen to an agent silently'],
    ['barge', "join the agent's call (insert); while listening to that agent: switch to barge-in"],
    ['whisper', 'speak to the agent only; the customer does not hear'],
  ];
  for (const [word, description] of starts) {
    addConnectionOptions(
      program.command(word).description(description).argument('<workNo>', 'agent id'),
    )
      .option('--hold', HOLD_HELP)
      .action((workNo: string, options: { hold?: boolean }, command: Command) =>
        host.run(command, (context) => {
          validateWorkNo(workNo);
          return liveOr(context, { command: word, workNo }, () =>
            runSignedInAction(context, {
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
          );
        }),
      );
  }

  addConnectionOptions(
    program
      .command('switch')
      .description('switch the running inspection: listen ⇄ barge, or --to a given mode')
      .argument('[workNo]', 'the agent inspected (default: whoever is inspected)')
      .addHelpText('after', `\n${host.t('help.liveNote')}`),
  )
    .option('--to <mode>', 'listen, barge or whisper')
    .action((workNo: string | undefined, options: { to?: string }, command: Command) =>
      host.run(command, async (context) => {
        if (workNo !== undefined) validateWorkNo(workNo);
        const to = readSwitchTarget(options.to);
        const live = await findLiveSession(context);
        if (!live) return needsSession(context, 'switch', workNo ?? null);
        return runOnLiveSession(context, live, { command: 'switch', workNo: workNo ?? null, to });
      }),
    );

  addConnectionOptions(
    program
      .command('intercept')
      .description('take over the call of the agent inspected')
      .argument('[workNo]', 'the agent inspected (default: whoever is inspected)')
      .addHelpText('after', `\n${host.t('help.liveNote')}`),
  ).action((workNo: string | undefined, _options: unknown, command: Command) =>
    host.run(command, async (context) => {
      if (workNo !== undefined) validateWorkNo(workNo);
      const live = await findLiveSession(context);
      if (!live) return needsSession(context, 'intercept', workNo ?? null);
      return runOnLiveSession(context, live, { command: 'intercept', workNo: workNo ?? null });
    }),
  );

  addConnectionOptions(
    program
      .command('cancel')
      .description('end the inspection of an agent')
      .argument('[workNo]', 'agent id (required without a live session)')
      .addHelpText('after', `\n${host.t('help.liveNote')}`),
  ).action((workNo: string | undefined, _options: unknown, command: Command) =>
    host.run(command, (context) => {
      if (workNo !== undefined) validateWorkNo(workNo);
      return liveOr(context, { command: 'cancel', workNo: workNo ?? null }, async () => {
        if (workNo === undefined) return needsSession(context, 'cancel', null);
        return runSignedInAction(context, {
          command: 'cancel',
          target: workNo,
          act: async ({ client }) => {
            await runInspection(client, { action: 'cancel', workNo, mode: null });
            return { fields: { mode: 'idle' }, text: tr('qc.stopped', { workNo }) };
          },
        });
      });
    }),
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
        validateCallId(callId);
        return liveOr(context, { command: 'request-call', callId, skillId }, () =>
          runSignedInAction(context, {
            command: 'request-call',
            target: callId,
            act: async ({ client }) => {
              await runInspection(client, { action: 'request-call', callId, skillId });
              return {
                fields: { skillId, mode: 'talking' },
                text: tr('qc.tookCall', { callId, skillId }),
              };
            },
            hold: options.hold === true,
          }),
        );
      }),
    );

  const forces: Array<[keyof typeof FORCE_ACTION_OF_COMMAND, string]> = [
    ['force-busy', 'set an agent busy'],
    ['force-idle', 'set an agent idle'],
    ['force-signout', 'sign an agent out'],
  ];
  for (const [name, description] of forces) {
    addConnectionOptions(
      program.command(name).description(description).argument('<workNo>', 'agent id'),
    ).action((workNo: string, _options: unknown, command: Command) =>
      host.run(command, (context: CommandContext) => {
        validateWorkNo(workNo);
        const own = context.flags.agent ?? context.environment.env.CC_INSPECTOR_AGENT;
        if (own !== undefined && own.trim() === workNo)
          throw new CliError('usage', context.t('force.self', { command: name }), EXIT_CODE.usage, {
            hint: context.t('force.selfHint'),
          });
        return liveOr(context, { command: name, workNo }, () =>
          runSignedInAction(context, {
            command: name,
            target: workNo,
            act: async ({ client }) => {
              await executeForce(client, FORCE_ACTION_OF_COMMAND[name], workNo);
              return { fields: {}, text: tr(`qc.force.${name}`, { workNo }) };
            },
          }),
        );
      }),
    );
  }

  addConnectionOptions(
    program
      .command('status')
      .description(
        'what the live session (desktop app or `session --serve`) is doing: signed in as whom, inspecting whom',
      ),
    { signsIn: false },
  ).action((_options: unknown, command: Command) =>
    host.run(command, async (context) => {
      const live = await findLiveSession(context);
      if (!live)
        throw new CliError('needs-session', context.t('status.none'), EXIT_CODE.refused, {
          hint: context.t('status.noneHint'),
        });
      const { connection, inspection } = live.status;
      const via = live.owner === 'app' ? 'app' : 'session';
      context.output.printSuccess(
        'status',
        { target: inspection.targetWorkNo, via, connection, inspection },
        context.t('status.line', {
          phase: connection.phase,
          inspector: connection.phase === 'live' ? connection.inspectorId : '-',
          mode: context.t(`mode.${inspection.mode}`),
          agent: inspection.targetWorkNo ?? '-',
          via: context.t(`live.via.${via}`),
        }),
      );
      return EXIT_CODE.ok;
    }),
  );
}

function describeMode(mode: InspectorMode | null, workNo: string): ActionResult {
  const known: readonly InspectorMode[] = ['listening', 'inserting', 'whispering'];
  const text =
    mode && known.includes(mode)
      ? tr(`qc.started.${mode}`, { workNo })
      : tr('qc.switched', { workNo });
  return { fields: { mode }, text };
}

/** Ends a listen/barge/whisper before sign-out. */
function releaseInspection(workNo: string, mode: InspectorMode | null) {
  return async ({ client }: InspectorSession): Promise<string> => {
    await runInspection(client, { action: 'cancel', workNo, mode });
    return tr('qc.released', { workNo });
  };
}

/** The `--to` word, or a usage error. */
function readSwitchTarget(value: string | undefined): SwitchTargetWord | null {
  if (value === undefined) return null;
  if (isStartAction(value)) return value;
  throw createUsageError(tr('qc.badTo', { value: JSON.stringify(value) }));
}

/** A skill queue id (digits), or a usage error. */
export function readSkillId(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim()))
    throw createUsageError(tr('qc.badSkill', { value: JSON.stringify(value) }));
  return Number(value.trim());
}
