/**
 * A global hotkey fires while another application has focus — a stray key press must not take
 * over an agent's call. So an intercept (or a force sign-out) started from a hotkey asks first
 * when Settings → "Confirm destructive actions" is on, in a native dialog of main (the
 * PersonConfirmation port). Without a way to ask, it does not go ahead.
 */
import type { Result } from '../../../shared/ipc/contract';
import { commandError, fail } from '../command-errors';
import type { DestructiveRequest, PersonConfirmation } from '../ports';
import type { InspectionRequest } from './supervisor-actions';

export type HotkeyVerdict = { go: true } | { go: false; result: Result<never> | 'declined' };

const CANNOT_ASK = commandError(
  'forbidden-state',
  'Intercepting from a hotkey needs your confirmation, which cannot be shown here: use the window.',
  '通过快捷键拦截需要您的确认，但此处无法显示确认框：请在窗口中操作。',
);

/** Whether the planned request needs the person, and if so, what they said. */
export async function confirmHotkeyRequest(
  request: InspectionRequest,
  targetWorkNo: string | null,
  options: { confirmDestructive: boolean; confirm: PersonConfirmation | undefined },
): Promise<HotkeyVerdict> {
  if (request.action !== 'intercept' || !options.confirmDestructive) return { go: true };
  if (!options.confirm) return { go: false, result: fail(CANNOT_ASK) };
  const ask: DestructiveRequest = { action: 'intercept', workNo: targetWorkNo, source: 'hotkey' };
  const confirmed = await options.confirm.confirmDestructive(ask).catch(() => false);
  return confirmed ? { go: true } : { go: false, result: 'declined' };
}
