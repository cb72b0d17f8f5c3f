/**
 * The one IPC contract: every command the renderer may invoke (name → arguments → result) and
 * every event main pushes. Main binds each command once with validation; the preload builds
 * `window.inspector` from COMMAND_NAMES / EVENT_NAMES and `satisfies InspectorApi`; the
 * renderer's Bridge is InspectorApi itself. This file holds no runtime dependency besides the
 * name lists, so the sandboxed preload can import it. `window.inspector` is declared once, in
 * window-inspector.d.ts beside this file.
 */
import type { z } from 'zod';
import type { CommandArgSchemas } from './contract-schemas';
import type {
  AlertView,
  AppSnapshot,
  AppStatus,
  RosterSnapshot,
  ScreenSnapshot,
  ConnectionState,
  HotkeyStatus,
  InspectionView,
  JournalEntry,
  Notice,
  RosterDelta,
  Settings,
  SkillQueueView,
} from '../domain';
import type {
  CoachingView,
  FollowView,
  NoteSendResult,
  Scorecard,
  TimelineEntry,
} from '../coaching';
import type { HistorySeries, InsightSnapshot } from '../insight';
import type { DiagnosticsExport, UpdateView } from '../updates';

/** Result type of each command. */
export interface CommandResults {
  'app.getSnapshot': AppSnapshot;
  /** The window's start, part 1: everything but the agents (part 2: `roster.getSnapshot`). */
  'app.getScreen': ScreenSnapshot;
  /** The agents alone with their version: the start's part 2, asked once the screen is up. */
  'roster.getSnapshot': RosterSnapshot;
  /** Who is signed in and what they inspect: the small answer a script or macro key needs. */
  'app.getStatus': AppStatus;
  'app.openLogsFolder': null;
  'session.signIn': null;
  'session.signOut': null;
  'session.startDemo': null;
  'agents.select': null;
  'inspection.listen': InspectionView;
  'inspection.barge': InspectionView;
  'inspection.whisper': InspectionView;
  'inspection.switch': InspectionView;
  'inspection.switchTo': InspectionView;
  'inspection.intercept': InspectionView;
  'inspection.cancel': InspectionView;
  'agents.forceBusy': null;
  'agents.forceIdle': null;
  'agents.forceSignOut': null;
  'queues.watch': null;
  'queues.requestCall': InspectionView;
  'settings.update': Settings;
  'hotkeys.set': HotkeyStatus[];
  'journal.list': JournalEntry[];
  /** Where the export was saved; null when the user cancelled the save dialog. */
  'journal.export': { savedTo: string | null; entries: number };
  'coaching.getView': CoachingView;
  /** Who a note would go to now, and how many of them are signed in. */
  'coaching.previewRecipients': { workNos: string[]; signedIn: number; batches: number };
  'coaching.sendNote': NoteSendResult;
  'coaching.forceRest': null;
  'coaching.forceRelease': null;
  'coaching.adjustSkills': null;
  'coaching.follow': FollowView;
  'coaching.stopFollow': null;
  'coaching.sampleNext': InspectionView;
  'coaching.saveScorecard': Scorecard;
  'coaching.dismissScorecard': null;
  'coaching.timeline': TimelineEntry[];
  'coaching.exportFile': { savedTo: string | null; entries: number };
  'coaching.exportScorecards': { savedTo: string | null; entries: number };
  /** The latest live figures; null before the first sample of a shift. */
  'stats.getSnapshot': InsightSnapshot | null;
  'stats.history': HistorySeries;
  /** Where the CSV was saved; null when the user cancelled the save dialog. */
  'stats.exportCsv': { savedTo: string | null; rows: number };
  'wallboard.open': null;
  /** Check for an update now (the person asked: a failure is reported). */
  'updates.check': UpdateView;
  /** Install the downloaded update now (refused while inspecting or on a call). */
  'updates.install': null;
  'updates.getState': UpdateView;
  /** One zip for support: versions, settings and policy, logs, doctor, journal tail. */
  'diagnostics.export': DiagnosticsExport;
}

export type CommandName = keyof CommandResults & keyof CommandArgSchemas;
/** Arguments as the caller writes them (defaults such as `source` may be omitted). */
export type CommandArgs<N extends CommandName> = z.input<CommandArgSchemas[N]>;
/**
 * Arguments as the window sends them: never a `source` — main records where an action came
 * from, and the IPC binding refuses a payload that names its own.
 */
export type WindowCommandArgs<N extends CommandName> = Omit<CommandArgs<N>, 'source'>;
/** Arguments after validation, as the supervisor receives them. */
export type ValidCommandArgs<N extends CommandName> = z.output<CommandArgSchemas[N]>;

