import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InspectionView } from '../../../shared/domain';
import { IDLE_INSPECTION } from '../../../shared/inspection-vocabulary';
import {
  makeAgent,
  makeHotkeys,
  makeSettings,
  makeSnapshot,
} from '../../../../test/support/renderer/fixtures';
import {
  giveElementsSizeInEachTest,
  renderApp,
} from '../../../../test/support/renderer/render-app';

giveElementsSizeInEachTest(600);

const roster = [
  makeAgent('1001', { name: 'Li Na', state: 'talking' }),
  makeAgent('1002', { name: 'Wang Fang', state: 'signed-out' }),
];
const listening: InspectionView = {
  ...IDLE_INSPECTION,
  mode: 'listening',
  targetWorkNo: '1001',
  since: Date.now() - 5_000,
  lastTargetWorkNo: '1001',
};

function actionBar() {
  return within(screen.getByRole('region', { name: 'Actions' }));
}

describe('ActionBar', () => {
  it('says why an action is unavailable, on the button itself', async () => {
    await renderApp({ snapshot: makeSnapshot({ roster }) });
    const listen = actionBar().getByRole('button', { name: 'Listen' });
    expect(listen).toHaveAttribute('aria-disabled', 'true');
    expect(listen).toHaveAccessibleDescription('Select an agent in the list first.');
    expect(actionBar().getByRole('button', { name: 'Intercept' })).toHaveAccessibleDescription(
      'Start listening, barging in or whispering first.',
    );
  });

  it('enables listening on a selected, signed-in agent and shows its hotkey', async () => {
    const { api } = await renderApp({
      snapshot: makeSnapshot({
        roster,
        selectedWorkNo: '1001',
        hotkeys: makeHotkeys({ listen: 'CommandOrControl+Alt+L' }),
      }),
    });
    const listen = actionBar().getByRole('button', { name: /^Listen/ });
    expect(listen).not.toHaveAttribute('aria-disabled');
    expect(listen).toHaveAccessibleDescription('Hotkey Ctrl+Alt+L');
    api.handle('inspection.listen', () => ({ ok: true, value: listening }));
    await userEvent.click(listen);
    expect(api.callsOf('inspection.listen')).toEqual([{ workNo: '1001' }]);
    expect(screen.getByTestId('inspection-status')).toHaveTextContent('Listening1001 Li Na');
  });

  it('explains that a signed-out agent cannot be inspected', async () => {
    await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1002' }) });
    expect(actionBar().getByRole('button', { name: 'Barge in' })).toHaveAccessibleDescription(
      'Agent 1002 is signed out.',
    );
  });

  it('sends one request for a double press', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }) });
    let answer: (view: InspectionView) => void = () => undefined;
    api.handle(
      'inspection.barge',
      () => new Promise((resolve) => (answer = (value) => resolve({ ok: true, value }))),
    );
    const barge = actionBar().getByRole('button', { name: 'Barge in' });
    await user.dblClick(barge);
    expect(api.callsOf('inspection.barge')).toHaveLength(1);
    expect(actionBar().getByRole('button', { name: 'Listen' })).toHaveAccessibleDescription(
      'Wait: Barge in is in progress.',
    );
    await act(async () => answer({ ...listening, mode: 'inserting' }));
    expect(screen.getByTestId('inspection-status')).toHaveTextContent('Barged in');
  });

  it('asks before intercepting, and intercepts only on confirmation', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, inspection: listening }) });
    await user.click(actionBar().getByRole('button', { name: 'Intercept' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Take over this call?' });
    expect(dialog).toHaveTextContent('agent 1001 Li Na');
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(api.callsOf('inspection.intercept')).toHaveLength(0);

    await user.click(actionBar().getByRole('button', { name: 'Intercept' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Intercept' }),
    );
    expect(api.callsOf('inspection.intercept')).toEqual([{}]);
  });

  it('can stop asking, through the settings', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }) });
    api.handle('settings.update', (patch) => ({
      ok: true,
      value: makeSettings({ confirmDestructive: patch.confirmDestructive ?? true }),
    }));
    await user.click(actionBar().getByRole('button', { name: 'Sign out agent' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign this agent out?' });
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Sign out agent' }));
    expect(api.callsOf('settings.update')).toEqual([{ confirmDestructive: false }]);
    expect(api.callsOf('agents.forceSignOut')).toEqual([{ workNo: '1001' }]);
    await user.click(actionBar().getByRole('button', { name: 'Sign out agent' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.callsOf('agents.forceSignOut')).toHaveLength(2);
  });

  it('does not ask when the supervisor turned confirmations off', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({
      snapshot: makeSnapshot({
        roster,
        inspection: listening,
        settings: makeSettings({ confirmDestructive: false }),
      }),
    });
    await user.click(actionBar().getByRole('button', { name: 'Intercept' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.callsOf('inspection.intercept')).toHaveLength(1);
  });

  it('shows a gateway refusal in plain words with its retcode', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, selectedWorkNo: '1001' }) });
    api.handle('inspection.whisper', () => ({
      ok: false,
      error: {
        code: 'gateway',
        message: 'You have no permission to inspect this agent.',
        messageZh: '质检：无权限质检该座席。',
        retcode: '900-002',
        field: null,
      },
    }));
    await user.click(actionBar().getByRole('button', { name: 'Whisper' }));
    const toast = screen.getByTestId('toast');
    expect(toast).toHaveTextContent('You have no permission to inspect this agent.');
    expect(toast).toHaveTextContent('code 900-002');
  });

  it('offers switch, switch-to and cancel while listening', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp({ snapshot: makeSnapshot({ roster, inspection: listening }) });
    expect(actionBar().getByRole('button', { name: '→ Listen' })).toHaveAccessibleDescription(
      'You are already in this mode (Listening).',
    );
    await user.click(actionBar().getByRole('button', { name: 'Switch' }));
    await user.click(actionBar().getByRole('button', { name: '→ Whisper' }));
    await user.click(actionBar().getByRole('button', { name: 'End' }));
    expect(
      api.calls.map((call) => call.name).filter((name) => name.startsWith('inspection.')),
    ).toEqual(['inspection.switch', 'inspection.switchTo', 'inspection.cancel']);
    expect(api.callsOf('inspection.switchTo')).toEqual([{ mode: 'whisper' }]);
  });
});
