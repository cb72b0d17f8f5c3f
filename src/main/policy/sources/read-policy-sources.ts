/**
 * Where each platform keeps the administrator's policy, and the thin adapter that reads it:
 * Windows `reg query` of HKLM then HKCU `\Software\Policies\CC Inspector`; macOS `plutil` of the
 * managed preferences (device, then user) of the app id, which MDM profiles write; Linux
 * `/etc/cc-inspector/policy.json`. Running the programs and reading files are injected, so the
 * parsing is tested on captured output and the Linux path is a test's temporary file.
 *
 * `extraFile` (CC_INSPECTOR_POLICY_FILE) is read last, below every system source: it can add
 * locks and presets (IT tries a policy before rolling it out; tests point at their own file),
 * never lift one, because a key locked by a system source wins.
 */
import { join } from 'node:path';
import type { PolicySourceReading } from '../policy-merge';
import { isMissingKeyMessage, parseRegQueryOutput } from './registry-output';

/** Must match `appId` in electron-builder.yml: the macOS preference domain. */
export const POLICY_APP_ID = 'com.ccinspector.desktop';
export const WINDOWS_POLICY_KEY = 'Software\\Policies\\CC Inspector';
export const LINUX_POLICY_FILE = '/etc/cc-inspector/policy.json';
export const MAC_MANAGED_PREFERENCES = '/Library/Managed Preferences';
export const POLICY_FILE_VARIABLE = 'CC_INSPECTOR_POLICY_FILE';

export interface ProgramOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface PolicyReadPorts {
  platform: NodeJS.Platform;
  /** Runs a program without a shell (execFile); never throws, reports the exit code. */
  run(program: string, args: readonly string[]): Promise<ProgramOutcome>;
  /** Reads a text file; null when it does not exist. */
  readText(path: string): Promise<string | null>;
  /** The signed-in user's name (macOS per-user managed preferences). */
  userName: string;
  /** Linux policy file (default /etc/cc-inspector/policy.json). */
  linuxPolicyFile?: string;
  /** A further, lowest-precedence policy file (CC_INSPECTOR_POLICY_FILE); null for none. */
  extraFile?: string | null;
}

const HIVES = [
  { short: 'HKLM', long: 'HKEY_LOCAL_MACHINE' },
  { short: 'HKCU', long: 'HKEY_CURRENT_USER' },
] as const;

async function readRegistry(ports: PolicyReadPorts): Promise<PolicySourceReading[]> {
  const readings: PolicySourceReading[] = [];
  for (const hive of HIVES) {
    const source = `${hive.short}\\${WINDOWS_POLICY_KEY}`;
    // /reg:64: a 64-bit app's policy lives in the 64-bit view, where Group Policy writes it.
    const outcome = await ports.run('reg', ['query', source, '/s', '/reg:64']);
    if (outcome.code === 0) {
      readings.push({
        source,
        document: parseRegQueryOutput(outcome.stdout, `${hive.long}\\${WINDOWS_POLICY_KEY}`),
      });
    } else if (!isMissingKeyMessage(outcome.stderr)) {
      readings.push({ source, error: firstLine(outcome.stderr) || `reg exited ${outcome.code}` });
    }
  }
  return readings;
}

async function readManagedPreferences(ports: PolicyReadPorts): Promise<PolicySourceReading[]> {
  const readings: PolicySourceReading[] = [];
  const files = [
    join(MAC_MANAGED_PREFERENCES, `${POLICY_APP_ID}.plist`),
    join(MAC_MANAGED_PREFERENCES, ports.userName, `${POLICY_APP_ID}.plist`),
  ];
  for (const file of files) {
    // Binary or XML: plutil converts either; the policy uses only strings, numbers and booleans.
    const outcome = await ports.run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file]);
    if (outcome.code === 0) readings.push(parseJsonReading(file, outcome.stdout));
    else if (!/does not exist|no such file/i.test(`${outcome.stderr}${outcome.stdout}`))
      readings.push({
        source: file,
        error: firstLine(outcome.stderr || outcome.stdout) || `plutil exited ${outcome.code}`,
      });
  }
  return readings;
}

async function readJsonFile(path: string, ports: PolicyReadPorts): Promise<PolicySourceReading[]> {
  let text: string | null;
  try {
    text = await ports.readText(path);
  } catch (error) {
    return [{ source: path, error: error instanceof Error ? error.message : String(error) }];
  }
  return text === null ? [] : [parseJsonReading(path, text)];
}

/** A JSON document, or why it is not one. */
export function parseJsonReading(source: string, text: string): PolicySourceReading {
  try {
    return { source, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return {
      source,
      error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Every policy source of this platform, highest precedence first. */
export async function readPolicySources(ports: PolicyReadPorts): Promise<PolicySourceReading[]> {
  const system =
    ports.platform === 'win32'
      ? await readRegistry(ports)
      : ports.platform === 'darwin'
        ? await readManagedPreferences(ports)
        : await readJsonFile(ports.linuxPolicyFile ?? LINUX_POLICY_FILE, ports);
  const extra = ports.extraFile ? await readJsonFile(ports.extraFile, ports) : [];
  return [...system, ...extra];
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0]?.trim() ?? '';
}
