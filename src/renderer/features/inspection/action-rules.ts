/**
 * When each supervisor action is possible, mirroring the core's guards so a button is only
 * enabled when the core would accept it, and says why not otherwise. Pure: tested without a
 * screen. The core still checks again; this only keeps the supervisor from trying in vain.
 */
import type {
  AgentRow,
  ConnectionState,
  InspectionView,
  SupervisorAction,
} from '../../../shared/domain';
import {
  isInspecting,
  modeAfterSwitch,
  modeOfQc,
  qcOfSwitchTo,
} from '../../../shared/inspection-vocabulary';

export interface ActionContext {
  connection: ConnectionState;
  inspection: InspectionView;
  /** The selected agent (what listen/barge/whisper and the force actions act on). */
  agent: AgentRow | null;
}

/** Why an action is unavailable: an i18n key under `reasons.` and its values. */
export interface BlockReason {
  key: string;
  params?: Record<string, string>;
}

export type Availability = { allowed: true } | { allowed: false; reason: BlockReason };

const ALLOWED: Availability = { allowed: true };
const block = (key: string, params?: Record<string, string>): Availability => ({
  allowed: false,
  reason: { key, params },
});

/** The inspector's own agent id while signed in. */
function readInspectorId(connection: ConnectionState): string | null {
  return connection.phase === 'live' ? connection.inspectorId : null;
}

function checkAgent(context: ActionContext): Availability {
  const { agent } = context;
  if (!agent) return block('noAgent');
  if (agent.workNo === readInspectorId(context.connection)) return block('self');
  if (agent.state === 'signed-out') return block('agentSignedOut', { workNo: agent.workNo });
  return ALLOWED;
}

/** Whether `action` is possible now, and if not, why. */
export function checkAction(action: SupervisorAction, context: ActionContext): Availability {
  const { connection, inspection } = context;
  if (connection.phase !== 'live') return block('notLive');
  if (inspection.pending !== null) return block('pending', { action: inspection.pending });
  const mode = inspection.mode;
  switch (action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      if (mode !== 'idle') return block(mode === 'talking' ? 'inCall' : 'notIdle');
      return checkAgent(context);
    case 'switch':
      return modeAfterSwitch(mode) !== null ? ALLOWED : block('switchNeedsListenOrBarge');
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
      if (!isInspecting(mode)) return block('notInspecting');
      return mode === modeOfQc(qcOfSwitchTo(action)) ? block('alreadyInMode', { mode }) : ALLOWED;
    case 'intercept':
    case 'cancel':
      return isInspecting(mode) ? ALLOWED : block('notInspecting');
    case 'request-call':
      return mode === 'idle' ? ALLOWED : block(mode === 'talking' ? 'inCall' : 'notIdle');
    case 'force-busy':
    case 'force-idle':
    case 'force-sign-out':
      return checkAgent(context);
  }
}

/** Actions that cannot be undone and so ask first (unless the supervisor turned that off). */
export function isDestructive(action: SupervisorAction): boolean {
  return action === 'intercept' || action === 'force-sign-out';
}