/** Payload of each event main pushes to the renderer. */
export interface EventPayloads {
  'connection.changed': ConnectionState;
  'inspection.changed': InspectionView;
  'roster.delta': RosterDelta;
  'selection.changed': { workNo: string | null };
  'queues.changed': SkillQueueView[];
  'alerts.changed': AlertView[];
  'settings.changed': Settings;
  'hotkeys.changed': HotkeyStatus[];
  'journal.appended': JournalEntry;
  notice: Notice;
  'coaching.changed': CoachingView;
  /** The live figures, every 5 s. */
  'stats.changed': InsightSnapshot;
  'updates.changed': UpdateView;
  /** The tray's "Write a note…": open the note composer on this agent (already selected). */
  'ui.composeNote': { workNo: string };
}
export type EventName = keyof EventPayloads;

/** Why a command failed, typed so the screen can explain it. */
export type CommandErrorCode =
  | 'invalid-argument'
  | 'forbidden-state'
  | 'not-signed-in'
  | 'gateway'
  | 'keychain-unavailable'
  | 'no-password'
  /** A plain-HTTP gateway without the opt-in, or plain HTTP with a pin or private CA. */
  | 'insecure-gateway'
  /** The administrator's policy locks the setting (or forbids demo mode). */
  | 'locked-by-policy'
  | 'unknown-command'
  | 'forbidden-sender'
  | 'internal';

export interface CommandError {
  code: CommandErrorCode;
  message: string;
  messageZh: string;
  /** Gateway retcode when the gateway refused. */
  retcode: string | null;
  /** For invalid-argument: the offending field path, e.g. `workNo`. */
  field: string | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandError };

/** The API the preload exposes as `window.inspector`. */
export interface InspectorApi {
  invoke<N extends CommandName>(
    name: N,
    args: WindowCommandArgs<N>,
  ): Promise<Result<CommandResults[N]>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/**
 * Every command and event name, once each: a Record over the name union, so a name missing
 * here or unknown to the contract is a compile error in this one place (the preload, the
 * bindings and the tests take their lists from these).
 */
const COMMANDS: Readonly<Record<CommandName, true>> = {
  'app.getSnapshot': true,
  'app.getScreen': true,
  'roster.getSnapshot': true,
  'app.getStatus': true,
  'app.openLogsFolder': true,
  'session.signIn': true,
  'session.signOut': true,
  'session.startDemo': true,
  'agents.select': true,
  'inspection.listen': true,
  'inspection.barge': true,
  'inspection.whisper': true,
  'inspection.switch': true,
  'inspection.switchTo': true,
  'inspection.intercept': true,
  'inspection.cancel': true,
  'agents.forceBusy': true,
  'agents.forceIdle': true,
  'agents.forceSignOut': true,
  'queues.watch': true,
  'queues.requestCall': true,
  'settings.update': true,
  'hotkeys.set': true,
  'journal.list': true,
  'journal.export': true,
  'coaching.getView': true,
  'coaching.previewRecipients': true,
  'coaching.sendNote': true,
  'coaching.forceRest': true,
  'coaching.forceRelease': true,
  'coaching.adjustSkills': true,
  'coaching.follow': true,
  'coaching.stopFollow': true,
  'coaching.sampleNext': true,
  'coaching.saveScorecard': true,
  'coaching.dismissScorecard': true,
  'coaching.timeline': true,
  'coaching.exportFile': true,
  'coaching.exportScorecards': true,
  'stats.getSnapshot': true,
  'stats.history': true,
  'stats.exportCsv': true,
  'wallboard.open': true,
  'updates.check': true,
  'updates.install': true,
  'updates.getState': true,
  'diagnostics.export': true,
};

const EVENTS: Readonly<Record<EventName, true>> = {
  'connection.changed': true,
  'inspection.changed': true,
  'roster.delta': true,
  'selection.changed': true,
  'queues.changed': true,
  'alerts.changed': true,
  'settings.changed': true,
  'hotkeys.changed': true,
  'journal.appended': true,
  notice: true,
  'coaching.changed': true,
  'stats.changed': true,
  'updates.changed': true,
  'ui.composeNote': true,
};

/** Runtime lists of names (the preload and the bindings check against these). */
export const COMMAND_NAMES = Object.freeze(Object.keys(COMMANDS)) as readonly CommandName[];
export const EVENT_NAMES = Object.freeze(Object.keys(EVENTS)) as readonly EventName[];

/** IPC channel of a command / event (one namespace so nothing else can collide). */
export const commandChannel = (name: CommandName): string => `inspector:cmd:${name}`;
export const eventChannel = (name: EventName): string => `inspector:evt:${name}`;
