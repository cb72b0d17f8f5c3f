/**
 * The control folder and info file on disk. On Unix the folder must be a real directory owned
 * by this user with no access for anyone else (0700), and the info file is written 0600 and
 * renamed into place, so nobody else can read the token or reach the socket. On Windows the
 * folder sits in the user's own profile, whose ACL keeps other users out.
 */
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { ControlLocation } from './control-location';
import { readControlInfo, type ControlInfo } from './control-wire';

/** The control folder or info file is not safe to use (someone else's, or open to others). */
export class UnsafeControlFolderError extends Error {
  override readonly name = 'UnsafeControlFolderError';
}

const isWindows = process.platform === 'win32';

/** Creates the folder (0700) or checks the one there. */
export async function prepareControlFolder(location: ControlLocation): Promise<void> {
  await mkdir(location.directory, { recursive: true, mode: 0o700 });
  if (isWindows) return;
  const stats = await lstat(location.directory);
  const uid = process.getuid?.() ?? -1;
  if (!stats.isDirectory())
    throw new UnsafeControlFolderError(`${location.directory} is not a folder.`);
  if (stats.uid !== uid)
    throw new UnsafeControlFolderError(`${location.directory} belongs to another user.`);
  if ((stats.mode & 0o077) !== 0)
    throw new UnsafeControlFolderError(
      `${location.directory} is open to other users (mode ${(stats.mode & 0o777).toString(8)}): make it 0700.`,
    );
}

/** The info file of a running endpoint, or null when there is none (or it is not ours). */
export async function loadControlInfo(location: ControlLocation): Promise<ControlInfo | null> {
  let text: string;
  try {
    if (!isWindows) {
      const stats = await lstat(location.infoFile);
      const uid = process.getuid?.() ?? -1;
      // Only a file of our own that nobody else can read carries a token we may send.
      if (!stats.isFile() || stats.uid !== uid || (stats.mode & 0o077) !== 0) return null;
    }
    text = await readFile(location.infoFile, 'utf8');
  } catch {
    return null;
  }
  return readControlInfo(text);
}

/** Writes the info file (0600) through a temporary file and a rename. */
export async function writeControlInfo(
  location: ControlLocation,
  info: ControlInfo,
): Promise<void> {
  const temporary = `${location.infoFile}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(info)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, location.infoFile);
}

/** Removes the info file if it is still this run's (another run may have replaced it). */
export async function removeControlInfo(location: ControlLocation, token: string): Promise<void> {
  const current = await loadControlInfo(location);
  if (current?.token === token) await rm(location.infoFile, { force: true });
}
