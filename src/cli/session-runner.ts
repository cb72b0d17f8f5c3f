/**
 * Runs the commands of one `session` against one signed-in client under the app's rules
 * (session-core.ts): the state machine guards each action before the network, a start while
 * inspecting that agent switches (barge while listening barges in), and a command without an
 * agent id acts on the agent inspected. Listings (agents, queue) ask the gateway directly.
 */
import type { InspectionView, InspectorMode } from '../shared/domain';
import { tr } from './cli-i18n';
import type { Result } from '../shared/ipc/contract';
import {
  isInspecting,
  qcOfStart,
  switchToActionOf,
  type ForceAction,
} from '../shared/inspection-vocabulary';
import { switchInsteadOfStart } from '../main/supervisor/inspector/start-plan';
import { formatAgentRows, listAgents, readStateFilter } from './agent-listing';
import type { InspectorSession } from './cli-context';
import { CliError, createUsageError, EXIT_CODE } from './cli-error';
import { ContractFailure } from './output';
import {
  formatQueueSummaries,
  formatWaitingCalls,
  listWaitingCalls,
  summariseQueues,
} from './queue-listing';
import { sessionHelp, type SessionCommand } from './session-line-parser';
import { CliSessionCore } from './session-core';
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

const SOURCE = 'cli';

/** The contract's answer, or the refusal thrown as a ContractFailure. */
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ContractFailure(result.error);
  return result.value;
}

export class SessionRunner {
  readonly core: CliSessionCore;

  constructor(
    private readonly session: InspectorSession,
    private readonly now: () => number = Date.now,
    onSignOutRequested?: () => void,
  ) {
    this.core = new CliSessionCore(session, onSignOutRequested);
  }

  get state(): InspectionState {
    const view = this.core.view;
    return { target: view.targetWorkNo, mode: view.mode, callId: view.callId };
  }

  /** When the event poll last brought an event (ms since epoch). */
  get lastEventAt(): number | null {
    return this.core.lastEventAt;
  }

  /** Runs one command (not `quit`); rejects with a CliError, ContractFailure or GatewayError. */
  async run(command: Exclude<SessionCommand, { name: 'quit' }>): Promise<SessionReply> {
    const { client } = this.session;
    const actions = this.core.actions;
    switch (command.name) {
      case 'listen':
      case 'barge':
      case 'whisper': {
        const switchTo = switchInsteadOfStart(command.name, this.core.view, command.workNo);
        const view = unwrap(
          await (switchTo
            ? actions.runInspection({ action: switchTo, source: SOURCE })
            : actions.runInspection({
                action: command.name,
                workNo: this.resolveTarget(command.workNo),
                source: SOURCE,
              })),
        );
        return this.inspectionReply(view);
      }
      case 'switch': {
        this.checkTarget(command.workNo);
        const action = command.to === null ? 'switch' : switchToActionOf(qcOfStart(command.to));
        return this.inspectionReply(
          unwrap(await actions.runInspection({ action, source: SOURCE })),
        );
      }
      case 'intercept': {
        this.checkTarget(command.workNo);
        const target = this.core.view.targetWorkNo;
        const view = unwrap(
          await actions.runInspection({
            action: 'intercept',
            callId: command.callId,
            source: SOURCE,
          }),
        );
        return { ...this.inspectionReply(view), text: tr('session.tookOver', { workNo: target }) };
      }
      case 'cancel': {
        this.checkTarget(command.workNo);
        const target = this.core.view.targetWorkNo;
        const view = unwrap(await actions.runInspection({ action: 'cancel', source: SOURCE }));
        return {
          ...this.inspectionReply(view),
          target,
          text: tr('qc.stopped', { workNo: target }),
        };
      }
      case 'request-call': {
        const view = unwrap(
          await actions.runInspection({
            action: 'request-call',
            callId: command.callId,
            skillId: command.skillId,
            source: SOURCE,
          }),
        );
        return {
          target: command.callId,
          fields: { mode: view.mode, callId: view.callId, skillId: command.skillId },
          text: tr('qc.tookCall', { callId: command.callId, skillId: command.skillId }),
        };
      }
      case 'force-busy':
      case 'force-idle':
      case 'force-signout': {
        unwrap(await actions.runForce(FORCE_ACTION_OF_WORD[command.name], command.workNo, SOURCE));
        return {
          target: command.workNo,
          fields: {},
          text: tr(`qc.force.${command.name}`, { workNo: command.workNo }),
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
      case 'status': {
        const state = this.state;
        return {
          target: state.target,
          fields: {
            inspector: this.session.settings.agentId,
            mode: state.mode,
            callId: state.callId,
            lastEventAt: this.lastEventAt,
          },
          text: state.target
            ? tr('session.statusOn', {
                inspector: this.session.settings.agentId,
                mode: tr(`mode.${state.mode}`),
                workNo: state.target,
              })
            : tr('session.status', {
                inspector: this.session.settings.agentId,
                mode: tr(`mode.${state.mode}`),
              }),
        };
      }
      case 'help':
        return { target: null, fields: { help: sessionHelp() }, text: sessionHelp() };
    }
  }

  /** At the end of the session: ends a running listen/barge/whisper; null when there is none. */
  async releaseInspection(): Promise<SessionReply | null> {
    const { target, mode } = this.state;
    if (target === null || !isInspecting(mode)) return null;
    return this.run({ name: 'cancel', workNo: target });
  }

  private inspectionReply(view: InspectionView): SessionReply {
    return {
      target: view.targetWorkNo,
      fields: { mode: view.mode, callId: view.callId },
      text: tr('session.now', { mode: tr(`mode.${view.mode}`), workNo: view.targetWorkNo }),
    };
  }

  /** A start without an agent id needs one unless an inspection runs. */
  private resolveTarget(workNo: string | null): string {
    const target = workNo ?? this.core.view.targetWorkNo;
    if (target === null) throw createUsageError(tr('session.noTarget'));
    return target;
  }

  /** An agent named with switch/intercept/cancel must be the one inspected. */
  private checkTarget(workNo: string | null): void {
    const target = this.core.view.targetWorkNo;
    if (workNo === null || target === null || workNo === target) return;
    throw new CliError(
      'needs-session',
      tr('session.otherTarget', { workNo, target }),
      EXIT_CODE.refused,
    );
  }
}
