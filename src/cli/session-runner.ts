/**
 * Runs the commands of one `session` against one signed-in client, remembering which agent is
 * being inspected and how, so `switch`, `intercept` and `cancel` can omit the agent id.
 */
import { isInspecting } from '../main/supervisor/inspector/inspector-modes';
import type { InspectorMode } from '../shared/domain';
import { formatAgentRows, listAgents, readStateFilter } from './agent-listing';
import type { InspectorSession } from './cli-context';
import { createUsageError } from './cli-error';
import { endInspection, startInspection, switchInspection } from './inspection-actions';
import {
  formatQueueSummaries,
  formatWaitingCalls,
  listWaitingCalls,
  summariseQueues,
} from './queue-listing';
import { SESSION_HELP, type SessionCommand } from './session-line-parser';
import type { ActionResult } from './signed-in-action';

export interface InspectionState {
  /** The agent inspected (or whose call was taken over); null when idle. */
  target: string | null;
  mode: InspectorMode;
  callId: string | null;
}

export interface SessionReply extends ActionResult {
  target: string | null;
}

export class SessionRunner {
  private current: InspectionState = { target: null, mode: 'idle', callId: null };
  /** When the event poll last brought an event (ms since epoch). */
  lastEventAt: number | null = null;

  constructor(
    private readonly session: InspectorSession,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): InspectionState {
    return { ...this.current };
  }

  /** Runs one command (not `quit`); rejects with a CliError or GatewayError on failure. */
  async run(command: Exclude<SessionCommand, { name: 'quit' }>): Promise<SessionReply> {
    const { client } = this.session;
    switch (command.name) {
      case 'listen':
      case 'barge':
      case 'whisper': {
        const target = this.resolveTarget(command.workNo);
        const mode = await startInspection(client, command.name, target);
        this.current = { target, mode, callId: null };
        return this.reply(target, `Now ${mode} (agent ${target}).`);
      }
      case 'switch': {
        const target = this.resolveTarget(command.workNo);
        const before = target === this.current.target ? this.current.mode : null;
        const mode =
          (await switchInspection(client, target, command.to, before)) ?? this.current.mode;
        this.current = { target, mode, callId: null };
        return this.reply(target, `Now ${mode} (agent ${target}).`);
      }
      case 'intercept': {
        const target = this.resolveTarget(command.workNo);
        await client.intercept(target, command.callId ?? undefined);
        this.current = { target, mode: 'talking', callId: command.callId };
        return this.reply(target, `Took over the call of agent ${target}.`);
      }
      case 'cancel': {
        const target = this.resolveTarget(command.workNo);
        await endInspection(
          client,
          target,
          target === this.current.target ? this.current.mode : null,
        );
        this.current = { target: null, mode: 'idle', callId: null };
        return this.reply(target, `Stopped inspecting agent ${target}.`);
      }
      case 'request-call':
        await client.requestCall(command.callId, command.skillId);
        this.current = { target: null, mode: 'talking', callId: command.callId };
        return {
          ...this.reply(
            command.callId,
            `Took call ${command.callId} from skill ${command.skillId}.`,
          ),
          fields: { ...this.stateFields(), skillId: command.skillId },
        };
      case 'force-busy':
        await client.forceBusy(command.workNo);
        return { target: command.workNo, fields: {}, text: `Agent ${command.workNo} is now busy.` };
      case 'force-idle':
        await client.forceIdle(command.workNo);
        return { target: command.workNo, fields: {}, text: `Agent ${command.workNo} is now idle.` };
      case 'force-signout':
        await client.forceSignOutAgent(command.workNo);
        return {
          target: command.workNo,
          fields: {},
          text: `Agent ${command.workNo} is signed out.`,
        };
      case 'agents': {
        const { rows, you, warnings } = await listAgents(client, readStateFilter(command.state));
        return {
          target: null,
          fields: { agents: rows, you, warnings },
          text: [...warnings, ...formatAgentRows(rows, you)],
        };
      }
      case 'queue':
        if (command.skillId === null) {
          const queues = await summariseQueues(client, this.now());
          return { target: null, fields: { queues }, text: formatQueueSummaries(queues) };
        } else {
          const calls = await listWaitingCalls(client, command.skillId, this.now());
          return {
            target: String(command.skillId),
            fields: { skillId: command.skillId, calls },
            text: formatWaitingCalls(command.skillId, calls),
          };
        }
      case 'status':
        return {
          target: this.current.target,
          fields: {
            inspector: this.session.settings.agentId,
            ...this.stateFields(),
            lastEventAt: this.lastEventAt,
          },
          text: `Inspector ${this.session.settings.agentId}: ${this.current.mode}${this.current.target ? ` (agent ${this.current.target})` : ''}.`,
        };
      case 'help':
        return { target: null, fields: { help: SESSION_HELP }, text: SESSION_HELP };
    }
  }

  /** At the end of the session: ends a running listen/barge/whisper; null when there is none. */
  async releaseInspection(): Promise<SessionReply | null> {
    const { target, mode } = this.current;
    if (target === null || !isInspecting(mode)) return null;
    return this.run({ name: 'cancel', workNo: target });
  }

  private resolveTarget(workNo: string | null): string {
    const target = workNo ?? this.current.target;
    if (target === null)
      throw createUsageError(
        'No agent is being inspected: give the agent id (e.g. "listen 1002").',
      );
    return target;
  }

  private reply(target: string, text: string): SessionReply {
    return { target, fields: this.stateFields(), text };
  }

  private stateFields(): Record<string, unknown> {
    return { mode: this.current.mode, callId: this.current.callId };
  }
}
