/**
 * The one IPC contract: every command the renderer may invoke (name → arguments → result) and
 * every event main pushes. Main binds each command once with validation; the preload builds
 * `window.inspector` from COMMAND_NAMES / EVENT_NAMES and `satisfies InspectorApi`; the
 * renderer is typed from the same map. This file holds no runtime dependency besides the
 * name lists, so the sandboxed preload can import it.
 */
import type { z } from 'zod';
import type { CommandArgSchemas } from './contract-schemas';
import type {
  AlertView,
  AppSnapshot,
  ConnectionState,
  HotkeyStatus,
  InspectionView,
  JournalEntry,
  Notice,
  RosterDelta,
  Settings,
  SkillQueueView,
} from '../domain';

/** Result type of each command. */
export interface CommandResults {
  'app.getSnapshot': AppSnapshot;
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
}

export type CommandName = keyof CommandResults & keyof CommandArgSchemas;
/** Arguments as the caller writes them (defaults such as `source` may be omitted). */
export type CommandArgs<N extends CommandName> = z.input<CommandArgSchemas[N]>;
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
  invoke<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<Result<CommandResults[N]>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Runtime lists of names (the preload and the bindings check against these). */
export const COMMAND_NAMES = [
  'app.getSnapshot',
  'app.openLogsFolder',
  'session.signIn',
  'session.signOut',
  'session.startDemo',
  'agents.select',
  'inspection.listen',
  'inspection.barge',
  'inspection.whisper',
  'inspection.switch',
  'inspection.switchTo',
  'inspection.intercept',
  'inspection.cancel',
  'agents.forceBusy',
  'agents.forceIdle',
  'agents.forceSignOut',
  'queues.watch',
  'queues.requestCall',
  'settings.update',
  'hotkeys.set',
  'journal.list',
  'journal.export',
] as const satisfies readonly CommandName[];

export const EVENT_NAMES = [
  'connection.changed',
  'inspection.changed',
  'roster.delta',
  'selection.changed',
  'queues.changed',
  'alerts.changed',
  'settings.changed',
  'hotkeys.changed',
  'journal.appended',
  'notice',
] as const satisfies readonly EventName[];

/** IPC channel of a command / event (one namespace so nothing else can collide). */
export const commandChannel = (name: CommandName): string => `inspector:cmd:${name}`;
export const eventChannel = (name: EventName): string => `inspector:evt:${name}`;

// Compile-time proof that the name lists cover the maps exactly.
type Missing<All, Listed> = Exclude<All, Listed>;
const _allCommandsListed: Missing<CommandName, (typeof COMMAND_NAMES)[number]> extends never
  ? true
  : never = true;
const _allEventsListed: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never
  ? true
  : never = true;
void _allCommandsListed;
void _allEventsListed;
