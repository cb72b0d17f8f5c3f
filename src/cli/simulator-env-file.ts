/**
 * `simulator --write-env FILE`: the first inspector's connection as shell variables, so a
 * newcomer (or the README's walk-through) loads them with `. ./FILE`; the simulator's CA goes
 * beside it (FILE without extension + `-ca.pem`). Written 0600 (it holds a password) through a
 * rename, so a script waiting for the file never reads half of it.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ENVIRONMENT_VARIABLES } from './connection-settings';

interface StartupInfo {
  baseUrl?: unknown;
  caPem?: unknown;
  inspectors?: unknown;
}

/** POSIX shell single quotes: safe for any value. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** The CA file written beside `file`. */
export function caFileBeside(file: string): string {
  const absolute = resolve(file);
  return join(dirname(absolute), `${basename(absolute, extname(absolute))}-ca.pem`);
}

export function writeEnvironmentFile(file: string, startup: StartupInfo): void {
  const inspectors = Array.isArray(startup.inspectors) ? startup.inspectors : [];
  const first = (inspectors[0] ?? {}) as Record<string, unknown>;
  const values: Array<[string, string]> = [
    [ENVIRONMENT_VARIABLES.gateway, String(startup.baseUrl ?? '')],
    [ENVIRONMENT_VARIABLES.agent, String(first.agentId ?? '')],
    [ENVIRONMENT_VARIABLES.phone, String(first.phoneNumber ?? '')],
    [ENVIRONMENT_VARIABLES.password, String(first.password ?? '')],
  ];
  if (typeof startup.caPem === 'string') {
    const caFile = caFileBeside(file);
    writeFileSync(caFile, startup.caPem, { mode: 0o644 });
    values.push([ENVIRONMENT_VARIABLES.ca, caFile]);
  }
  const text = [
    '# cc-inspector simulator: its first inspector. Load with `. ./FILE`.',
    ...values.map(([name, value]) => `export ${name}=${quote(value)}`),
    '',
  ].join('\n');
  const temporary = `${resolve(file)}.tmp-${process.pid}`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, resolve(file));
}
