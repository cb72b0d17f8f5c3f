/**
 * A layout choice the window remembers across restarts (charts shown or hidden): kept in the
 * page's localStorage, which Electron keeps per origin in the user's profile — `app:` is a
 * standard, secure scheme, so it has storage. Only on/off flags of the window's own layout live
 * here: nothing the core needs, nothing secret. Unreadable or foreign values read as the default,
 * and a storage that refuses writes leaves the choice for this session only.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'cc-inspector.layout.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A page without storage (opaque origin) throws on access.
    return null;
  }
}

export function readFlag(name: string, fallback: boolean): boolean {
  try {
    const value = storage()?.getItem(PREFIX + name);
    return value === '1' ? true : value === '0' ? false : fallback;
  } catch {
    return fallback;
  }
}

export function writeFlag(name: string, value: boolean): void {
  try {
    storage()?.setItem(PREFIX + name, value ? '1' : '0');
  } catch {
    // Quota or a storage turned off: the choice holds until the window closes.
  }
}

/** A boolean that starts from what was chosen last time and remembers each change. */
export function useRememberedFlag(
  name: string,
  fallback: boolean,
): [boolean, (update: (current: boolean) => boolean) => void] {
  const [value, setValue] = useState(() => readFlag(name, fallback));
  const update = useCallback(
    (change: (current: boolean) => boolean) => {
      setValue((current) => {
        const next = change(current);
        writeFlag(name, next);
        return next;
      });
    },
    [name],
  );
  return [value, update];
}
