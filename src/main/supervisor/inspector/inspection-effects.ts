/**
 * What each supervisor action asks of the gateway, and the call that carries it out. The state
 * machine grants a request and then asks `effectOf` for its effect; the command line, which
 * leaves guarding to the gateway, asks `effectOf` directly. Both send through `executeEffect`
 * (inspection actions) and `executeForce` (force-* actions).
 */
import type { InspectorMode } from '../../../shared/domain';
import {
  qcOfStart,
  qcOfSwitchTo,
  type ForceAction,
  type InspectionAction,
} from '../../../shared/inspection-vocabulary';
import type { GatewayClient } from '../../gateway/gateway-client';
import type { GatewayEffect } from './inspector-state';

/** The gateway calls the supervisor's actions use. */
export type ActionGateway = Pick<
  GatewayClient,
  | 'listen'
  | 'insert'
  | 'whisper'
  | 'switchListenInsert'
  | 'switchMode'
  | 'intercept'
  | 'cancel'
  | 'stopWhisper'
  | 'requestCall'
  | 'forceBusy'
  | 'forceIdle'
  | 'forceSignOutAgent'
  | 'getOwnStatus'
>;

/** An inspection action with what its gateway call needs. */
export type EffectRequest =
  | {
      action: Exclude<InspectionAction, 'request-call'>;
      /** The agent acted on: the one to start on, or the one being inspected. */
      workNo: string;
      /** The inspection's mode, when known: a whisper is ended by its own interface (§5.5). */
      mode: InspectorMode | null;
      /** Intercept only: the call to take over (newer gateways); absent for the agent's call. */
      callId?: string | null;
    }
  | { action: 'request-call'; callId: string; skillId: number };

/** The gateway call an action needs. Not a guard: it says what, never whether. */
export function effectOf(request: EffectRequest): GatewayEffect {
  if (request.action === 'request-call')
    return { call: 'requestCall', callId: request.callId, skillId: request.skillId };
  const { action, workNo } = request;
  switch (action) {
    case 'listen':
    case 'barge':
    case 'whisper':
      return { call: qcOfStart(action), workNo };
    case 'switch':
      return { call: 'switchListenInsert', workNo };
    case 'switch-to-listen':
    case 'switch-to-barge':
    case 'switch-to-whisper':
      return { call: 'switchMode', workNo, to: qcOfSwitchTo(action) };
    case 'intercept':
      return request.callId
        ? { call: 'intercept', workNo, callId: request.callId }
        : { call: 'intercept', workNo };
    case 'cancel':
      // Whisper is ended by its own interface (§5.5); DELETE ends listen and insert (§5.7).
      return { call: request.mode === 'whispering' ? 'stopWhisper' : 'cancel', workNo };
  }
}

/** Start the gateway call of an effect (synchronously: the request leaves now). */
export function executeEffect(client: ActionGateway, effect: GatewayEffect): Promise<void> {
  try {
    switch (effect.call) {
      case 'listen':
        return client.listen(effect.workNo);
      case 'insert':
        return client.insert(effect.workNo);
      case 'whisper':
        return client.whisper(effect.workNo);
      case 'switchListenInsert':
        return client.switchListenInsert(effect.workNo);
      case 'cancel':
        return client.cancel(effect.workNo);
      case 'stopWhisper':
        return client.stopWhisper(effect.workNo);
      case 'switchMode':
        return client.switchMode(effect.workNo, effect.to);
      case 'intercept':
        return effect.callId === undefined
          ? client.intercept(effect.workNo)
          : client.intercept(effect.workNo, effect.callId);
      case 'requestCall':
        return client.requestCall(effect.callId, effect.skillId);
    }
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Start the gateway call that forces an agent busy, idle or signed out. */
export function executeForce(
  client: Pick<ActionGateway, 'forceBusy' | 'forceIdle' | 'forceSignOutAgent'>,
  action: ForceAction,
  workNo: string,
): Promise<void> {
  switch (action) {
    case 'force-busy':
      return client.forceBusy(workNo);
    case 'force-idle':
      return client.forceIdle(workNo);
    case 'force-sign-out':
      return client.forceSignOutAgent(workNo);
  }
}
