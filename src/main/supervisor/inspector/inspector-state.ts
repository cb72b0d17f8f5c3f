/**
 * The inspector state machine's data: its state, inputs and the gateway effects it asks for.
 * Shared by the request guard and the outcome reducer.
 */
import type { AgentState, InspectorMode, QcMode } from '../../../shared/domain';
import type { InspectionAction } from '../../../shared/inspection-vocabulary';
import type { Refusal } from './inspector-refusals';

/** A request sent to the gateway, awaiting its result. */
export interface PendingInspection {
  action: InspectionAction;
  workNo: string | null;
  callId: string | null;
  skillId: number | null;
  startedAt: number;
  /** Mode when the request was sent (a switch toggles from it). */
  fromMode: InspectorMode;
  /** A leg event (Busy, alerting, off-hook, talking) arrived while the request was pending. */
  legSeen: boolean;
}

/** The inspector's own inspection state. */
export interface InspectorState {
  mode: InspectorMode;
  targetWorkNo: string | null;
  callId: string | null;
  /** When the current mode started (ms). */
  since: number | null;
  /** A leg event of the current leg was seen, so a later Ready/PhoneRelease ends it. */
  legSeen: boolean;
  pending: PendingInspection | null;
  lastTargetWorkNo: string | null;
}

/** Signed in, inspecting nobody, nothing pending. */
export const INITIAL_INSPECTOR_STATE: InspectorState = Object.freeze({
  mode: 'idle',
  targetWorkNo: null,
  callId: null,
  since: null,
  legSeen: false,
  pending: null,
  lastTargetWorkNo: null,
});

/** What the guard needs to know about the world outside the machine. */
export interface GuardContext {
  signedIn: boolean;
  inspectorId: string | null;
  /** Roster state of the agent the request names, when known. */
  targetState: AgentState | null;
}

/** What moves the machine: a request, a gateway result, an own event or status, a reset. */
export type InspectorInput =
  | {
      kind: 'request';
      action: InspectionAction;
      workNo?: string | null;
      callId?: string | null;
      skillId?: number | null;
      now: number;
      context: GuardContext;
    }
  | { kind: 'succeeded'; now: number }
  | { kind: 'failed'; now: number }
  | { kind: 'own-event'; eventType: string; content: unknown; now: number }
  | { kind: 'own-status'; agentState: number | null; now: number }
  | { kind: 'session-reset' };

/** The gateway call a granted request needs. */
export type GatewayEffect =
  | {
      call: 'listen' | 'insert' | 'whisper' | 'switchListenInsert' | 'cancel' | 'stopWhisper';
      workNo: string;
    }
  | { call: 'switchMode'; workNo: string; to: QcMode }
  | { call: 'intercept'; workNo: string; callId?: string }
  | { call: 'requestCall'; callId: string; skillId: number };

/** The outcome of one input: the next state and what to do (send, refuse or join). */
export interface Transition {
  state: InspectorState;
  effect: GatewayEffect | null;
  refusal: Refusal | null;
  /** The same request is already in flight: wait for it instead of sending another. */
  join: boolean;
}
