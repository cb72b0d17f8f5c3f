/**
 * Runs the commands of one `session` against one signed-in client, remembering which agent is
 * being inspected and how, so `switch`, `intercept` and `cancel` can omit the agent id.
 */
import { executeForce } from '../main/supervisor/inspector/inspection-effects';
import type { InspectorMode } from '../shared/domain';
import {
  isInspecting,
  qcOfStart,
  switchToActionOf,
  type ForceAction,
} from '../shared/inspection-vocabulary';
import { formatAgentRows, listAgents, readStateFilter } from './agent-listing';
import type { InspectorSession } from './cli-context';
import { createUsageError } from './cli-error';
import { runInspection } from './inspection-actions';
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

type ForceWord = 'force-busy' | 'force-idle' | 'force-signout';

/** The command line spells the sign-out force `force-signout`. */
const FORCE_ACTION_OF_WORD: Readonly<Record<ForceWord, ForceAction>> = {
  'force-busy': 'force-busy',
  'force-idle': 'force-idle',
  'force-signout': 'force-sign-out',
};

const FORCE_OUTCOMES: Readonly<Record<ForceWord, (workNo: string) => string>> = {
  'force-busy': (workNo) => `Agent ${workNo} is now busy.`,
  'force-idle': (workNo) => `Agent ${workNo} is now idle.`,
  'force-signout': (workNo) => `Agent ${workNo} is signed out.`,
};

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
        const mode = await runInspection(client, {
          action: command.name,
          workNo: target,
          mode: null,
        });
        this.current = { target, mode: mode ?? this.current.mode, callId: null };
        return this.reply(target, `Now ${this.current.mode} (agent ${target}).`);
      }
      case 'switch': {
        const target = this.resolveTarget(command.workNo);
        const action = command.to === null ? 'switch' : switchToActionOf(qcOfStart(command.to));
        const mode = await runInspection(client, {
          action,
          workNo: target,
          mode: this.modeOf(target),
        });
        this.current = { target, mode: mode ?? this.current.mode, callId: null };
        return this.reply(target, `Now ${this.current.mode} (agent ${target}).`);
      }
      case 'intercept': {
        const target = this.resolveTarget(command.workNo);
        await runInspection(client, {
          action: 'intercept',
          workNo: target,
          mode: this.modeOf(target),
          callId: command.callId,
        });
        this.current = { target, mode: 'talking', callId: command.callId };
        return this.reply(target, `Took over the call of agent ${target}.`);
      }
      case 'cancel': {
        const target = this.resolveTarget(command.workNo);
        await runInspection(client, {
          action: 'cancel',
          workNo: target,
          mode: this.modeOf(target),
        });
        this.current = { target: null, mode: 'idle', callId: null };
        return this.reply(target, `Stopped inspecting agent ${target}.`);
      }
      case 'request-call':
        await runInspection(client, {
          action: 'request-call',
          callId: command.callId,
          skillId: command.skillId,
        });
        this.current = { target: null, mode: 'talking', callId: command.callId };
        return {
          ...this.reply(
            command.callId,
            `Took call ${command.callId} from skill ${command.skillId}.`,
          ),
          fields: { ...this.stateFields(), skillId: command.skillId },
        };
      case 'force-busy':
      case 'force-idle':
      case 'force-signout': {
        await executeForce(client, FORCE_ACTION_OF_WORD[command.name], command.workNo);
        return {
          target: command.workNo,
          fields: {},
          text: FORCE_OUTCOMES[command.name](command.workNo),
        };
      }
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

  /** The mode of the inspection of `target` as far as this session knows; null if unknown. */
  private modeOf(target: string): InspectorMode | null {
    return target === this.current.target ? this.current.mode : null;
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
