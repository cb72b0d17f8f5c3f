/**
 * The inspector of one `cc-inspector session` under the app's rules: the core's action layer
 * (`SupervisorActions`: the state machine's guard, joining a request already in flight, the
 * journal with source `cli`) over this session's own signed-in client, with the inspector's
 * own events folded into its state as the app does. It answers the part of the contract a
 * headless session can (`SERVED_COMMANDS`), so `session --serve` offers it on the control
 * endpoint; the rest is the app's (roster, queues panel, settings, windows).
 */
import type { GatewayEvent } from '../main/gateway';
import {
  INITIAL_INSPECTOR_STATE,
  transitionInspector,
  viewInspection,
  type InspectorState,
} from '../main/supervisor/inspector/inspector-machine';
import { SupervisorActions } from '../main/supervisor/inspector/supervisor-actions';
import { commandError, fail, ok } from '../main/supervisor/command-errors';
import { systemClock } from '../main/supervisor/system-clock';
import type { EventListener, SupervisorCore } from '../main/supervisor/supervisor-api';
import type { ConnectionState, InspectionView, JournalEntry } from '../shared/domain';
import type { CommandName, CommandResults, Result, ValidCommandArgs } from '../shared/ipc/contract';
import { switchToActionOf } from '../shared/inspection-vocabulary';
import type { InspectorSession } from './cli-context';

/** What `session --serve` answers on the control endpoint. */
export const SERVED_COMMANDS = [
  'app.getStatus',
  'inspection.listen',
  'inspection.barge',
  'inspection.whisper',
  'inspection.switch',
  'inspection.switchTo',
  'inspection.intercept',
  'inspection.cancel',
  'agents.forceBusy',
  'agents.forceIdle',
  'agents.forceSignOut',
  'queues.requestCall',
  'journal.list',
  'session.signOut',
] as const satisfies readonly CommandName[];

type Served = (typeof SERVED_COMMANDS)[number];
const JOURNAL_KEPT = 1_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export class CliSessionCore implements Pick<SupervisorCore, 'execute' | 'subscribe'> {
  readonly actions: SupervisorActions;
  /** The newest journal lines of this session (oldest first). */
  readonly journal: JournalEntry[] = [];
  /** When the event poll last brought an event (ms since epoch). */
  lastEventAt: number | null = null;
  private inspector: InspectorState = INITIAL_INSPECTOR_STATE;
  private lost = false;
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly session: InspectorSession,
    /** `session.signOut` from the endpoint: the session ends (and signs out) as on `quit`. */
    private readonly onSignOutRequested: () => void = () => undefined,
  ) {
    const agentId = session.settings.agentId;
    this.actions = new SupervisorActions({
      clock: systemClock,
      logger: silent,
      liveClient: () => (this.lost ? null : session.client),
      isRecovering: () => false,
      inspectorId: () => agentId,
      targetState: () => null,
      getInspector: () => this.inspector,
      setInspector: (next) => {
        this.inspector = next;
        this.emit('inspection.changed', viewInspection(next));
      },
      journal: (entry) => {
        this.journal.push(entry);
        if (this.journal.length > JOURNAL_KEPT) this.journal.shift();
        this.emit('journal.appended', entry);
      },
      reportFailure: () => undefined,
      onQueuedCallTaken: () => undefined,
    });
  }

  get view(): InspectionView {
    return viewInspection(this.inspector);
  }

  /** An event of the poll: the inspector's own ones move its state, as in the app. */
  handleEvent(event: GatewayEvent): void {
    this.lastEventAt = event.receivedAt;
    if (event.workNo !== null && event.workNo !== this.session.settings.agentId) return;
    this.inspector = transitionInspector(this.inspector, {
      kind: 'own-event',
      eventType: event.eventType,
      content: event.content,
      now: systemClock.now(),
    }).state;
  }

  /** The gateway dropped the session: no action is sent any more. */
  markLost(): void {
    this.lost = true;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async execute<N extends CommandName>(
    name: N,
    args: ValidCommandArgs<N>,
  ): Promise<Result<CommandResults[N]>> {
    const run = this.handlers[name as Served] as
      ((args: unknown) => Promise<Result<unknown>>) | undefined;
    if (!run)
      return fail(
        commandError(
          'unknown-command',
          `${name} is not available in cc-inspector session --serve: use the desktop app.`,
          `cc-inspector session --serve 不提供 ${name}：请使用桌面应用。`,
        ),
      );
    return run(args) as Promise<Result<CommandResults[N]>>;
  }

  private readonly handlers: {
    [N in Served]: (args: ValidCommandArgs<N>) => Promise<Result<CommandResults[N]>>;
  } = {
    'app.getStatus': async () => ok({ connection: this.connection(), inspection: this.view }),
    'inspection.listen': ({ workNo, source }) =>
      this.actions.runInspection({ action: 'listen', workNo, source }),
    'inspection.barge': ({ workNo, source }) =>
      this.actions.runInspection({ action: 'barge', workNo, source }),
    'inspection.whisper': ({ workNo, source }) =>
      this.actions.runInspection({ action: 'whisper', workNo, source }),
    'inspection.switch': ({ source }) => this.actions.runInspection({ action: 'switch', source }),
    'inspection.switchTo': ({ mode, source }) =>
      this.actions.runInspection({ action: switchToActionOf(mode), source }),
    'inspection.intercept': ({ source }) =>
      this.actions.runInspection({ action: 'intercept', source }),
    'inspection.cancel': ({ source }) => this.actions.runInspection({ action: 'cancel', source }),
    'agents.forceBusy': ({ workNo, source }) => this.actions.runForce('force-busy', workNo, source),
    'agents.forceIdle': ({ workNo, source }) => this.actions.runForce('force-idle', workNo, source),
    'agents.forceSignOut': ({ workNo, source }) =>
      this.actions.runForce('force-sign-out', workNo, source),
    'queues.requestCall': ({ callId, skillId, source }) =>
      this.actions.runInspection({ action: 'request-call', callId, skillId, source }),
    'journal.list': async ({ limit }) => ok(this.journal.slice(-limit).reverse()),
    'session.signOut': async () => {
      this.onSignOutRequested();
      return ok(null);
    },
  };

  private connection(): ConnectionState {
    if (this.lost) return { phase: 'signed-out' };
    return {
      phase: 'live',
      gatewayUrl: this.session.settings.gatewayUrl,
      inspectorId: this.session.settings.agentId,
      demo: false,
      lastDataAt: this.lastEventAt,
    };
  }

  private emit: EventListener = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload);
  };
}
