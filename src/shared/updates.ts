/**
 * What the screen, the tray and the menu learn about updates: where the updater is, which
 * version waits, and why it waits. Plain data; the updater itself runs in main.
 */

export type UpdatePhase =
  /** Turned off (policy UpdatesEnabled=false, or a build without an updater such as `npm start`). */
  | 'disabled'
  | 'idle'
  | 'checking'
  | 'up-to-date'
  | 'downloading'
  /** Downloaded and verified; installs when allowed and confirmed, or at quit. */
  | 'ready'
  /** The last check or download failed; work goes on, the next check retries. */
  | 'failed';

export interface UpdateView {
  phase: UpdatePhase;
  currentVersion: string;
  /** The version found or downloaded; null when none. */
  version: string | null;
  /** Download progress 0–100 while downloading. */
  percent: number | null;
  /** Why a ready update is not installed now: the supervisor is inspecting or on a call. */
  waitingFor: 'inspection' | 'call' | null;
  /** When the last check finished (ms since epoch). */
  checkedAt: number | null;
  /** The last failure in both languages (the screen shows it after a check the person asked for). */
  failure: { message: string; messageZh: string } | null;
  /** Where updates come from: the policy's server, GitHub releases, or nowhere. */
  feed: 'policy' | 'github' | null;
  channel: 'stable' | 'beta';
}

/** Where the bundle went and how many files it holds; savedTo null: the person cancelled. */
export interface DiagnosticsExport {
  savedTo: string | null;
  files: number;
}
