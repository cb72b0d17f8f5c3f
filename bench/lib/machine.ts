/**
 * The machine a benchmark ran on, stored next to the results: the figures only mean something
 * together with it.
 */
import fs from 'node:fs';
import os from 'node:os';

export interface MachineDescription {
  os: string;
  kernel: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine skews tails. */
  loadAverageAtStart: number;
  /** The same when the run ended (a shared machine's load changes during a run). */
  loadAverageAtEnd?: number;
}

/** The 1-minute load average now, rounded. */
export function currentLoadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/** The distribution's name on Linux (`/etc/os-release`), else the OS version string. */
function describeOs(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1];
    if (pretty) return `${os.type()} (${pretty})`;
  } catch {
    // Not Linux, or no os-release: fall through.
  }
  return `${os.type()} ${os.version()}`;
}

/** Describe this machine (OS, CPUs, memory, Node version) and the current date. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    os: describeOs(),
    kernel: os.release(),
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: currentLoadAverage(),
  };
}
