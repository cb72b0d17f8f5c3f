/**
 * How each agent state looks: an icon and a colour tone, always shown with the state's word
 * (colour is never the only signal).
 */
import type { AgentState } from '../../../shared/domain';
import type { IconName } from '../../ui/icons';

export const STATE_ICON: Record<AgentState, IconName> = {
  talking: 'talking',
  ringing: 'ringing',
  busy: 'busy',
  'wrap-up': 'wrap-up',
  rest: 'rest',
  idle: 'idle',
  'signed-out': 'signed-out',
  unknown: 'unknown',
};
