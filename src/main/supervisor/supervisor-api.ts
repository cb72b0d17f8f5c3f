/**
 * The supervisor core as its bindings see it: Electron IPC, the test-only WebSocket binding,
 * the tray and the hotkeys all drive the core through this interface only.
 */
import type {
  CommandName,
  CommandResults,
  EventName,
  EventPayloads,
  Result,
  ValidCommandArgs,
} from '../../shared/ipc/contract';
import type { AgentRow, ConnectionState, HotkeyAction, InspectionView } from '../../shared/domain';
import type { FollowView } from '../../shared/coaching';

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** What the tray menu is built from (a pure function of this). */
export interface TrayModel {
  connection: ConnectionState;
  inspection: InspectionView;
  /** Agent the hotkeys and quick actions act on (selected, else last target). */
  focusAgent: AgentRow | null;
  /** The few longest calls right now, longest first. */
  longestCalls: AgentRow[];
  /** Following an agent, and the note templates the tray offers (absent: none). */
  coaching?: {
    follow: FollowView | null;
    noteTemplates: Array<{ id: string; name: string; text: string }>;
  };
}

export interface SupervisorCore {
  /**
   * Run one contract command with already-validated arguments. Never throws: every failure is
   * a Result with a typed error.
   */
  execute<N extends CommandName>(
    name: N,
    args: ValidCommandArgs<N>,
  ): Promise<Result<CommandResults[N]>>;
  /** Receive every contract event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** A hotkey fired: run its action on the focus agent (or the current inspection). */
  runHotkey(action: HotkeyAction): Promise<Result<InspectionView>>;
  trayModel(): TrayModel;
  /** Start: load settings, sign in with remembered credentials or start demo mode. */
  start(options: { demo: boolean }): Promise<void>;
  /** The OS resumed from sleep or the network came back: re-check the session now. */
  onResume(): void;
  /** Sign out (when signed in) and release everything. */
  dispose(): Promise<void>;
}
