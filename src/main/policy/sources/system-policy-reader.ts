/**
 * The real ports of the policy reader: programs run with execFile (no shell, hidden window, a
 * time limit) and files read with fs. Used by the app's composition root and by the CLI alike,
 * so both read one policy the same way.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { mergePolicySources, type ManagedPolicy } from '../policy-merge';
import {
  POLICY_FILE_VARIABLE,
  readPolicySources,
  type PolicyReadPorts,
  type ProgramOutcome,
} from './read-policy-sources';

const PROGRAM_TIME_LIMIT_MS = 10_000;

function runProgram(program: string, args: readonly string[]): Promise<ProgramOutcome> {
  return new Promise((resolve) => {
    execFile(
      program,
      [...args],
      { timeout: PROGRAM_TIME_LIMIT_MS, windowsHide: true, encoding: 'utf8', maxBuffer: 4 << 20 },
      (error, stdout, stderr) => {
        const code =
          error === null ? 0 : typeof error.code === 'number' ? error.code : error.code ? -1 : null;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr) || (error && code === -1 ? error.message : ''),
        });
      },
    );
  });
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

/** The ports of this machine; `overrides` for tests (a Linux file path, a captured program). */
export function systemPolicyPorts(
  env: NodeJS.ProcessEnv,
  overrides: Partial<PolicyReadPorts> = {},
): PolicyReadPorts {
  return {
    platform: process.platform,
    run: runProgram,
    readText: readTextOrNull,
    userName: currentUserName(),
    extraFile: env[POLICY_FILE_VARIABLE]?.trim() || null,
    ...overrides,
  };
}

/** Reads and merges every policy source of this machine. Never throws: problems are reported. */
export async function readSystemPolicy(ports: PolicyReadPorts): Promise<ManagedPolicy> {
  try {
    return mergePolicySources(await readPolicySources(ports));
  } catch (error) {
    return mergePolicySources([
      {
        source: 'policy',
        error: error instanceof Error ? error.message : String(error),
      },
    ]);
  }
}
