/**
 * "Install Command-Line Tool…" (macOS) on a temporary folder: the link is made, made again
 * only when it points elsewhere, and a missing launcher or an unusable folder is said plainly.
 */
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cliLauncherPath,
  describeCliInstall,
  installCommandLineTool,
  type CliInstallPorts,
} from './cli-install';

let root: string;
let launcher: string;
const runs: Array<{ file: string; args: readonly string[] }> = [];
const ports: CliInstallPorts = {
  run: async (file, args) => void runs.push({ file, args }),
};

beforeEach(() => {
  runs.length = 0;
  root = mkdtempSync(join(tmpdir(), 'cc-cli-install-'));
  launcher = cliLauncherPath(join(root, 'Resources'));
  mkdirSync(join(root, 'Resources/cli/bin'), { recursive: true });
  writeFileSync(launcher, '#!/bin/sh\n', { mode: 0o755 });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('installCommandLineTool', () => {
  it('links the launcher into the bin folder, once', async () => {
    const link = join(root, 'usr/local/bin/cc-inspector');
    expect(await installCommandLineTool(launcher, ports, link)).toEqual({
      kind: 'installed',
      link,
      target: launcher,
      asAdministrator: false,
    });
    expect(readlinkSync(link)).toBe(launcher);
    expect(await installCommandLineTool(launcher, ports, link)).toMatchObject({ kind: 'already' });
    expect(runs).toEqual([]);
  });

  it('replaces a link to another copy of the app (an older one in Downloads)', async () => {
    const link = join(root, 'bin/cc-inspector');
    mkdirSync(join(root, 'bin'));
    symlinkSync('/Volumes/Old/CC Inspector.app/Contents/Resources/cli/bin/cc-inspector', link);
    expect(await installCommandLineTool(launcher, ports, link)).toMatchObject({
      kind: 'installed',
    });
    expect(readlinkSync(link)).toBe(launcher);
  });

  it('says so when the build has no launcher, or the folder cannot hold the link', async () => {
    expect(await installCommandLineTool(join(root, 'nope'), ports, join(root, 'x'))).toMatchObject({
      kind: 'missing-launcher',
    });
    writeFileSync(join(root, 'file'), '');
    const outcome = await installCommandLineTool(launcher, ports, join(root, 'file/cc-inspector'));
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(describeCliInstall(outcome, 'en').title).toBe('The command-line tool was not installed');
    expect(describeCliInstall(outcome, 'zh-CN').title).toBe('未能安装命令行工具');
  });
});
