/**
 * Parses what `reg query "<key>" /s` prints into a policy document: the key's own values are the
 * locked keys, each subkey (`Recommended`) a nested section. Pure, tested on captured output.
 * reg.exe prints a key path on its own line and each value as four spaces, the name, four
 * spaces, the type, four spaces and the data (REG_DWORD as 0x…, REG_MULTI_SZ joined by a
 * literal `\0`). Booleans are stored as REG_DWORD 0/1 (what an ADMX <enabledValue> writes).
 */
import { z } from 'zod';
import { policyKeySpec } from '../policy-keys';

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** One value as reg.exe typed it, turned into JSON-like data. */
function readData(type: string, data: string): unknown {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD': {
      const number = Number.parseInt(data.trim(), 16);
      return /^0x[0-9a-f]+$/i.test(data.trim()) ? number : data;
    }
    case 'REG_MULTI_SZ':
      return data === '' ? '' : data.split('\\0').join('\n');
    default:
      // REG_SZ, REG_EXPAND_SZ (not expanded: no policy value names a path), REG_BINARY (as text,
      // which the key's schema then refuses with a clear message).
      return data;
  }
}

/** A DWORD 0/1 for a boolean key is that boolean; anything else stays as it is (and is refused). */
function asKeyValue(name: string, value: unknown): unknown {
  const spec = policyKeySpec(name);
  if (spec && spec.schema instanceof z.ZodBoolean && (value === 0 || value === 1))
    return value === 1;
  return value;
}

/**
 * The document under `rootKey` in reg.exe's output (a key path is compared without regard to
 * case, as the registry does). Values of deeper subkeys are nested one level per subkey.
 */
export function parseRegQueryOutput(output: string, rootKey: string): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  const root = rootKey.toLowerCase();
  let section: Record<string, unknown> | null = null;
  for (const rawLine of output.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (/^HKEY_/i.test(line)) {
      section = sectionFor(document, line.trim(), root);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (!match || section === null) continue;
    const [, name = '', type = '', data = ''] = match;
    if (name === '(Default)') continue;
    section[name] = asKeyValue(name, readData(type, data));
  }
  return document;
}

/** The object that values under `keyPath` go into; null for a key outside the root. */
function sectionFor(
  document: Record<string, unknown>,
  keyPath: string,
  root: string,
): Record<string, unknown> | null {
  const lower = keyPath.toLowerCase();
  if (lower === root) return document;
  if (!lower.startsWith(`${root}\\`)) return null;
  let current = document;
  for (const part of keyPath.slice(root.length + 1).split('\\')) {
    const next = current[part];
    current[part] = typeof next === 'object' && next !== null ? next : {};
    current = current[part] as Record<string, unknown>;
  }
  return current;
}

/** Whether reg.exe said the key does not exist (exit 1 with this message: no policy there). */
export function isMissingKeyMessage(stderr: string): boolean {
  return /unable to find the specified registry key/i.test(stderr);
}
