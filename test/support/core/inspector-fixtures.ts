/** Shared inputs and states for the inspector state machine's tests. */
import { expect } from 'vitest';
import type { InspectorMode } from '../../../src/shared/domain';
import {
  INITIAL_INSPECTOR_STATE,
  transitionInspector,
  type InspectionAction,
  type InspectorInput,
  type InspectorState,
} from '../../../src/main/supervisor/inspector/inspector-machine';

export const CONTEXT = { signedIn: true, inspectorId: '900', targetState: 'talking' as const };

/** A request of `action` on agent 1002. */
export function request(
  action: InspectionAction,
  extra: Partial<Extract<InspectorInput, { kind: 'request' }>> = {},
): InspectorInput {
  return { kind: 'request', action, workNo: '1002', now: 1_000, context: CONTEXT, ...extra };
}

/** The machine in `mode` on `target`, its leg already seen. */
export function stateIn(mode: InspectorMode, target: string | null = '1002'): InspectorState {
  if (mode === 'idle') return { ...INITIAL_INSPECTOR_STATE };
  return {
    ...INITIAL_INSPECTOR_STATE,
    mode,
    targetWorkNo: target,
    since: 500,
    legSeen: true,
    lastTargetWorkNo: target,
  };
}

/** Run a request and its success; returns the final state. */
export function grant(state: InspectorState, input: InspectorInput): InspectorState {
  const asked = transitionInspector(state, input);
  expect(asked.refusal).toBeNull();
  expect(asked.effect).not.toBeNull();
  return transitionInspector(asked.state, { kind: 'succeeded', now: 2_000 }).state;
}
