/**
 * Every contract command, one handler each, on top of the runtime. Handlers return Results; the
 * dispatcher turns anything thrown into an `internal` CommandError.
 */
import {
  HOTKEY_ACTIONS,
  type AppSnapshot,
  type RosterSnapshot,
  type ScreenSnapshot,
  type HotkeyStatus,
  type Settings,
} from '../../shared/domain';
import type {
  CommandName,
  CommandResults,
  Result,
  ValidCommandArgs,
} from '../../shared/ipc/contract';
import { switchToActionOf } from '../../shared/inspection-vocabulary';
import { composeRosterSnapshot } from '../../shared/roster-view/presorted-roster';
import { commandError, fail, ok, toCommandError, warningNotice } from './command-errors';
import { formatJournalCsv, formatJournalJson, suggestExportName } from './journal/journal-export';
import { mergeSettings } from './account/settings-model';
import { refuseAddress } from './account/gateway-policy';
import { refuseLockedPath } from './account/policy-guard';
import { policyViewOf } from '../policy/policy-settings';
import { applyTrustChange, trustChanged } from './account/trust-change';
import { signInFromWindow, signOutFromWindow, startDemo } from './account/account-flows';
import type { SupervisorRuntime } from './supervisor-runtime';
import { errorMessage } from './error-text';
import type { CoachingRoom } from './coaching/coaching-room';
import { createCoachingHandlers } from './coaching/coaching-commands';

export type Handlers = {
  [N in CommandName]: (args: ValidCommandArgs<N>) => Promise<Result<CommandResults[N]>>;
};

/** Commands with rooms of their own (updates/, diagnostics/), bound in create-supervisor.ts. */
export type RoomCommand =
  'updates.check' | 'updates.install' | 'updates.getState' | 'diagnostics.export';

/** The handler of every command but the rooms' own (updates/, diagnostics/), bound to a runtime. */
export function createCommandHandlers(
  rt: SupervisorRuntime,
  coaching: CoachingRoom,
): Omit<Handlers, RoomCommand> {
  return {
    ...createCoachingHandlers(coaching),
    'app.getSnapshot': async () => ok(buildSnapshot(rt)),
    'app.getScreen': async ({ agentsUpTo }) => ok(buildScreen(rt, agentsUpTo)),
    'roster.getSnapshot': async () => ok(buildRosterSnapshot(rt)),
    'app.getStatus': async () =>
      ok({ connection: rt.session.connectionState(), inspection: rt.inspection }),
    'app.openLogsFolder': async () => {
      if (!rt.ports.shell)
        return fail(
          commandError(
            'internal',
            'Opening the logs folder is not available here.',
            '此处无法打开日志文件夹。',
          ),
        );
      await rt.ports.shell.openLogsFolder();
      return ok(null);
    },
    'session.signIn': (args) => signInFromWindow(rt, args),
    'session.signOut': (args) => signOutFromWindow(rt, args.forgetPassword),
    'session.startDemo': () => startDemo(rt, 'window'),
    'agents.select': async ({ workNo }) => {
      rt.selectAgent(workNo);
      return ok(null);
    },
    'inspection.listen': ({ workNo, source }) =>
      rt.actions.runInspection({ action: 'listen', workNo, source }),
    'inspection.barge': ({ workNo, source }) =>
      rt.actions.runInspection({ action: 'barge', workNo, source }),
    'inspection.whisper': ({ workNo, source }) =>
      rt.actions.runInspection({ action: 'whisper', workNo, source }),
    'inspection.switch': ({ source }) => rt.actions.runInspection({ action: 'switch', source }),
    'inspection.switchTo': ({ mode, source }) =>
      rt.actions.runInspection({ action: switchToActionOf(mode), source }),
    'inspection.intercept': ({ source }) =>
      rt.actions.runInspection({ action: 'intercept', source }),
    'inspection.cancel': ({ source }) => rt.actions.runInspection({ action: 'cancel', source }),
    'agents.forceBusy': ({ workNo, source }) => rt.actions.runForce('force-busy', workNo, source),
    'agents.forceIdle': ({ workNo, source }) => rt.actions.runForce('force-idle', workNo, source),
    'agents.forceSignOut': ({ workNo, source }) =>
      rt.actions.runForce('force-sign-out', workNo, source),
    'queues.watch': async ({ skillIds, panelOpen }) => {
      rt.queues.watch(skillIds, panelOpen ?? false);
      return ok(null);
    },
    'queues.requestCall': ({ callId, skillId, source }) =>
      rt.actions.runInspection({ action: 'request-call', callId, skillId, source }),
    'settings.update': (patch) => updateSettings(rt, patch),
    'hotkeys.set': async ({ action, accelerator }) => {
      // A hotkey the administrator set is neither registered anew nor saved.
      const locked = refuseLockedPath(`hotkeys.${action}`, rt.policy);
      if (locked) return fail(locked);
      const port = rt.ports.hotkeys;
      if (!port)
        return fail(
          commandError(
            'internal',
            'Global hotkeys are not available here.',
            '此处不支持全局快捷键。',
          ),
        );
      const statuses = port.set(action, accelerator);
      const mine = statuses.find((status) => status.action === action);
      if (accelerator === null || mine?.status === 'registered') {
        const saved = rt.saveSettings({
          ...rt.settings,
          hotkeys: { ...rt.settings.hotkeys, [action]: accelerator },
        });
        // The hotkey works now; say that it will not survive a restart.
        if (!saved.ok) rt.notice(warningNotice(saved.error));
      }
      rt.emit('hotkeys.changed', statuses);
      return ok(statuses);
    },
    'stats.getSnapshot': async () => ok(rt.stats.snapshot()),
    'stats.history': async ({ skillId, sinceMs }) => ok(rt.stats.history(skillId, sinceMs)),
    'stats.exportCsv': async () => {
      const saver = rt.ports.fileSaver;
      if (!saver)
        return fail(
          commandError('internal', 'Saving files is not available here.', '此处无法保存文件。'),
        );
      const csv = rt.stats.exportCsv();
      return ok({ savedTo: await saver.save(csv.name, csv.text), rows: csv.rows });
    },
    'wallboard.open': async () => {
      if (!rt.ports.wallboard)
        return fail(
          commandError(
            'internal',
            'The wallboard window is not available here.',
            '此处无法打开大屏窗口。',
          ),
        );
      rt.ports.wallboard.open();
      return ok(null);
    },
    'journal.list': async ({ limit }) => ok(rt.journal.listNewest(limit)),
    'journal.export': async ({ format }) => {
      const saver = rt.ports.fileSaver;
      if (!saver)
        return fail(
          commandError('internal', 'Saving files is not available here.', '此处无法保存文件。'),
        );
      const entries = rt.journal.readAll();
      const content = format === 'csv' ? formatJournalCsv(entries) : formatJournalJson(entries);
      const savedTo = await saver.save(suggestExportName(format, rt.clock.now()), content);
      return ok({ savedTo, entries: entries.length });
    },
  };
}

