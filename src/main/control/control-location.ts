/**
 * Where the local control endpoint lives, per user: a Unix socket in a folder only the user
 * may enter (`$XDG_RUNTIME_DIR/cc-inspector`, else `<tmpdir>/cc-inspector-<uid>`), or on
 * Windows a named pipe whose name is derived from the user and folder, with the info file
 * (endpoint, token, owner) in `%LOCALAPPDATA%\CC Inspector\control`. CC_INSPECTOR_CONTROL_DIR
 * moves the folder (tests, several sandboxes on one account). Pure: the facts come in.
 */
import { createHash } from 'node:crypto';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, win32 } from 'node:path';

export interface ControlLocation {
  /** Folder of the socket and the info file (mode 0700 on Unix). */
  directory: string;
  /** Socket path, or `\\.\pipe\…` on Windows. */
  endpoint: string;
  /** JSON with the endpoint, the per-run token and the owner (mode 0600). */
  infoFile: string;
}

export interface LocationFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** -1 on Windows. */
  uid: number;
  username: string;
  homedir: string;
  tmpdir: string;
}

/** Environment variable that moves the control folder. */
export const CONTROL_DIR_VARIABLE = 'CC_INSPECTOR_CONTROL_DIR';

export function controlLocation(facts: LocationFacts): ControlLocation {
  const windows = facts.platform === 'win32';
  const path = windows ? win32 : { join };
  const override = facts.env[CONTROL_DIR_VARIABLE];
  const directory =
    override !== undefined && override !== ''
      ? override
      : windows
        ? win32.join(
            facts.env.LOCALAPPDATA || win32.join(facts.homedir, 'AppData', 'Local'),
            'CC Inspector',
            'control',
          )
        : facts.env.XDG_RUNTIME_DIR
          ? join(facts.env.XDG_RUNTIME_DIR, 'cc-inspector')
          : join(facts.tmpdir, `cc-inspector-${facts.uid}`);
  // A pipe name is global on the machine: the user and the folder make it this user's own.
  const pipeId = createHash('sha256')
    .update(`${facts.username}\0${directory}`)
    .digest('hex')
    .slice(0, 24);
  return {
    directory,
    endpoint: windows
      ? `\\\\.\\pipe\\cc-inspector-${pipeId}`
      : path.join(directory, 'control.sock'),
    infoFile: path.join(directory, 'control.json'),
  };
}

/** The location for the user running this process. */
export function controlLocationOfThisProcess(
  env: NodeJS.ProcessEnv = process.env,
): ControlLocation {
  return controlLocation({
    platform: process.platform,
    env,
    uid: process.getuid?.() ?? -1,
    username: userInfo().username,
    homedir: homedir(),
    tmpdir: tmpdir(),
  });
}
