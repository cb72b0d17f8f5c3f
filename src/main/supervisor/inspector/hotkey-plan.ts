/**
 * What a global hotkey asks the inspector to do, decided from plain facts (the inspector's
 * state, the selection, the focus agent). Pure: the runtime gathers the facts, the action layer
 * runs the request.
 */
import type { HotkeyAction } from '../../../shared/domain';
import { switchInsteadOfStart } from './start-plan';
import type { InspectorState } from './inspector-state';
import type { InspectionRequest } from './supervisor-actions';

/** The facts a hotkey is planned from. */
export interface HotkeyFacts {
  inspector: Pick<InspectorState, 'mode' | 'pending' | 'targetWorkNo'>;
  /** The agent selected in the window, if any. */
  selectedWorkNo: string | null;
  /** The agent hotkeys act on: the selection, else the last one acted on. */
  focusWorkNo: string | null;
}

/**
 * Listen / barge / whisper act on the focus agent; while already inspecting that agent (nothing
 * pending, no other agent selected) they switch the mode instead — pressing "barge" while
 * listening barges in. Switch, intercept and cancel act on the current inspection. (The
 * stop-follow hotkey is the coaching room's, not an inspection.)
 */
export function planHotkey(
  action: Exclude<HotkeyAction, 'stop-follow'>,
  facts: HotkeyFacts,
): InspectionRequest {
  const source = 'hotkey';
  if (action === 'switch' || action === 'intercept' || action === 'cancel')
    return { action, source };
  const { inspector, selectedWorkNo } = facts;
  const switchTo = switchInsteadOfStart(action, inspector, selectedWorkNo);
  if (switchTo) return { action: switchTo, source };
  return { action, workNo: facts.focusWorkNo, source };
}