/** Run a command by name; never throws. */
export async function dispatchCommand<N extends CommandName>(
  handlers: Handlers,
  rt: SupervisorRuntime,
  name: N,
  args: ValidCommandArgs<N>,
): Promise<Result<CommandResults[N]>> {
  const handler = handlers[name] as
    ((args: ValidCommandArgs<N>) => Promise<Result<CommandResults[N]>>) | undefined;
  if (!handler)
    return fail(
      commandError(
        'unknown-command',
        `Unknown command: ${String(name)}.`,
        `未知命令：${String(name)}。`,
      ),
    );
  try {
    return await handler(args);
  } catch (error) {
    rt.logger.error('command failed', { command: name, error: errorMessage(error) });
    return fail(toCommandError(error));
  }
}

/** Everything the screen needs at start or after a version gap. */
function buildSnapshot(rt: SupervisorRuntime): AppSnapshot {
  return { ...screenParts(rt), ...buildRosterSnapshot(rt) };
}

/** The agents at the current version; a big list in the default order (one ordering, warm). */
function buildRosterSnapshot(rt: SupervisorRuntime): RosterSnapshot {
  return composeRosterSnapshot(
    rt.roster.list(),
    rt.roster.version,
    rt.clock.now(),
    rt.settings.alerts,
  );
}

/**
 * The window's first answer: everything but the agents, which come along only when they are
 * at most `agentsUpTo` (else they follow as `roster.getSnapshot`, once the screen is up).
 */
function buildScreen(rt: SupervisorRuntime, agentsUpTo: number): ScreenSnapshot {
  const agentCount = rt.roster.size;
  const agents = agentCount <= agentsUpTo ? buildRosterSnapshot(rt) : null;
  return { ...screenParts(rt), agentCount, agents };
}

function screenParts(rt: SupervisorRuntime): Omit<ScreenSnapshot, 'agentCount' | 'agents'> {
  return {
    connection: rt.session.connectionState(),
    inspection: rt.inspection,
    selectedWorkNo: rt.selectedWorkNo,
    queues: rt.queues.list(),
    alerts: rt.alerts.list(),
    settings: rt.settings,
    hotkeys: listHotkeys(rt),
    passwordRemembered: rt.account.passwordRemembered,
    keychainAvailable: rt.account.keychainAvailable,
    startupNotices: [...rt.startupNotices],
    policy: policyViewOf(rt.policy),
  };
}

function listHotkeys(rt: SupervisorRuntime): HotkeyStatus[] {
  if (rt.ports.hotkeys) return rt.ports.hotkeys.list();
  return HOTKEY_ACTIONS.map((action) => ({
    action,
    accelerator: rt.settings.hotkeys[action],
    status: 'unbound',
    detail: 'Global hotkeys are not available here.',
  }));
}

async function updateSettings(
  rt: SupervisorRuntime,
  patch: ValidCommandArgs<'settings.update'>,
): Promise<Result<Settings>> {
  const before = rt.settings;
  const after = mergeSettings(before, patch);
  // A password never goes to a refused address: such settings are not even saved.
  if (after.gateway.url !== '') {
    const refusal = refuseAddress(after.gateway.url, after.gateway, 'gateway.url');
    if (refusal) return fail(refusal);
  }
  const saved = rt.saveSettings(after);
  if (!saved.ok) return saved;
  if (JSON.stringify(before.alerts) !== JSON.stringify(after.alerts))
    rt.alerts.setThresholds(after.alerts, rt.clock.now());
  if (before.insight.serviceLevelSeconds !== after.insight.serviceLevelSeconds)
    rt.stats.applySettings();
  // A new address or trust needs the person (trust-change.ts), never just this request.
  if (trustChanged(before, after)) await applyTrustChange(rt, before, after);
  else if (before.gateway.maxAnswerMiB !== after.gateway.maxAnswerMiB)
    rt.logger.info('answer size limit changed; it applies from the next sign-in');
  rt.scheduleFlush();
  return ok(after);
}
