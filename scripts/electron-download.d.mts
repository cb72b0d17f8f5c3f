/** Types of electron-download.mjs, for the tests that import it. */
export interface ElectronDownload {
  /** The zip's name, e.g. electron-v45.4.1-linux-x64.zip. */
  fileName: string;
  url: string;
  /** The mirror in use, or null for the GitHub releases. */
  mirror: string | null;
  cacheRoot: string;
  cachePath: string;
}

export function describeElectronDownload(
  version: string,
  options?: { env?: NodeJS.ProcessEnv; platform?: string; arch?: string },
): ElectronDownload;

export function electronInstallHelp(options: {
  version: string;
  reason: string;
  download: ElectronDownload;
  command?: string;
}): string;

export function wrap(text: string, width: number): string;
