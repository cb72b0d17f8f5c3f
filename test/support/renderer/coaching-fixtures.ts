/**
 * What the coaching screen tests share: a small roster, a coaching view with nothing going on,
 * and choosing an item of the action bar's Coaching menu.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CoachingView } from '../../../src/shared/coaching';
import { makeAgent } from './fixtures';

export const coachingRoster = [
  makeAgent('1001', { name: 'Li Na', state: 'talking' }),
  makeAgent('1002', { name: 'Wang Fang', state: 'idle' }),
  makeAgent('1003', { name: 'Zhao Lei', state: 'signed-out' }),
];

export const EMPTY_COACHING_VIEW: CoachingView = {
  follow: null,
  sampler: { enabled: false, proposal: null, sampledThisShift: 0 },
  scorecardDue: null,
  fileAvailable: true,
};

/** Open the action bar's "Coaching" menu and choose an item by its name. */
export async function chooseCoaching(name: string): Promise<void> {
  const actions = within(screen.getByRole('region', { name: 'Actions' }));
  await userEvent.click(actions.getByRole('button', { name: 'Coaching' }));
  await userEvent.click(screen.getByRole('menuitem', { name }));
}
